namespace PerformancePlan.Host.Application.Views;

/// <summary>The plan as a nested tree, as the API and <c>plan show --format json</c> return it.</summary>
public sealed record PlanTreeView(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, string Status,
    decimal? Budget, MethodologyView Methodology, IReadOnlyList<NodeView> Areas, IReadOnlyList<HolderView> Holders)
{
    /// <summary>The plan's versions: 1 is the approval, then one per amendment, each with its act.</summary>
    public IReadOnlyList<PlanVersionInfo> Versions { get; init; } = [];

    public static PlanTreeView From(Plan plan) => new(
        plan.Id, plan.Entity, plan.EntityName, plan.Year, plan.Horizon, plan.Status.ToString().ToLowerInvariant(),
        plan.EntityBudget, MethodologyView.From(plan.Methodology),
        plan.Children(Codes.EntityCode).Select(a => NodeView.From(plan, a)).ToList(),
        plan.HolderCodes.Select(h => new HolderView(h, plan.Indicators.Where(i => i.Holders.Contains(h))
            .Select(i => new HolderItemView(i.Code, plan.WeightOf(h, i.Code))).ToList())).ToList())
        { Versions = plan.Versions };
}

/// <summary>The scoring rules in percent; <c>roundingDecimals</c>: every figure is rounded so, then banded.</summary>
public sealed record MethodologyView(decimal Tolerance, decimal CriticalThreshold,
    decimal OperationalObjectivesWeight, decimal StrategicIndicatorsWeight, int RoundingDecimals)
{
    public static MethodologyView From(Methodology m) => new(m.TolerancePercent, m.CriticalThresholdPercent,
        m.OperationalObjectivesWeightPercent, m.StrategicIndicatorsWeightPercent, m.Decimals);
}

public sealed record NodeView(
    string Code, string Level, string Description, IReadOnlyList<string> Perspectives, decimal? Budget,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders, IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<NodeView> Children)
{
    public static NodeView From(Plan plan, PlanNode node) => new(
        node.Code, node.LevelName, node.Description, node.Perspectives.Select(Labels.Of).ToList(), node.Budget,
        node.Offices, node.Holders, plan.IndicatorsOf(node.Code).Select(i => IndicatorView.From(plan, i)).ToList(),
        plan.Children(node.Code).Select(c => From(plan, c)).ToList());
}

public sealed record IndicatorView(
    string Code, string Level, string Description, string Algorithm, string Measure, string Comparator,
    IReadOnlyList<TargetView> Targets, IReadOnlyList<string> Offices, IReadOnlyList<string> Holders)
{
    public static IndicatorView From(Plan plan, Indicator i) => new(
        i.Code, i.LevelName, i.Description, i.Algorithm,
        MeasureLabels.Of(i.Measure), MeasureLabels.Of(i.Comparator),
        i.Targets.Select(TargetView.From).ToList(), i.Offices, i.Holders);
}

/// <summary>
/// A target: <c>value</c> for percents, counts and days; <c>dates</c> (ISO) for deadlines; <c>text</c> as shown.
/// </summary>
public sealed record TargetView(int Year, decimal? Value, IReadOnlyList<string> Dates, string Text)
{
    public static TargetView From(YearTarget t) => new(t.Year, t.Amount,
        t.Dates.Select(d => d.ToString("yyyy-MM-dd", null)).ToList(), TargetText.Of(t, null));
}

public sealed record HolderView(string Holder, IReadOnlyList<HolderItemView> Items);
public sealed record HolderItemView(string Indicator, decimal Weight);

public static class TargetText
{
    /// <summary>
    /// A target as an Italian reader writes it: <c>≥ 80%</c>, <c>≥ 12</c>, <c>entro 31/03/2019</c>,
    /// <c>≤ 15 gg</c>.
    /// </summary>
    public static string Of(YearTarget? t, Indicator? indicator)
    {
        if (t is null) return "";
        var prefix = indicator?.Comparator switch
        {
            Comparator.AtLeast => "≥ ",
            Comparator.GreaterThan => "> ",
            Comparator.EqualTo => "= ",
            Comparator.AtMost => "≤ ",
            _ => "",
        };
        if (t.Dates.Count > 0) return "entro " + string.Join(" e ", t.Dates.Select(ItalianFormat.Date));
        var amount = t.Amount ?? 0;
        return indicator?.Measure switch
        {
            MeasureKind.Percent => prefix + ItalianFormat.Percent(amount),
            MeasureKind.DaysAfterPeriodClose => prefix + ItalianFormat.Decimal(amount) + " gg",
            _ => prefix + ItalianFormat.Decimal(amount),
        };
    }
}
