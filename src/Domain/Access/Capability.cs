namespace PerformancePlan.Domain.Access;

/// <summary>
/// Everything a user may ask of PerformancePlan that the access table (<see cref="AccessTable"/>) decides: each read
/// beyond the published plan and scores, and each write. The CLI's verbs, the API's endpoints and the dashboard's
/// pages each name the capability they exercise; nothing else decides who may.
/// </summary>
public enum Capability
{
    /// <summary>The plan tree, targets and offices (holders and weights only as <see cref="Capability.ReadScorecard"/>
    /// allows).</summary>
    ReadPlan,

    /// <summary>Scores of indicators, objectives, areas and the entity, and their export.</summary>
    ReadScores,

    /// <summary>Versions, differences between versions, the history of targets.</summary>
    ReadPlanHistory,

    /// <summary>An indicator's entries: who recorded which value, when, with which note.</summary>
    ReadEntries,

    /// <summary>A holder's individual scorecard (personal data); the resource is the holder.</summary>
    ReadScorecard,

    /// <summary>The audit trail and its export: who did what, when, why.</summary>
    ReadAudit,

    /// <summary>The OIV's replay, its report and what-if simulations.</summary>
    ReadOivReplay,

    /// <summary>The publishable Relazione: individual performance in aggregate, non-nominative form.</summary>
    ReadRelazione,

    /// <summary>The full Relazione, with each holder's named scorecard: not for publication.</summary>
    ReadFullRelazione,

    /// <summary>Recomputing the ledger's hash chains.</summary>
    VerifyLedger,

    /// <summary>Recording a ledger digest or a signed checkpoint.</summary>
    SealLedger,

    /// <summary>Loading a plan file.</summary>
    ImportPlan,

    /// <summary>Approving a draft plan.</summary>
    ApprovePlan,

    /// <summary>Amendments: from a file, one target, the reversal of an amendment.</summary>
    AmendPlan,

    /// <summary>Drafting next year's plan from this one.</summary>
    RollForwardPlan,

    /// <summary>Recording results; the resource is the indicator and its offices.</summary>
    RecordResult,

    /// <summary>Reverting or correcting a recorded result.</summary>
    RevertResult,

    /// <summary>Closing the plan's year.</summary>
    ClosePlan,

    /// <summary>Reopening a closed year not yet validated.</summary>
    ReopenPlan,

    /// <summary>Neutralising an indicator (<i>sterilizzazione</i>).</summary>
    NeutralizeIndicator,

    /// <summary>The OIV's validation of a closed year.</summary>
    ValidatePlan,

    /// <summary>Adding, changing and disabling user accounts.</summary>
    ManageUsers,

    /// <summary>Merging administrations into a successor (issue #10).</summary>
    MergeEntities,
}
