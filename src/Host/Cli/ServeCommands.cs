using System.CommandLine;
using Marten;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Views;
using PerformancePlan.Host.Web;
using Spectre.Console;
using Marten.Linq;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan serve</c> and <c>perfplan demo</c>.</summary>
public static class ServeCommands
{
    public const string DemoPlanId = "cciaa-ms-2019";

    public static Command Serve(CliContext cli, Option<string?> db)
    {
        var url = UrlOption();
        var command = new Command("serve", "Avvia il servizio HTTP") { url };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(db), store => RunAsync(cli, store, parse.GetValue(url)!, ct), ct));
        return command;
    }

    public static Command Demo(CliContext cli, Option<string?> db)
    {
        var url = UrlOption();
        var noServe = new Option<bool>("--no-serve") { Description = "Carica e mostra il piano, senza avviare il servizio" };
        var command = new Command("demo", "Dimostrazione: carica il Piano 2019 della CCIAA di Massa-Carrara, lo mostra e lo serve") { url, noServe };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(db), async store =>
        {
            var data = Path.Combine(AppContext.BaseDirectory, "data");
            var outcome = await new PlanImportService(store, cli.Clock).ImportAsync(Path.Combine(data, "cciaa-ms-2019.csv"), "cciaa-ms", "admin", dryRun: false, ct);
            if (outcome.Status == ImportStatus.Invalid)
                return cli.Fail(string.Join('\n', outcome.Errors), ExitCodes.InvalidInput);
            if (outcome.Status == ImportStatus.Imported)
                foreach (var w in outcome.Warnings) cli.Errors.MarkupLine($"[yellow]{Markup.Escape(w.ToString())}[/]");
            cli.Console.MarkupLine(outcome.Status == ImportStatus.Imported
                ? $"[green]Piano {DemoPlanId} importato[/] da cciaa-ms-2019.csv: {outcome.EventsWritten} eventi, {PlanCommands.Warnings(outcome)}."
                : $"Piano {DemoPlanId} già presente nell'archivio eventi.");
            await LoadDemoResultsAsync(cli, store, data, ct);
            await using (var session = store.QuerySession())
            {
                PlanTable.Write(cli.Console, (await session.LoadAsync<Plan>(DemoPlanId, ct))!);
                var loaded = (await ScoreQueries.LoadAsync(session, DemoPlanId, ct))!.Value;
                ScoresTable.Write(cli.Console, loaded.Plan, loaded.Scores);
            }
            return parse.GetValue(noServe) ? ExitCodes.Ok : await RunAsync(cli, store, parse.GetValue(url)!, ct);
        }, ct));
        return command;
    }

    /// <summary>
    /// The approval of the seed (Delibera di Giunta n. 7 del 31/01/2019) and the 2019 results shown in its Allegato 2,
    /// each once: the zeros of rows not yet measured in that mid-year dashboard are left out (not rilevati).
    /// </summary>
    static async Task LoadDemoResultsAsync(CliContext cli, IDocumentStore store, string data, CancellationToken ct)
    {
        var users = UserDirectory.Load();
        await using (var session = store.QuerySession())
            if ((await session.LoadAsync<Plan>(DemoPlanId, ct))!.Status == PlanStatus.Draft)
            {
                var approved = await new PlanLifecycleService(store, cli.Clock).ApproveAsync(DemoPlanId, "Delibera di Giunta n. 7 del 31/01/2019",
                    new NodaTime.LocalDate(2019, 1, 31), users.Find("giunta"), ct);
                cli.Console.MarkupLine($"[green]Piano approvato[/]: {approved.Act}.");
            }
        await using (var session = store.QuerySession())
            if (await session.Query<Domain.Results.IndicatorResults>().Where(r => r.PlanId == DemoPlanId).AnyAsync(ct)) return;
        var results = await new ResultService(store, cli.Clock).ImportAsync(Path.Combine(data, "cciaa-ms-2019-risultati.csv"), DemoPlanId, users.Find("admin"), ct);
        if (!results.Ok) throw new InvalidInputException(results.Errors);
        cli.Console.MarkupLine($"[green]{results.Recorded} risultati 2019 dell'Allegato 2 registrati[/] (cciaa-ms-2019-risultati.csv).");
    }

    static Option<string> UrlOption() =>
        new("--url") { Description = "Indirizzo di ascolto", DefaultValueFactory = _ => WebHost.DefaultUrl };

    static async Task<int> RunAsync(CliContext cli, IDocumentStore store, string url, CancellationToken ct)
    {
        await using var app = WebHost.Build(store, url);
        await app.StartAsync(ct);
        cli.Console.MarkupLine($"In ascolto su [link]{url}[/] — es. [bold]{url}/api/plans/{DemoPlanId}[/]. Ctrl+C per fermare.");
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
        cli.Console.MarkupLine("Servizio fermato.");
        return ExitCodes.Ok;
    }
}
