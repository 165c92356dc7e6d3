using System.CommandLine;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Cli.Tables;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan serve</c> and <c>perfplan demo</c>: the HTTP service, started through <see cref="IWebServer"/>.
/// </summary>
public static class ServeCommands
{
    /// <summary>The plan the demo loads: the 2019 plan of the CCIAA di Massa-Carrara.</summary>
    public static readonly PlanId DemoPlanId = DemoData.Plan2019;

    /// <summary><c>perfplan serve [--url URL]</c>: serves the API and the dashboard until Ctrl+C.</summary>
    public static Command Serve(CliContext cli, CommonOptions common, IWebServer web)
    {
        var url = UrlOption(web);
        return new Command("serve", "Avvia il servizio HTTP") { url }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                await LedgerCommands.MigrateAsync(cli, store, ct);
                return await RunAsync(cli, web, store, parse.GetValue(url)!, ct);
            }, prepare: false);
    }

    /// <summary><c>perfplan demo [--url URL] [--no-serve]</c>: loads the demo plan, shows it, then serves it.</summary>
    public static Command Demo(CliContext cli, CommonOptions common, IWebServer web)
    {
        var url = UrlOption(web);
        var noServe = new Option<bool>("--no-serve")
        {
            Description = "Carica e mostra il piano, senza avviare il servizio",
        };
        var merger = new Option<bool>("--merger")
        {
            Description = "Aggiunge Lucca [dati dimostrativi] e la fusione del 01/07/2022 di Massa-Carrara, Lucca e "
                + "Pisa nella CCIAA della Toscana Nord-Ovest, con il suo piano 2022",
        };
        return new Command("demo",
            "Dimostrazione: carica il Piano 2019 della CCIAA di Massa-Carrara, lo mostra e lo serve")
        {
            url, noServe, merger,
        }.OnStore(cli, common, async (parse, store, ct) =>
            {
                await LedgerCommands.MigrateAsync(cli, store, ct);
                await LoadAndShowAsync(cli, store, ct);
                if (parse.GetValue(merger)) await LoadMergerAsync(cli, store, ct);
                await DemoAccountsAsync(cli, store, UserDirectory.Load(parse.GetValue(common.Users)), ct);
                return parse.GetValue(noServe) ? ExitCodes.Ok
                    : await RunAsync(cli, web, store, parse.GetValue(url)!, ct);
            }, prepare: false);
    }

    static async Task LoadMergerAsync(CliContext cli, IDocumentStore store, CancellationToken ct)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var done = new List<Action>();
        try
        {
            await cli.StepAsync("Fusione dimostrativa…", async step =>
            {
                await new DemoData(store, cli.Clock, data,
                    text => done.Add(() => cli.Console.MarkupLine($"[green]{Markup.Escape(text)}[/]")),
                    text => done.Add(() => cli.Errors.MarkupLine($"[yellow]{Markup.Escape(text)}[/]")), step)
                    .LoadMergerAsync(ct);
                return 0;
            });
        }
        finally { done.ForEach(print => print()); }
        cli.Console.MarkupLine($"Storia verificabile dal successore: perfplan ledger verify --entity "
            + $"{DemoData.Successor} --as admin; storia dei target: perfplan targets history --entity "
            + $"{DemoData.Successor} --indicator S3.2.1-a");
    }

    static async Task LoadAndShowAsync(CliContext cli, IDocumentStore store, CancellationToken ct)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        // What each step did is printed once the progress line is gone, so the two never overwrite each other.
        var done = new List<Action>();
        ImportStatus status;
        try
        {
            status = (await cli.StepAsync("Caricamento della dimostrazione…", step => new DemoData(store, cli.Clock,
                data, text => done.Add(() => cli.Console.MarkupLine($"[green]{Markup.Escape(text)}[/]")),
                text => done.Add(() => cli.Errors.MarkupLine($"[yellow]{Markup.Escape(text)}[/]")), step)
                .LoadAsync(ct))).Status;
        }
        finally { done.ForEach(print => print()); }
        if (status != ImportStatus.Imported)
            cli.Console.MarkupLine($"Piano {DemoPlanId} già presente nell'archivio eventi.");
        await using var session = TenantSessions.Query(store, null, DemoPlanId);
        PlanTable.Write(cli.Console, (await session.LoadAsync<Plan>(DemoPlanId.Value, ct))!);
        var loaded = (await ScoreQueries.LoadAsync(session, DemoPlanId, ct))!.Value;
        ScoresTable.Write(cli.Console, loaded.Plan, loaded.Scores);
    }

    /// <summary>
    /// One local account per user of the users file, with the published demo password (ADR 0026): the dashboard's
    /// sign-in page lists them. Existing accounts are left as they are.
    /// </summary>
    static async Task DemoAccountsAsync(CliContext cli, IDocumentStore store, UserDirectory users,
        CancellationToken ct)
    {
        var created = await new AccountService(store, cli.Clock).EnsureDemoAccountsAsync(users, ct);
        if (created > 0) cli.Console.MarkupLine($"[green]{created} account dimostrativi creati.[/]");
        cli.Console.MarkupLine("Accesso al cruscotto (/accesso): utenti dimostrativi " +
            $"{Markup.Escape(string.Join(", ", users.FileUsers.Select(u => u.Actor.User)))}, password " +
            $"«{AccountService.DemoPassword}» (valida solo su 127.0.0.1).");
    }

    static Option<string> UrlOption(IWebServer web) => new("--url")
    {
        Description = "Indirizzo di ascolto, es. http://127.0.0.1:5080",
        DefaultValueFactory = _ => web.DefaultUrl,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : web.DefaultUrl;
            // Kestrel's wildcards (http://*:5080, http://+:5080) are not URIs, but are addresses to listen on.
            var probe = text.Replace("://*", "://wildcard").Replace("://+", "://wildcard");
            if (Uri.TryCreate(probe, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.AbsolutePath == "/" && uri.Query.Length == 0)
                return text.TrimEnd('/');
            result.AddError($"--url: «{text}» non è un indirizzo di ascolto; scrivere http://HOST:PORTA, " +
                "es. http://127.0.0.1:5081");
            return null;
        },
    };

    /// <summary>
    /// Serves until Ctrl+C. A service that cannot start (port taken, address not this machine's, unsafe key) is one
    /// Italian line and exit 1: the machine or its configuration, not the data, is at fault (ADR 0014).
    /// </summary>
    static async Task<int> RunAsync(CliContext cli, IWebServer web, IDocumentStore store, string url,
        CancellationToken ct)
    {
        // The embedded PostgreSQL is watched while serving: killed or crashed, it is started again (ADR 0021).
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keepAlive = cli.Connection?.KeepAliveAsync(TimeSpan.FromSeconds(5),
            said => cli.Errors.MarkupLine($"[yellow]{Markup.Escape(said)}[/]"), serving.Token) ?? Task.CompletedTask;
        try
        {
            await web.RunAsync(store, url, () => cli.Console.MarkupLine($"In ascolto su [link]{url}[/]: " +
                $"cruscotto [bold]{url}/[/], API [bold]{url}/scalar[/]. Ctrl+C per fermare."), ct);
        }
        catch (ServiceStartException e) { return cli.Fail(e.Message, ExitCodes.Failure); }
        finally
        {
            await serving.CancelAsync();
            await keepAlive;
        }
        cli.Console.MarkupLine("Servizio fermato.");
        return ExitCodes.Ok;
    }
}
