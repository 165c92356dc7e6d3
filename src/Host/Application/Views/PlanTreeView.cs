using System.Text.Json.Serialization;

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
        i.Targets.Select(t => TargetView.From(t, i)).ToList(), i.Offices, i.Holders)
    {
        Unit = i.Unit,
        InterimTargets = i.InterimTargets.Count == 0 ? null
            : i.InterimTargets.Select(t => TargetView.From(t, i)).ToList(),
    };

    /// <summary>The unit of the indicator's values (<c>mq</c>, <c>euro</c>, <c>giorni</c>); null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; init; }

    /// <summary>Intermediate targets (<c>Target al 30/06/2019</c>), each with its date; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TargetView>? InterimTargets { get; init; }
}

/// <summary>
/// A target: <c>value</c> for percents, counts and days; <c>dates</c> (ISO) for deadlines; <c>text</c> as shown.
/// </summary>
public sealed record TargetView(int Year, decimal? Value, IReadOnlyList<string> Dates, string Text)
{
    public static TargetView From(YearTarget t) => From(t, null);

    /// <summary>The target with its text as the indicator reads it (comparator, unit, kind).</summary>
    public static TargetView From(YearTarget t, Indicator? i) => new(t.Year, t.Amount,
        t.Dates.Select(d => d.ToString("yyyy-MM-dd", null)).ToList(), TargetText.Of(t, IsPlain(t, i) ? null : i))
    {
        High = t.High, BaselineYear = t.BaselineYear, Benchmark = t.Benchmark, Milestone = t.Milestone,
        At = t.At?.ToString("yyyy-MM-dd", null),
    };

    // A plain value keeps the text it always had (no comparator); the new kinds read as the indicator writes them.
    static bool IsPlain(YearTarget t, Indicator? i) => t.High is null && t.BaselineYear is null && t.Benchmark is null
        && t.Milestone is null && t.At is null && i?.Unit is null && i?.Measure != MeasureKind.YesNo;

    /// <summary>A range's high end (<c>value</c> is its low end).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? High { get; init; }

    /// <summary>The baseline year of a variation target (<c>value</c> is the variation in percent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? BaselineYear { get; init; }

    /// <summary>The benchmark a result is compared with (<c>media nazionale</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Benchmark { get; init; }

    /// <summary>A milestone written as text (<c>realizzazione progetto</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Milestone { get; init; }

    /// <summary>The date of an intermediate target (ISO).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? At { get; init; }
}

public sealed record HolderView(string Holder, IReadOnlyList<HolderItemView> Items);
public sealed record HolderItemView(string Indicator, decimal Weight);

public static class TargetText
{
    /// <summary>
    /// A target as an Italian reader writes it: <c>≥ 80%</c>, <c>≥ 12</c>, <c>entro 31/03/2019</c>,
    /// <c>≤ 15 gg</c>, <c>≥ 25.000 mq</c>, <c>tra 80% e 90%</c>, <c>≤ -10% rispetto al 2018</c>,
    /// <c>≥ media nazionale</c>, <c>SI</c>, <c>realizzazione progetto</c>; an intermediate one ends
    /// <c>al 30/06/2019</c>.
    /// </summary>
    public static string Of(YearTarget? t, Indicator? indicator)
    {
        if (t is null) return "";
        var at = t.At is { } d ? " al " + ItalianFormat.Date(d) : "";
        return Body(t, indicator) + at;
    }

    static string Body(YearTarget t, Indicator? indicator)
    {
        var prefix = indicator?.Comparator switch
        {
            Comparator.AtLeast => "≥ ",
            Comparator.GreaterThan => "> ",
            Comparator.EqualTo => "= ",
            Comparator.AtMost => "≤ ",
            Comparator.LessThan => "< ",
            _ => "",
        };
        if (t.Dates.Count > 0) return "entro " + string.Join(" e ", t.Dates.Select(ItalianFormat.Date));
        if (t.Milestone is not null) return t.Milestone;
        if (t.Benchmark is not null) return prefix + t.Benchmark;
        var amount = t.Amount ?? 0;
        if (indicator?.Measure == MeasureKind.YesNo) return amount == 1 ? "SI" : "NO";
        if (t.BaselineYear is { } year)
            return $"{prefix}{(amount > 0 ? "+" : "")}{ItalianFormat.Percent(amount)} rispetto al {year}";
        if (t.High is { } high) return $"tra {Value(amount, indicator)} e {Value(high, indicator)}";
        return prefix + Value(amount, indicator);
    }

    /// <summary>An amount with its unit: <c>80%</c>, <c>15 gg</c>, <c>25.000 mq</c>, <c>12</c>.</summary>
    public static string Value(decimal amount, Indicator? indicator) => indicator?.Measure switch
    {
        MeasureKind.Percent => ItalianFormat.Percent(amount),
        MeasureKind.DaysAfterPeriodClose => ItalianFormat.Decimal(amount) + " gg",
        _ => ItalianFormat.Decimal(amount) + (indicator?.Unit is { } u ? " " + u : ""),
    };
}
