using System.CommandLine;
using Marten;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
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
            var demo = new DemoData(store, cli.Clock, data, text => cli.Console.MarkupLine($"[green]{Markup.Escape(text)}[/]"),
                text => cli.Errors.MarkupLine($"[yellow]{Markup.Escape(text)}[/]"));
            if ((await demo.LoadAsync(ct)).Status != ImportStatus.Imported)
                cli.Console.MarkupLine($"Piano {DemoPlanId} già presente nell'archivio eventi.");
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

    static Option<string> UrlOption() =>
        new("--url") { Description = "Indirizzo di ascolto", DefaultValueFactory = _ => WebHost.DefaultUrl };

    static async Task<int> RunAsync(CliContext cli, IDocumentStore store, string url, CancellationToken ct)
    {
        await using var app = WebHost.Build(store, url);
        await app.StartAsync(ct);
        cli.Console.MarkupLine($"In ascolto su [link]{url}[/]: cruscotto [bold]{url}/[/], API [bold]{url}/scalar[/]. Ctrl+C per fermare.");
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
        cli.Console.MarkupLine("Servizio fermato.");
        return ExitCodes.Ok;
    }
}
