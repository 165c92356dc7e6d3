namespace PerformancePlan.Host.Application.Views;

/// <summary>
/// Scores as <c>perfplan scores --format json</c> and the API return them (percentages 0–100, rounded by the plan's
/// methodology, two decimals unless it says otherwise): the headline figure, the indicators by what their score
/// rests on, and every level.
/// </summary>
public sealed record ScoresView(string Plan, bool Closed, HeadlineView Headline, IndicatorCountsView Counts,
    ScoreView Entity, IReadOnlyList<NodeScoreView> Areas, IReadOnlyList<NodeScoreView> Objectives,
    IReadOnlyList<IndicatorScoreView> Indicators)
{
    public static ScoresView From(ObjectiveScores s) => new(s.PlanId, s.Closed, HeadlineView.From(s),
        IndicatorCountsView.From(s.Counts), ScoreView.From(s.Entity.Score),
        s.Areas.Select(NodeScoreView.From).ToList(), s.Objectives.Select(NodeScoreView.From).ToList(),
        s.Indicators.Select(IndicatorScoreView.From).ToList());
}

public sealed record ScoreView(decimal? Raw, decimal? Parametrata, string Band)
{
    public static ScoreView From(Score s) => new(s.ShownRaw, s.ShownParametrata, BandNames.Code(s.Band));

    /// <summary>A figure rounded by the default rule (two decimals, halves away from zero); scores carry their own
    /// shown figures (<see cref="Score.ShownRaw"/>).</summary>
    public static decimal? R(decimal? d) =>
        d is null ? null : Methodology.RoundTo(d.Value, Methodology.DefaultDecimals);
}

/// <summary>
/// A node's score: <c>level</c> is <c>area</c>, <c>strategic</c>, <c>operational</c> for the seed's levels and
/// <c>objective</c> for a level of the plan's own; <c>levelName</c> is the level's Italian name as the plan writes it;
/// <c>outcome</c> the band table's label when the plan has one.
/// </summary>
public sealed record NodeScoreView(string Code, string Level, decimal? Raw, decimal? Parametrata, string Band)
{
    public static NodeScoreView From(NodeScore n) => new(n.Code, n.Level switch
    {
        Domain.Plans.Level.StrategicArea => "area",
        Domain.Plans.Level.StrategicObjective => "strategic",
        Domain.Plans.Level.OperationalObjective => "operational",
        _ => "objective",
    }, n.Score.ShownRaw, n.Score.ShownParametrata, BandNames.Code(n.Score.Band))
    {
        LevelName = n.LevelName, Outcome = n.Score.Label,
    };

    /// <summary>The level's Italian name as the plan writes it.</summary>
    public string LevelName { get; init; } = "";

    /// <summary>The outcome's name from the plan's band table; null under the seed's bands.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition =
        System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Outcome { get; init; }
}

/// <summary>
/// <c>target</c> and <c>actual</c> are numbers for percents, counts and days, ISO dates for deadlines
/// (one per deadline or period for per-period measures); <c>entries</c> are the entries that produced the score.
/// </summary>
public sealed record IndicatorScoreView(string Code, object? Target, object? Actual, decimal? Realization,
    decimal? Parametrata, string Band, IReadOnlyList<Guid> Entries)
{
    public static IndicatorScoreView From(IndicatorScore i) => new(i.Code, TargetOf(i), ActualOf(i),
        i.Score.ShownRaw, i.Score.ShownParametrata, BandNames.Code(i.Score.Band),
        i.Used.Select(e => e.EntryId).ToList());

    static object? TargetOf(IndicatorScore i) => i.Target switch
    {
        null => null,
        { Dates.Count: 1 } t => Iso(t.Dates[0]),
        { Dates.Count: > 1 } t => t.Dates.Select(Iso).ToList(),
        var t => t.Amount,
    };

    static object? ActualOf(IndicatorScore i)
    {
        if (i.Used.Count == 0) return null;
        object? Value(Domain.Results.ResultEntry e) => e.Value.Date is { } d ? Iso(d) : e.Value.Amount;
        return i.Measure is MeasureKind.Deadlines or MeasureKind.DaysAfterPeriodClose
            ? i.Used.ToDictionary(e => e.Period ?? "", Value)
            : Value(i.Used[0]);
    }

    static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", null);
}

public sealed record ScorecardView(string Plan, string Holder, decimal? Score, IReadOnlyList<ScorecardItemView> Items)
{
    public static ScorecardView From(HolderScorecard c) => new(c.PlanId, c.Holder, c.ShownScore,
        c.Items.Select(i => new ScorecardItemView(i.Indicator, ScoreView.R(i.Weight)!.Value,
            i.Score.ShownParametrata, BandNames.Code(i.Score.Band))).ToList());
}

public sealed record ScorecardItemView(string Code, decimal Weight, decimal? Parametrata, string Band);

/// <summary>A figure as tables, pages and reports print it: <c>77,6</c>, <c>90</c>; <c>—</c> when there is none.
/// </summary>
public static class ScoreText
{
    /// <summary>Scores come rounded by the plan's methodology: printed as they are, with a decimal comma.</summary>
    public static string Of(decimal? d) => d is null ? "—" : ItalianFormat.Decimal(d.Value);
}
