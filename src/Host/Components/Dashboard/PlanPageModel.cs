using PerformancePlan.Host.Components.Charts;

namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A plan's page: its state, the entity's score, charts and the tree of objectives and indicators.</summary>
public sealed record PlanPageModel(
    string Id, string EntityName, int Year, string Status, int Version, string? Act, TimeTravel Time, Score Entity,
    HeadlineView Headline, string Counts, IReadOnlyList<string> Holders, IReadOnlyList<Bar> StrategicObjectives,
    IReadOnlyList<ChartPoint> YearTrend,
    IReadOnlyList<TreeRow> Tree)
{
    /// <summary>The level the bars show, as the plan names it (<c>Obiettivo strategico</c> in the seed).</summary>
    public string BarsLevel { get; init; } = Labels.Of(Level.StrategicObjective);

    /// <summary>The page of a plan and its scores at the time asked, with the entity's score in the year.</summary>
    public static PlanPageModel From(
        Plan plan, ObjectiveScores scores, IReadOnlyList<ChartPoint> trend, TimeTravel time)
    {
        var nodes = scores.Objectives.Concat(scores.Areas).ToDictionary(n => n.Code, n => n.Score);
        var rows = new List<TreeRow>();
        void Add(PlanNode n, int depth)
        {
            rows.Add(new TreeRow(depth, n.Code, n.Description, "", "", nodes[n.Code], null)
            {
                Perspectives = PerspectiveText.Of(n.Perspectives),
            });
            foreach (var i in plan.IndicatorsOf(n.Code))
            {
                var s = scores.Indicators.Single(x => x.Code == i.Code);
                rows.Add(new TreeRow(depth, i.Code, i.Description, TargetText.Of(s.Target, i),
                    string.Join(", ", s.Used.Select(u => ResultText.Of(u.Value, i))), s.Score,
                    $"/piani/{plan.Id}/indicatori/{i.Code}{time.Query}"));
            }
            foreach (var c in plan.Children(n.Code)) Add(c, depth + 1);
        }
        foreach (var area in plan.Children(Codes.EntityCode)) Add(area, 0);
        // The bars are the second level of the tree (the seed's strategic objectives), else the first.
        var barDepth = plan.Nodes.Any(n => plan.DepthOf(n.Code) == 2) ? 2 : 1;
        var objectives = scores.Areas.Concat(scores.Objectives).Where(o => plan.DepthOf(o.Code) == barDepth)
            .Select(o => new Bar(o.Code, o.Score.ShownParametrata, o.Score.Band)).ToList();
        return new PlanPageModel(plan.Id, plan.EntityName, plan.Year, StatusNames.Of(plan.Status), plan.CurrentVersion,
            plan.Versions.Count > 0 ? plan.Versions[^1].Act : null, time, scores.Entity.Score,
            HeadlineView.From(scores), IndicatorCountsView.From(scores.Counts).Text(scores.Closed), plan.HolderCodes,
            objectives, trend, rows)
        {
            BarsLevel = plan.Nodes.FirstOrDefault(n => plan.DepthOf(n.Code) == barDepth)?.LevelName ?? "",
            PeriodName = Domain.Calendar.MonitoringCalendar.PeriodName(plan.Methodology.CalendarInForce),
        };
    }

    /// <summary>The name of one monitoring period of the plan's calendar (<c>quadrimestre</c>, <c>trimestre</c>…).
    /// </summary>
    public string PeriodName { get; init; } = "quadrimestre";
}

/// <summary>
/// A line of the plan tree: an area or objective (no link), or one of its indicators with target, results and the
/// link to its detail. <see cref="Depth"/> is the node's depth; an indicator is indented one step further.
/// </summary>
public sealed record TreeRow(
    int Depth, string Code, string Description, string Target, string Results, Score Score, string? Link)
{
    /// <summary>An objective's balanced-scorecard perspectives (<i>Prospettiva</i>); empty for indicators.</summary>
    public string Perspectives { get; init; } = "";

    /// <summary>The left padding, in pixels, that shows the row's place in the tree.</summary>
    public int Indent => Depth * 14 + (Link is null ? 4 : 18);
}
