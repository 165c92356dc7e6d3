using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerformancePlan.Host.Cli.Tables;

/// <summary>Scores and scorecards as console tables, with the Italian band names and colours.</summary>
public static class ScoresTable
{
    /// <summary>The scores of every node and indicator of the tree, with targets, results used and bands.</summary>
    public static void Write(IAnsiConsole console, Plan plan, ObjectiveScores scores)
    {
        console.Write(new Rule(
            $"[bold]Misurazione del Piano {plan.Year}[/] — {Markup.Escape(plan.EntityName)}").LeftJustified());
        console.MarkupLine($"Piano [bold]{plan.Id}[/] · stato [bold]{StatusNames.Of(plan.Status)}[/]" +
            (plan.Versions.Count > 0
                ? $", versione {plan.CurrentVersion} ({Markup.Escape(plan.Versions[^1].Act)})" : "") +
            $" · [bold]{Markup.Escape(HeadlineView.From(scores).Text)}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Codice").NoWrap());
        table.AddColumn("Target");
        table.AddColumn("Risultato");
        table.AddColumn(new TableColumn("% Realizz.").RightAligned());
        table.AddColumn(new TableColumn("% Parametrata").RightAligned());
        table.AddColumn("Esito");
        var nodeScores = scores.Objectives.Concat(scores.Areas).ToDictionary(n => n.Code, n => n.Score);
        var indicatorScores = scores.Indicators.ToDictionary(i => i.Code);
        void Node(PlanNode node, int depth)
        {
            var s = nodeScores[node.Code];
            table.AddRow(new Markup($"{new string(' ', depth * 2)}[bold]{Markup.Escape(node.Code)}[/]"),
                Text.Empty, Text.Empty, new Text(ScoreText.Of(s.ShownRaw)), new Text(ScoreText.Of(s.ShownParametrata)),
                Band(s));
            foreach (var i in plan.IndicatorsOf(node.Code))
            {
                var score = indicatorScores[i.Code];
                table.AddRow(new Text($"{new string(' ', depth * 2 + 2)}{i.Code}"),
                    new Text(TargetText.Of(score.Target, i)), new Text(Actual(score, i)),
                    new Text(ScoreText.Of(score.Score.ShownRaw)), new Text(ScoreText.Of(score.Score.ShownParametrata)),
                    Band(score.Score));
            }
            foreach (var child in plan.Children(node.Code)) Node(child, depth + 1);
        }
        foreach (var area in plan.Children(Codes.EntityCode)) Node(area, 0);
        console.Write(table);
        console.MarkupLine(Markup.Escape(IndicatorCountsView.From(scores.Counts).Text(scores.Closed)));
    }

    /// <summary>One holder's scorecard: each indicator with its weight, parametrised score and band.</summary>
    public static void WriteScorecard(IAnsiConsole console, Plan plan, HolderScorecard card)
    {
        console.Write(new Rule(
            $"[bold]Scheda obiettivi individuali {Markup.Escape(HolderName(plan, card.Holder))}[/] — piano {plan.Id}")
            .LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Indicatore");
        table.AddColumn("Descrizione");
        table.AddColumn(new TableColumn("Peso").RightAligned());
        table.AddColumn(new TableColumn("% Parametrata").RightAligned());
        table.AddColumn("Esito");
        foreach (var item in card.Items)
            table.AddRow(new Text(item.Indicator), new Text(plan.IndicatorOf(item.Indicator)!.Description),
                new Text(WeightText(plan, card.Holder, item)),
                new Text(ScoreText.Of(item.Score.ShownParametrata)), Band(item.Score));
        console.Write(table);
        console.MarkupLine(card.ShownScore is { } s
            ? $"Punteggio: [bold]{ScoreText.Of(s)}[/] (media dei pesi sugli indicatori misurati)"
            : "Punteggio: [dim]non rilevato[/] (nessun indicatore misurato)");
    }

    /// <summary>
    /// The weight as a percentage; with relative weights (points) the plan's figure and its normalisation:
    /// <c>3 → 60%</c>.
    /// </summary>
    static string WeightText(Plan plan, string holder, ScorecardItem item)
    {
        var percent = ItalianFormat.Percent(Math.Round(item.Weight, 2));
        var given = plan.Weights.FirstOrDefault(w => w.Holder == holder)?.Weights
            .FirstOrDefault(w => w.Indicator == item.Indicator)?.Weight;
        return plan.Methodology.HolderWeightingInForce == HolderWeighting.Relative && given is { } g
            ? $"{ItalianFormat.Decimal(g)} → {percent}" : percent;
    }

    /// <summary><c>DG — Direttore generale</c> when the plan's registry names the holder, else the code.</summary>
    static string HolderName(Plan plan, string holder) => plan.NameOf(RegistryKind.Holder, holder) is var name
        && name != holder ? $"{holder} — {name}" : holder;

    static string Actual(IndicatorScore s, Indicator i) => s.Used.Count == 0 ? "" : string.Join(", ", s.Used.Select(e =>
        (e.Period is { Length: > 0 } p ? (s.Measure == MeasureKind.Deadlines ? $"scad. {p}: " : $"{p}: ") : "") +
        ResultText.Of(e.Value, i)));

    /// <summary>The outcome in its band's colour; a band table's label stands for the band's name.</summary>
    static IRenderable Band(Score score) => new Markup(score.Band switch
    {
        Domain.Scoring.Band.Achieved => "[green]",
        Domain.Scoring.Band.Partial => "[yellow]",
        Domain.Scoring.Band.NotAchieved => "[red]",
        Domain.Scoring.Band.Neutralized => "[blue]",
        _ => "[dim]",
    } + Markup.Escape(BandNames.Italian(score)) + "[/]");
}
