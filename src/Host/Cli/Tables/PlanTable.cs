using Spectre.Console;

namespace PerformancePlan.Host.Cli.Tables;

/// <summary>The plan tree as a console table, with Italian headings.</summary>
public static class PlanTable
{
    /// <summary>Heading, methodology, then the tree: areas, objectives and their indicators with targets.</summary>
    public static void Write(IAnsiConsole console, Plan plan)
    {
        console.Write(new Rule(
            $"[bold]Piano della Performance {plan.Year}[/] — {Markup.Escape(plan.EntityName)}").LeftJustified());
        var version = plan.Versions.Count == 0 ? ""
            : $" · versione {plan.CurrentVersion} ({Markup.Escape(plan.Versions[^1].Act)}, " +
              $"in vigore dal {ItalianFormat.Date(plan.Versions[^1].EffectiveOn)})";
        var horizon = string.Join("–", plan.Horizon.First(), plan.Horizon.Last());
        console.MarkupLine(
            $"Piano [bold]{plan.Id}[/] · triennio {horizon} · " +
            $"stato [bold]{StatusNames.Of(plan.Status)}[/]{version} · " +
            $"budget {(plan.EntityBudget is { } b ? ItalianFormat.Euro(b) : "—")}" +
            (plan.RolledForwardFrom is { } from ? $" · predisposto da {from}" : ""));
        var m = plan.Methodology;
        console.MarkupLine($"Metodologia: tolleranza {ItalianFormat.Percent(m.TolerancePercent)}, " +
            $"soglia critica {ItalianFormat.Percent(m.CriticalThresholdPercent)}, " +
            $"obiettivo strategico = {ItalianFormat.Percent(m.OperationalObjectivesWeightPercent)} " +
            "obiettivi operativi" +
            $" + {ItalianFormat.Percent(m.StrategicIndicatorsWeightPercent)} indicatori strategici, " +
            MethodologyText.Rounding(m) + (m.HasMeasurementSystem
                ? "; " + Markup.Escape(MethodologyText.Beyond(m)) : ""));

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Codice").NoWrap());
        table.AddColumn(new TableColumn("Descrizione"));
        table.AddColumn(new TableColumn("Misura").Width(11));
        foreach (var year in plan.Horizon) table.AddColumn(new TableColumn($"Target {year}").RightAligned().Width(12));
        table.AddColumn(new TableColumn("Budget").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Uffici").Width(10));
        table.AddColumn(new TableColumn("Titolari").Width(9));

        foreach (var area in plan.Children(Codes.EntityCode)) AddNode(table, plan, area, 0);
        console.Write(table);
        console.MarkupLine(PlanCounts.Of(plan) + ".");
    }

    static void AddNode(Table table, Plan plan, PlanNode node, int depth)
    {
        var indent = new string(' ', depth * 2);
        var style = node.Level switch
        {
            Level.StrategicArea => "bold yellow", Level.StrategicObjective => "bold", _ => "bold cyan",
        };
        table.AddRow([
            new Markup($"{indent}[{style}]{Markup.Escape(node.Code)}[/]"),
            new Markup($"[{style}]{Markup.Escape(Short(node.Description))}[/]" + (node.Perspectives.Count == 0 ? ""
                : $"\n[dim]{Markup.Escape(PerspectiveText.Of(node.Perspectives))}[/]")),
            new Markup($"[dim]{Markup.Escape(node.LevelName)}[/]"),
            .. plan.Horizon.Select(_ => Text.Empty),
            new Text(node.Budget is { } b ? ItalianFormat.Euro(b) : ""),
            new Text(string.Join(' ', node.Offices)),
            new Text(""),
        ]);
        foreach (var indicator in plan.IndicatorsOf(node.Code))
            table.AddRow([
                new Markup($"{indent}  {Markup.Escape(indicator.Code)}"),
                new Markup(Markup.Escape(Short(indicator.Description)) + (MeasureText.Interim(indicator) is
                    { Length: > 0 } interim ? $"\n[dim]{Markup.Escape(interim)}[/]" : "")),
                new Text(MeasureText.Of(indicator)),
                .. plan.Horizon.Select(y => new Text(TargetText.Of(indicator.TargetFor(y), indicator))),
                new Text(""),
                new Text(string.Join(' ', indicator.Offices)),
                new Text(string.Join(' ', indicator.Holders.Select(h => Weighted(plan, h, indicator.Code)))),
            ]);
        foreach (var child in plan.Children(node.Code)) AddNode(table, plan, child, depth + 1);
    }

    static string Weighted(Plan plan, string holder, string indicator) =>
        plan.Weights.Any(w => w.Holder == holder)
            ? $"{holder} {ItalianFormat.Decimal(plan.WeightOf(holder, indicator))}%" : holder;

    static string Short(string text) => text.Length <= 110 ? text : text[..107] + "…";
}
