namespace PerformancePlan.Domain.Plans;

// Events of a plan's stream that amend an approved plan: a PlanAmended, then one event per change.

/// <summary>
/// A new version of an approved plan, authorised by an act and in force from <paramref name="EffectiveOn"/>
/// (a Europe/Rome business date). The changes it makes follow it in the plan's stream, in the same transaction.
/// </summary>
public sealed record PlanAmended(
    string PlanId, int Version, string Act, LocalDate EffectiveOn, string Reason, string AmendedBy, Instant AmendedAt)
    : IPlanEvent
{
    /// <summary>
    /// The version this amendment undoes, when it restores the values before an amendment made by mistake.
    /// </summary>
    public int? Reverts { get; init; }
}

/// <summary>
/// The target of one year of an indicator changed (from nothing when <paramref name="Previous"/> is null).
/// </summary>
public sealed record TargetRevised(
    string PlanId, string Indicator, int Year, YearTarget? Previous, YearTarget? Revised, string Reason) : IPlanEvent;

/// <summary>An indicator left the plan; its results stay in the log but it no longer scores.</summary>
public sealed record IndicatorWithdrawn(string PlanId, string Indicator, string Reason) : IPlanEvent;

/// <summary>An objective (with nothing left under it) left the plan.</summary>
public sealed record ObjectiveWithdrawn(string PlanId, string Objective, string Reason) : IPlanEvent;

/// <summary>
/// An indicator took a new code (and possibly a new parent): same identity, targets, results and weights.
/// </summary>
public sealed record IndicatorRenumbered(
    string PlanId, string Indicator, string NewCode, string NewParent, string Reason) : IPlanEvent;

/// <summary>The offices that record an indicator, or its holders, changed.</summary>
public sealed record IndicatorReassigned(
    string PlanId, string Indicator, IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : IPlanEvent;

/// <summary>The scoring rules changed for this plan (seed, section 4).</summary>
public sealed record MethodologyChanged(string PlanId, Methodology Methodology) : IPlanEvent;
