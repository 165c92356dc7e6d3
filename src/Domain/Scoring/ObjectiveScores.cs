using PerformancePlan.Domain.Results;

namespace PerformancePlan.Domain.Scoring;

/// <summary>The realization of one deadline or one period of a per-period indicator (null: not yet measured).</summary>
public sealed record PeriodRealization(string Period, decimal? Realization);

/// <summary>An indicator's score and its derivation: target, the entries used, realization per period.</summary>
public sealed record IndicatorScore(
    string Code, Level Level, string Parent, MeasureKind Measure, Comparator Comparator, YearTarget? Target,
    IReadOnlyList<ResultEntry> Used, IReadOnlyList<PeriodRealization> Periods, Score Score)
{
    /// <summary>
    /// True when the plan year was closed with no result for this indicator: its 0 is the close's rule
    /// (BRIEF §3), not a measurement.
    /// </summary>
    public bool ZeroAtClose { get; init; }
}

/// <summary>The score of an objective, an area or the entity.</summary>
public sealed record NodeScore(string Code, Level Level, Score Score)
{
    /// <summary>The level's Italian name as the plan writes it (<c>Area strategica</c>, <c>Programma</c>…).</summary>
    public string LevelName { get; init; } = Labels.Of(Level);
}

/// <summary>"How is each indicator, objective, area and the whole entity doing?"</summary>
public sealed record ObjectiveScores(
    string PlanId, bool Closed, NodeScore Entity, IReadOnlyList<NodeScore> Areas, IReadOnlyList<NodeScore> Objectives,
    IReadOnlyList<IndicatorScore> Indicators)
{
    /// <summary>How many indicators were measured, counted 0 at the close, neutralised, or are still pending.</summary>
    public IndicatorCounts Counts => IndicatorCounts.Of(Indicators);
}

/// <summary>
/// The indicators of a plan by what their score rests on: a result (<see cref="Measured"/>), the close's rule that an
/// unmeasured indicator counts 0 (<see cref="ZeroAtClose"/>), an act of neutralisation, or nothing yet.
/// </summary>
public sealed record IndicatorCounts(int Total, int Measured, int ZeroAtClose, int Neutralized, int Pending)
{
    public static IndicatorCounts Of(IReadOnlyList<IndicatorScore> indicators) => new(indicators.Count,
        indicators.Count(i => i.Score.IsMeasured && !i.ZeroAtClose), indicators.Count(i => i.ZeroAtClose),
        indicators.Count(i => i.Score.Band == Band.Neutralized), indicators.Count(i => i.Score.Band == Band.Pending));

    /// <summary>The indicators that enter the means: measured plus those counted 0 at the close.</summary>
    public int Scored => Measured + ZeroAtClose;
}

public sealed record ScorecardItem(string Indicator, decimal Weight, Score Score);

/// <summary>"How is the SG (or a PO) doing?" Σ weight × parametrata / Σ weight over the measured items.</summary>
public sealed record HolderScorecard(string PlanId, string Holder, decimal? Score, IReadOnlyList<ScorecardItem> Items)
{
    /// <summary>Decimals of the figure shown: the methodology's rounding rule.</summary>
    public int Decimals { get; init; } = Methodology.DefaultDecimals;

    /// <summary>The score as shown (percent, to <see cref="Decimals"/>); null when nothing is measured.</summary>
    public decimal? ShownScore => Score is { } s ? Methodology.RoundTo(s, Decimals) : null;
}
