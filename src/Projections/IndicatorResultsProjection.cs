using PerformancePlan.Domain.Results;

namespace PerformancePlan.Projections;

/// <summary>
/// Every entry of one indicator ("what has been recorded for O1.2.3-a?"), inline with each write to its stream.
/// Scores are computed from these and the plan by the domain's <c>PlanScoring</c>: a per-plan score document
/// updated by every office would serialise all offices' writes (ADR 0006).
/// </summary>
public sealed class IndicatorResultsProjection()
    : DomainProjection<IndicatorResults, IResultEvent>(IndicatorResults.Evolve);
