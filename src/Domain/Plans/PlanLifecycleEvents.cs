using NodaTime;

namespace PerformancePlan.Domain.Plans;

/// <summary>The Giunta approved the plan with an act (e.g. <i>Delibera di Giunta n. 7 del 31/01/2019</i>).</summary>
public sealed record PlanApproved(string PlanId, string Act, LocalDate On, string ApprovedBy, Instant ApprovedAt);

/// <summary>The plan year was closed: results are frozen and an unmeasured indicator now counts 0.</summary>
public sealed record PlanClosed(string PlanId, LocalDate On, string ClosedBy, Instant ClosedAt);

/// <summary>The OIV validated the plan's year, having verified the ledger up to <paramref name="LedgerHead"/>.</summary>
public sealed record PlanValidated(string PlanId, string LedgerHead, string Note, string ValidatedBy, Instant ValidatedAt);

/// <summary>An indicator was neutralised (<i>sterilizzato</i>) by an act: it leaves every mean.</summary>
public sealed record IndicatorNeutralized(string PlanId, string Indicator, string Act, string Reason, string NeutralizedBy, Instant NeutralizedAt)
{
    /// <summary>The date of the act, from which the indicator is out of the means (null: since the start).</summary>
    public LocalDate? EffectiveOn { get; init; }
}
