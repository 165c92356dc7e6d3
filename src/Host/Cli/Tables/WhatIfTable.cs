using Spectre.Console;

namespace PerformancePlan.Host.Cli.Tables;

/// <summary>The what-if replay as the console shows it: the two sets of rules, then every score side by side.</summary>
public static class WhatIfTable
{
    /// <summary>Rules in force and hypothesis, then entity, objectives and indicators under both.</summary>
    public static void Write(IAnsiConsole console, OivWhatIf w)
    {
        console.Write(new Rule($"[bold]Simulazione dell'OIV[/] — piano {w.Plan.Id} con le regole di "
            + $"«{Markup.Escape(w.File)}» (nessun evento scritto)").LeftJustified());
        var rules = new Table().Border(TableBorder.Rounded);
        rules.AddColumn("Regole in vigore");
        rules.AddColumn("Regole del file");
        for (var k = 0; k < Math.Max(w.RulesInForce.Count, w.RulesHypothesis.Count); k++)
            rules.AddRow(Markup.Escape(w.RulesInForce.ElementAtOrDefault(k) ?? ""),
                Markup.Escape(w.RulesHypothesis.ElementAtOrDefault(k) ?? ""));
        console.Write(rules);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Codice").NoWrap());
        table.AddColumn("Livello");
        table.AddColumn(new TableColumn("% Param. in vigore").RightAligned());
        table.AddColumn("Esito in vigore");
        table.AddColumn(new TableColumn("% Param. ipotesi").RightAligned());
        table.AddColumn("Esito ipotesi");
        foreach (var i in w.Items)
        {
            var mark = i.BandChanged ? "[bold yellow]" : "[default]";
            table.AddRow(Markup.Escape(i.Code), Markup.Escape(i.Level),
                ScoreText.Of(i.InForce.ShownParametrata), Markup.Escape(Outcome(i.InForce)),
                ScoreText.Of(i.Hypothesis.ShownParametrata), $"{mark}{Markup.Escape(Outcome(i.Hypothesis))}[/]");
        }
        console.Write(table);
        var changed = w.Items.Count(i => i.BandChanged);
        console.MarkupLine(ItalianFormat.Count(changed, "esito cambia", "esiti cambiano")
            + " con le regole del file.");
    }

    static string Outcome(Score s) => s.Label ?? BandNames.Italian(s.Band);
}
