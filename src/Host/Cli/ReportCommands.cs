using PerformancePlan.Host.Platform;
using System.CommandLine;
using System.Text;
using MiniExcelLibs;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Database;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan report relazione</c> and <c>perfplan export scores|audit</c>.</summary>
public static class ReportCommands
{
    public static Command Report(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var output = new Option<FileInfo>("--out") { Description = "FILE.html oppure FILE.pdf (PDF stampato da Chromium)", Required = true };
        var relazione = new Command("relazione", "Bozza della Relazione sulla Performance (linee guida Funzione Pubblica)") { plan, output };
        relazione.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var id = parse.GetValue(plan)!;
            var replay = await new OivService(store, cli.Clock).ReplayAsync(id, null, null, ct);
            if (replay is null) return cli.Fail($"Piano «{id}» non trovato.", ExitCodes.InvalidInput);
            await using var session = store.QuerySession();
            var audit = AuditEntry.WithActs((await PlanHistoryQueries.EventsAsync(session, id, null, true, ct)).Select(AuditEntry.From)).ToList();
            var html = RelazioneHtml.Render(replay, audit);
            var file = parse.GetValue(output)!;
            if (file.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                var chromium = Environment.GetEnvironmentVariable("PERFPLAN_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
                if (!File.Exists(chromium))
                    return cli.Fail("Per il PDF serve Chromium: «sudo apt-get install chromium» (o PERFPLAN_CHROMIUM); altrimenti --out FILE.html.", ExitCodes.Failure);
                var temp = Path.Combine(Directory.CreateTempSubdirectory("perfplan-relazione-").FullName, "relazione.html");
                await File.WriteAllTextAsync(temp, html, ct);
                var (code, text) = ProcessRunner.Run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                    $"--user-data-dir={Path.GetDirectoryName(temp)}/profile", $"--print-to-pdf={file.FullName}", "file://" + temp], "/", TimeSpan.FromMinutes(2));
                if (code != 0 || !File.Exists(file.FullName)) return cli.Fail($"Chromium non ha prodotto il PDF:\n{text}", ExitCodes.Failure);
            }
            else await File.WriteAllTextAsync(file.FullName, html, ct);
            cli.Console.MarkupLine($"[green]Relazione {replay.Plan.Year} (bozza)[/] scritta in {Markup.Escape(file.FullName)}.");
            return ExitCodes.Ok;
        }, ct));
        var report = new Command("report", "Documenti: Relazione sulla Performance");
        report.Subcommands.Add(relazione);
        return report;
    }

    public static Command Export(CliContext cli, CommonOptions common)
    {
        var export = new Command("export", "Esporta punteggi o traccia di audit in CSV o XLSX");
        foreach (var what in new[] { "scores", "audit" })
        {
            var plan = CommonOptions.Plan();
            var output = new Option<FileInfo>("--out") { Description = "FILE.csv (separato da ; in UTF-8) o FILE.xlsx", Required = true };
            var command = new Command(what, what == "scores" ? "Punteggi di indicatori, obiettivi, aree ed ente" : "Traccia di audit") { plan, output };
            command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
            {
                await using var session = store.QuerySession();
                var id = parse.GetValue(plan)!;
                List<Dictionary<string, object?>> rows;
                if (what == "scores")
                {
                    if (await ScoreQueries.LoadAsync(session, id, ct) is not { } loaded) return cli.Fail($"Piano «{id}» non trovato.", ExitCodes.InvalidInput);
                    rows = loaded.Scores.Areas.Concat(loaded.Scores.Objectives).Prepend(loaded.Scores.Entity)
                        .Select(n => Row(n.Code, Domain.Plans.Labels.Of(n.Level), "", "", n.Score))
                        .Concat(loaded.Scores.Indicators.Select(i => Row(i.Code, Domain.Plans.Labels.Of(i.Level), TargetText.Of(i.Target, loaded.Plan.IndicatorOf(i.Code)),
                            string.Join(", ", i.Used.Select(u => ResultText.Of(u.Value, loaded.Plan.IndicatorOf(i.Code)))), i.Score))).ToList();
                }
                else
                    rows = AuditEntry.WithActs((await PlanHistoryQueries.EventsAsync(session, id, null, true, ct)).Select(AuditEntry.From))
                        .Select(a => new Dictionary<string, object?>
                        {
                            ["Sequenza"] = a.Sequence, ["Quando"] = a.LocalTime, ["Chi"] = a.Who, ["Cosa"] = a.What, ["Oggetto"] = a.Subject,
                            ["Dettaglio"] = a.Detail, ["Atto"] = a.Act, ["Motivo"] = a.Reason, ["Riferimenti"] = a.Refs, ["Operazione"] = a.CorrelationId,
                        }).ToList();
                var file = parse.GetValue(output)!;
                if (file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) MiniExcel.SaveAs(file.FullName, rows, overwriteFile: true);
                else await File.WriteAllTextAsync(file.FullName, Csv(rows), new UTF8Encoding(true), ct);
                cli.Console.MarkupLine($"[green]{rows.Count} righe esportate[/] in {Markup.Escape(file.FullName)}.");
                return ExitCodes.Ok;
            }, ct));
            export.Subcommands.Add(command);
        }
        return export;
    }

    static Dictionary<string, object?> Row(string code, string level, string target, string actual, Score s) => new()
    {
        ["Codice"] = code, ["Livello"] = level, ["Target"] = target, ["Risultato"] = actual,
        ["% Realizzazione"] = s.Raw is { } r ? Math.Round(r, 2) : null, ["% Parametrata"] = s.Parametrata is { } p ? Math.Round(p, 2) : null,
        ["Esito"] = BandNames.Italian(s.Band),
    };

    static string Csv(List<Dictionary<string, object?>> rows)
    {
        if (rows.Count == 0) return "";
        string Cell(object? v) => v switch
        {
            null => "",
            decimal d => d.ToString(ItalianFormat.Culture),
            var o when o.ToString() is { } t && (t.Contains(';') || t.Contains('"') || t.Contains('\n')) => "\"" + t.Replace("\"", "\"\"") + "\"",
            var o => o.ToString() ?? "",
        };
        var sb = new StringBuilder(string.Join(';', rows[0].Keys)).Append('\n');
        foreach (var r in rows) sb.Append(string.Join(';', r.Values.Select(Cell))).Append('\n');
        return sb.ToString();
    }
}
