using System.CommandLine;
using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan plan import|show</c>.</summary>
public static class PlanCommands
{
    /// <summary><c>perfplan plan</c>: import, show, approve, close, reopen, amend, revert-amendment, rollforward,
    /// diff, versions.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("plan", "Piani della performance: importare e consultare").With(cli, common, Import, Show,
            LifecycleCommands.Approve, LifecycleCommands.Close, LifecycleCommands.Reopen, AmendmentCommands.Amend,
            AmendmentCommands.RevertAmendment, AmendmentCommands.RollForward, HistoryCommands.Diff,
            HistoryCommands.Versions);

    static Command Import(CliContext cli, CommonOptions common)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "File del piano: CSV separato da punto e virgola (UTF-8) o .xlsx",
        };
        var entity = CommonOptions.Entity("Codice dell'ente, es. cciaa-ms");
        var user = CommonOptions.As(Capability.ImportPlan);
        var dryRun = new Option<bool>("--dry-run") { Description = "Verifica il file senza scrivere nulla" };
        var methodology = new Option<FileInfo?>("--methodology")
        {
            Description = "File della metodologia (SMVP) dell'ente: righe Codice;Padre;Descrizione;Valore",
        };
        return new Command("import", "Importa un piano da file (tutto o niente)")
        {
            file, entity, user, dryRun, methodology,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            // The importing user is an actor of the users' directory like every other command's: named (exit 2
            // otherwise), known (exit 3 otherwise), allowed by the access table (exit 3 otherwise).
            var actor = common.Actor(parse, user);
            var path = parse.GetValue(file)!.FullName;
            var rules = parse.GetValue(methodology)?.FullName;
            foreach (var needed in new[] { path, rules }.OfType<string>().Where(p => !File.Exists(p)))
                return cli.Fail($"File non trovato: {needed}", ExitCodes.InvalidInput);
            var outcome = await cli.StepAsync($"Importazione di {Path.GetFileName(path)}…", () =>
                new PlanImportService(store, cli.Clock)
                    .ImportAsync(path, parse.GetValue(entity)!, actor, parse.GetValue(dryRun), ct,
                        rules));
            return Report(cli, outcome);
        });
    }

    static int Report(CliContext cli, PlanImportOutcome outcome)
    {
        foreach (var w in outcome.Warnings) cli.Errors.MarkupLine($"[yellow]{Markup.Escape(w.ToString())}[/]");
        foreach (var e in outcome.Errors) cli.Errors.MarkupLine($"[red]{Markup.Escape(e.ToString())}[/]");
        var plan = outcome.PlanId;
        switch (outcome.Status)
        {
            case ImportStatus.Invalid:
                return cli.Fail($"Importazione rifiutata: {Errors(outcome)}, {Warnings(outcome)}. " +
                    "Nessun evento scritto.", ExitCodes.InvalidInput);
            case ImportStatus.Validated:
                cli.Console.MarkupLine($"[green]Verifica riuscita[/]: il piano {plan} " +
                    $"({ItalianFormat.Count(outcome.Definition!.Rows, "riga", "righe")}) si può importare; " +
                    $"{Warnings(outcome)}. Nessun evento scritto (--dry-run).");
                return ExitCodes.Ok;
            case ImportStatus.AlreadyImported:
                cli.Console.MarkupLine(
                    $"Il piano [bold]{plan}[/] è già stato importato con lo stesso contenuto: nessuna modifica.");
                return ExitCodes.Ok;
            default:
                var rows = ItalianFormat.Count(outcome.Definition!.Rows, "riga", "righe");
                var written = ItalianFormat.Count(outcome.EventsWritten, "evento scritto", "eventi scritti");
                cli.Console.MarkupLine($"[green]Piano {plan} importato[/]: {rows}, {written}, {Warnings(outcome)}.");
                return ExitCodes.Ok;
        }
    }

    static string Errors(PlanImportOutcome o) => ItalianFormat.Count(o.Errors.Count, "errore", "errori");
    /// <summary>«1 avviso», «3 avvisi»: the warnings of an import, counted in Italian.</summary>
    public static string Warnings(PlanImportOutcome o) => ItalianFormat.Count(o.Warnings.Count, "avviso", "avvisi");

    static Command Show(CliContext cli, CommonOptions common)
    {
        var (planId, format) = (CommonOptions.Plan(), Formats.Option());
        var (asOf, knownAt) = (CommonOptions.AsOf(), CommonOptions.KnownAt());
        var user = CommonOptions.As(Capability.ReadPlan);
        return new Command("show", "Mostra l'albero del piano (titolari e pesi solo a chi può vederne le schede)")
        {
            planId, format, asOf, knownAt, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.OptionalActor(parse, user);
            var id = parse.GetValue(planId)!;
            await using var session = TenantSessions.Query(store, actor, id);
            var plan = await PlanHistoryQueries.PlanAsync(session, id, parse.GetValue(asOf),
                parse.GetValue(knownAt), ct);
            if (plan is null)
                return cli.Fail($"Piano «{id}» non trovato. Importarlo con «perfplan plan import FILE --as admin».",
                    ExitCodes.InvalidInput);
            // Who holds which indicator, with which weight, is personal data: shown as the access table allows.
            var visible = AccessPolicy.Redacted(plan, actor);
            if (parse.GetValue(format) == Formats.Json) cli.WriteJson(PlanTreeView.From(visible));
            else PlanTable.Write(cli.Console, visible);
            if (visible.HolderCodes.Count < plan.HolderCodes.Count && parse.GetValue(format) != Formats.Json)
                cli.Errors.MarkupLine(Markup.Escape("Titolari e pesi omessi: sono dati personali (Garante privacy, "
                    + "provv. n. 204/2025); li vede con --as chi può leggerne le schede (OIV, amministratore, SG, il "
                    + "titolare)."));
            return ExitCodes.Ok;
        });
    }
}
