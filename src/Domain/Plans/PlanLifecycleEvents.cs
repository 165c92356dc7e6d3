namespace PerformancePlan.Domain.Plans;

// Events of a plan's stream for its lifecycle: approval, close, reopening, the OIV's validation, neutralisations.

/// <summary>
/// The Giunta approved the plan with an act (e.g. <i>Delibera di Giunta n. 7 del 31/01/2019</i>) dated
/// <paramref name="On"/> (Europe/Rome).
/// </summary>
public sealed record PlanApproved(string PlanId, string Act, LocalDate On, string ApprovedBy, Instant ApprovedAt)
    : IPlanEvent;

/// <summary>The plan year was closed: results are frozen and an unmeasured indicator now counts 0.</summary>
public sealed record PlanClosed(string PlanId, LocalDate On, string ClosedBy, Instant ClosedAt) : IPlanEvent;

/// <summary>
/// A closed plan was reopened by an act (<paramref name="Act"/>, dated <paramref name="On"/>, Europe/Rome) for a
/// reason, e.g. an error the OIV found before validating: the plan is approved again, results can be recorded,
/// reverted and corrected, and it is closed again with <see cref="PlanClosed"/>.
/// </summary>
public sealed record PlanReopened(
    string PlanId, string Act, string Reason, LocalDate On, string ReopenedBy, Instant ReopenedAt) : IPlanEvent;

/// <summary>
/// The OIV validated the plan's year, having verified the ledger up to <paramref name="LedgerHead"/>.
/// </summary>
public sealed record PlanValidated(
    string PlanId, string LedgerHead, string Note, string ValidatedBy, Instant ValidatedAt) : IPlanEvent;

/// <summary>An indicator was neutralised (<i>sterilizzato</i>) by an act: it leaves every mean.</summary>
public sealed record IndicatorNeutralized(
    string PlanId, string Indicator, string Act, string Reason, string NeutralizedBy, Instant NeutralizedAt)
    : IPlanEvent
{
    /// <summary>The date of the act, from which the indicator is out of the means (null: since the start).</summary>
    public LocalDate? EffectiveOn { get; init; }
}
