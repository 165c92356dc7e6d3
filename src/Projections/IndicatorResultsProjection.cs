using JasperFx.Events;
using Marten.Events.Aggregation;
using PerformancePlan.Domain.Results;

namespace PerformancePlan.Projections;

/// <summary>
/// Every entry of one indicator ("what has been recorded for O1.2.3-a?"), inline with each write to its stream.
/// Scores are computed from these and the plan by the domain's <c>PlanScoring</c>: a per-plan score document
/// updated by every office would serialise all offices' writes (ADR 0006).
/// </summary>
public sealed class IndicatorResultsProjection : SingleStreamProjection<IndicatorResults, string>
{
    /// <summary>Hands each result event to the domain's <see cref="IndicatorResults.Evolve"/>.</summary>
    public override IndicatorResults? Evolve(IndicatorResults? snapshot, string id, IEvent e) =>
        e.Data is IResultEvent result ? IndicatorResults.Evolve(snapshot, result) : snapshot;
}
