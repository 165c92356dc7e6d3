using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan rebuild</c>: the projections rebuilt from the events, then checked against them.</summary>
public static class RebuildCommand
{
    /// <summary>
    /// <c>perfplan rebuild [--format json]</c>: exit 0 when the rebuilt documents equal what the events give, 4
    /// otherwise.
    /// </summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var format = Formats.Option();
        return new Command("rebuild",
            "Ricostruisce dagli eventi i documenti dei piani e dei risultati e verifica che coincidano con gli eventi "
            + "(da eseguire a servizio fermo)") { format }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var report = await cli.StepAsync("Ricostruzione delle proiezioni…", step =>
                    new ProjectionRebuild(store).RebuildAsync(
                        n => step($"Ricostruzione delle proiezioni: {n:N0} eventi…"), ct));
                if (parse.GetValue(format) == Formats.Json)
                    cli.WriteJson(new
                    {
                        events = report.Events, documents = report.Documents,
                        seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                        eventsPerSecond = Math.Round(report.EventsPerSecond), plansChecked = report.PlansChecked,
                        equalsEvents = report.Differences.Count == 0, differences = report.Differences,
                    });
                else
                {
                    cli.Console.MarkupLine($"Proiezioni ricostruite: {report.Events} eventi, {report.Documents} "
                        + $"documenti in {report.Elapsed.TotalSeconds:0.0} s ({report.EventsPerSecond:0} eventi/s).");
                    if (report.Differences.Count == 0)
                        cli.Console.MarkupLine($"[green]Verifica superata[/]: i documenti di {report.PlansChecked} "
                            + "piani coincidono con quanto dicono gli eventi.");
                }
                foreach (var d in report.Differences) cli.Errors.MarkupLine($"[red]{Markup.Escape(d)}[/]");
                return report.Differences.Count == 0 ? ExitCodes.Ok : LedgerCommands.NotVerified;
            });
    }
}
