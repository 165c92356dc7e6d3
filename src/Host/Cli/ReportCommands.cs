using System.CommandLine;
using PerformancePlan.Host.Application.Exports;
using PerformancePlan.Host.Components;
using PerformancePlan.Host.Components.Reports;
using PerformancePlan.Host.Platform;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan report relazione</c> and <c>perfplan export scores|audit</c>.</summary>
public static class ReportCommands
{
    /// <summary>
    /// <c>report relazione --plan ID --out FILE.html|FILE.pdf [--as USER]</c>: the publishable version (individual
    /// performance in aggregate, non-nominative form), or the full one for whom the access table allows
    /// (<see cref="Capability.ReadFullRelazione"/>), marked as not for publication.
    /// </summary>
    public static Command Report(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var output = CommonOptions.Required<FileInfo>("--out", "FILE.html oppure FILE.pdf (PDF stampato da Chromium)");
        var user = CommonOptions.As(Capability.ReadRelazione);
        var relazione = new Command("relazione", "Bozza della Relazione sulla Performance (linee guida Funzione "
            + "Pubblica): pubblicabile; integrale, con le schede nominative, solo con --as oiv o amministratore")
        {
            plan, output, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var reader = common.OptionalActor(parse, user);
            var full = AccessPolicy.Allows(reader, Capability.ReadFullRelazione);
            var id = parse.GetValue(plan)!;
            var replay = await cli.StepAsync("Ricostruzione dell'anno dai soli eventi…",
                () => new OivService(store, cli.Clock).ReplayAsync(id, null, null, ct, reader));
            if (replay is null) return cli.Fail($"Piano «{id}» non trovato.", ExitCodes.InvalidInput);
            await using var session = TenantSessions.Query(store, reader, id);
            var audit = await AuditQueries.TrailAsync(session, id, ct) ?? [];
            var html = await HtmlFile.RenderAsync<Relazione>(RelazioneModel.From(replay, audit, full));
            var file = parse.GetValue(output)!;
            if (!file.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
                await File.WriteAllTextAsync(file.FullName, html, ct);
            else if (!ChromiumPdf.IsInstalled)
                return cli.Fail("Per il PDF serve Chromium: «sudo apt-get install chromium» (o PERFPLAN_CHROMIUM); "
                    + "altrimenti --out FILE.html.", ExitCodes.Failure);
            else if (await cli.StepAsync($"Stampa del PDF con Chromium ({file.Name})…",
                () => ChromiumPdf.PrintAsync(html, file, ct)) is { Printed: false } failed)
                return cli.Fail($"Chromium non ha prodotto il PDF:\n{failed.Output}", ExitCodes.Failure);
            var edition = full ? "versione integrale con dati personali: NON pubblicare" : "versione pubblicabile";
            return cli.Ok($"[green]Relazione {replay.Plan.Year} (bozza, {edition})[/] scritta in "
                + $"{Markup.Escape(file.FullName)}.");
        });
        return new Command("report", "Documenti: Relazione sulla Performance") { relazione };
    }

    /// <summary><c>export scores|audit --plan ID --out FILE.csv|FILE.xlsx</c>.</summary>
    public static Command Export(CliContext cli, CommonOptions common)
    {
        return new Command("export", "Esporta punteggi o traccia di audit in CSV o XLSX")
        {
            ExportCommand(cli, common, "scores", "Punteggi di indicatori, obiettivi, aree ed ente", "Punteggi",
                Capability.ReadScores, ExportQueries.ScoresAsync),
            ExportCommand(cli, common, "audit", "Traccia di audit", "Traccia di audit", Capability.ReadAudit,
                async (session, id, ct) => await ExportQueries.AuditAsync(session, id, ct)),
        };
    }

    /// <summary>An export verb; an XLSX's one sheet is named <paramref name="sheet"/>, in Italian.</summary>
    static Command ExportCommand<TRow>(CliContext cli, CommonOptions common, string name, string description,
        string sheet, Capability capability,
        Func<Marten.IQuerySession, PlanId, CancellationToken, Task<IReadOnlyList<TRow>?>> rowsOf)
        where TRow : IExportRow
    {
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(capability));
        var output = CommonOptions.Required<FileInfo>("--out", "FILE.csv (separato da ; in UTF-8) o FILE.xlsx");
        return new Command(name, description) { plan, output, user }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var reader = common.OptionalActor(parse, user);
            var id = parse.GetValue(plan)!;
            await using var session = TenantSessions.Query(store, reader, id);
            if (await rowsOf(session, id, ct) is not { } rows)
                return cli.Fail($"Piano «{id}» non trovato.", ExitCodes.InvalidInput);
            var file = parse.GetValue(output)!;
            await using (var stream = File.Create(file.FullName))
                await ExportWriter.WriteAsync(stream, rows.Cast<IExportRow>().ToList(),
                    ExportWriter.FormatOf(file.Name), sheet, ct);
            var exported = ItalianFormat.Count(rows.Count, "riga esportata", "righe esportate");
            return cli.Ok($"[green]{exported}[/] in {Markup.Escape(file.FullName)}.");
        });
    }
}
