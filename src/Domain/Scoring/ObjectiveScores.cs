using PerformancePlan.Domain.Results;

namespace PerformancePlan.Domain.Scoring;

/// <summary>The realization of one deadline or one period of a per-period indicator (null: not yet measured).</summary>
public sealed record PeriodRealization(string Period, decimal? Realization);

/// <summary>An indicator's score and its derivation: target, the entries used, realization per period.</summary>
public sealed record IndicatorScore(
    string Code, Level Level, string Parent, MeasureKind Measure, Comparator Comparator, YearTarget? Target,
    IReadOnlyList<ResultEntry> Used, IReadOnlyList<PeriodRealization> Periods, Score Score);

/// <summary>The score of an objective, an area or the entity.</summary>
public sealed record NodeScore(string Code, Level Level, Score Score);

/// <summary>"How is each indicator, objective, area and the whole entity doing?"</summary>
public sealed record ObjectiveScores(
    string PlanId, bool Closed, NodeScore Entity, IReadOnlyList<NodeScore> Areas, IReadOnlyList<NodeScore> Objectives,
    IReadOnlyList<IndicatorScore> Indicators);

public sealed record ScorecardItem(string Indicator, decimal Weight, Score Score);

/// <summary>"How is the SG (or a PO) doing?" Σ weight × parametrata / Σ weight over the measured items.</summary>
public sealed record HolderScorecard(string PlanId, string Holder, decimal? Score, IReadOnlyList<ScorecardItem> Items);
