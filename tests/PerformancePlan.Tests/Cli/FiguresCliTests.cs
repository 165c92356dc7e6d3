using System.Net;
using System.Text.Json;
using NodaTime;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Components;
using PerformancePlan.Host.Components.Dashboard;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// Figures that agree with their band and with each other (issue #12): the users' edge values file, the counts after
/// the close, one named headline figure in every view, charts, units, perspectives, plurals and corrections in words.
/// </summary>
public class FiguresCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    const string Seed = "cciaa-ms-2019";
    readonly string _database = "fig_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    // The demo's users act here for other administrations too (ADR 0028).
    static readonly string Users = SeedFiles.UsersOfEveryEntity();

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db, "--users", Users]);

    async Task<CliRunner.Run> Ok(params string[] args)
    {
        var run = await Run(args);
        run.ExitCode.ShouldBe(0, run.Errors);
        return run;
    }

    async Task ApprovedSeedAsync()
    {
        await Ok("plan", "import", "--as", "admin", SeedFiles.PlanCsv);
        await Ok("plan", "approve", "--plan", Seed, "--act", "Delibera di Giunta n. 7 del 31/01/2019",
            "--on", "31/01/2019", "--as", "giunta");
    }

    static JsonElement Indicator(JsonElement scores, string code) =>
        scores.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_edge_values_file_scores_each_row_as_its_source_says_and_bands_the_figure_shown()
    {
        await Ok("plan", "import", "--as", "admin", SeedFiles.Case("files", "B-plan-2019.csv"), "--entity", "prova");
        await Ok("plan", "approve", "--plan", "prova-2019", "--act", "Delibera n. 1", "--on", "31/01/2019",
            "--as", "giunta");
        (await Ok("results", "import", SeedFiles.Case("files", "B01-B03-valori.csv"), "--plan", "prova-2019",
            "--as", "admin")).Output.ShouldContain("10 risultati registrati");

        using var json = JsonDocument.Parse((await Ok("scores", "--plan", "prova-2019", "--format", "json")).Output);
        var expected = new (string Code, decimal Realization, decimal Parametrata, string Band)[]
        {
            ("S1.1.1-a", 59, 59, "partial"),            // 5,9% of 10%
            ("S1.1.1-b", 100, 100, "achieved"),         // = 0 with 0
            ("S1.1.1-c", 0, 0, "not_achieved"),         // > 0 with 0: the comparison is not met
            ("S1.1.1-d", 0, 0, "not_achieved"),         // <= 0 with 3
            ("O1.1.1-a", 100, 100, "achieved"),         // by 31/03, done on 31/03
            ("O1.1.1-b", 0, 0, "not_achieved"),         // by 1 January, done on 2 January: no days allowed, one taken
            ("O1.1.1-c", 90, 100, "achieved"),          // 89,995% shows as 90 and is achieved
            ("O1.1.1-d", 90.33m, 100, "achieved"),      // 1.355 of 1.500: a thousands dot, 1355
            ("O1.1.1-e", 100, 100, "achieved"),         // 15 days of 15 in Q1
            ("O1.1.1-f", 100, 100, "achieved"),         // the first of two deadlines met
        };
        foreach (var (code, realization, parametrata, band) in expected)
        {
            var i = Indicator(json.RootElement, code);
            (i.GetProperty("realization").GetDecimal(), i.GetProperty("parametrata").GetDecimal(),
                i.GetProperty("band").GetString()).ShouldBe((realization, parametrata, band), code);
        }
        Indicator(json.RootElement, "O1.1.1-d").GetProperty("actual").GetDecimal().ShouldBe(1355m);

        var table = (await Ok("scores", "--plan", "prova-2019")).Output;
        table.Split('\n').Single(l => l.Contains("O1.1.1-c")).ShouldSatisfyAllConditions(
            l => l.ShouldContain("│         90 │"), l => l.ShouldContain("Raggiunto"),
            l => l.ShouldNotContain("Parzialmente"));
    }

    [Fact]
    public async Task A_plan_of_one_area_says_1_area_strategica_and_shows_the_rounding_rule()
    {
        await Ok("plan", "import", "--as", "admin", SeedFiles.Case("files", "B-plan-2019.csv"), "--entity", "prova");

        var show = (await Ok("plan", "show", "--plan", "prova-2019")).Output;

        show.ShouldContain("1 area strategica, 1 obiettivo strategico, 1 obiettivo operativo, 4 indicatori strategici, "
            + "6 indicatori operativi.");
        show.ShouldContain("figure arrotondate a 2 decimali prima di attribuire la fascia");
    }

    [Fact]
    public async Task After_the_close_every_view_says_how_many_were_measured_counted_zero_and_neutralised()
    {
        await ApprovedSeedAsync();
        var results = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019-risultati.csv");
        await Ok("results", "import", results, "--plan", Seed, "--as", "admin");
        await Ok("indicator", "neutralize", "--plan", Seed, "--indicator", "S1.1.1-b",
            "--act", "Determinazione SG n. 200 del 15/12/2019", "--reason", "progetti sospesi", "--as", "admin");
        await Ok("plan", "close", "--plan", Seed, "--on", "31/12/2019", "--as", "admin");

        using var json = JsonDocument.Parse((await Ok("scores", "--plan", Seed, "--format", "json")).Output);
        var counts = json.RootElement.GetProperty("counts");
        var (total, measured, zero, neutralized) = (counts.GetProperty("total").GetInt32(),
            counts.GetProperty("measured").GetInt32(), counts.GetProperty("zeroAtClose").GetInt32(),
            counts.GetProperty("neutralized").GetInt32());
        (measured, neutralized, zero).ShouldBe((8, 1, total - 9));
        var sentence = $"8 indicatori misurati su {total}, {zero} contati 0 perché non rilevati alla chiusura "
            + "dell'anno, 1 sterilizzato.";

        var headline = json.RootElement.GetProperty("headline");
        var figure = headline.GetProperty("value").GetDecimal();
        figure.ShouldBe(json.RootElement.GetProperty("entity").GetProperty("parametrata").GetDecimal());
        headline.GetProperty("label").GetString().ShouldBe("Performance parametrata dell'Ente");
        var shown = ItalianFormat.Decimal(figure);
        var band = headline.GetProperty("bandName").GetString();

        var table = (await Ok("scores", "--plan", Seed)).Output;
        table.ShouldContain($"Performance parametrata dell'Ente: {shown} ({band})");
        table.ShouldContain(sentence);

        var dir = Directory.CreateTempSubdirectory("perfplan-fig-").FullName;
        await Ok("report", "relazione", "--plan", Seed, "--out", Path.Combine(dir, "relazione.html"));
        var relazione = WebUtility.HtmlDecode(await File.ReadAllTextAsync(Path.Combine(dir, "relazione.html"),
            TestContext.Current.CancellationToken));
        relazione.ShouldContain("performance parametrata dell'Ente</span>");
        relazione.ShouldContain($"<b>{shown}</b>");
        relazione.ShouldContain(sentence);

        var page = WebUtility.HtmlDecode(await PlanPageAsync(null));
        page.ShouldContain($"Performance parametrata dell'Ente: <span data-testid=\"entity-score\">{shown}</span>");
        page.ShouldContain(sentence);
    }

    [Fact]
    public async Task The_year_chart_stops_at_the_date_asked_and_charts_write_the_decimal_comma()
    {
        await ApprovedSeedAsync();
        await Ok("results", "record", "--plan", Seed, "--indicator", "O2.1.1-b", "--value", "4", "--on", "30/04/2019",
            "--as", "admin");
        await Ok("results", "record", "--plan", Seed, "--indicator", "O1.2.4-a", "--value", "11", "--on",
            "31/08/2019", "--as", "admin");

        await using var store = EventStore.Create(_db);
        await using var session = store.QuerySession("cciaa-ms");
        var ct = TestContext.Current.CancellationToken;
        var may = await ScoreTrendQueries.EntityByPeriodAsync(session, PlanId.Parse(Seed), 2019,
            new LocalDate(2019, 5, 15), null, ct);
        may.Select(p => p.Label).ShouldBe(["Q1", "al 15/05"]);
        var year = await ScoreTrendQueries.EntityByPeriodAsync(session, PlanId.Parse(Seed), 2019, null, null, ct);
        year.Select(p => p.Label).ShouldBe(["Q1", "Q2", "Q3"]);

        var page = await PlanPageAsync(new LocalDate(2019, 5, 15));
        page.ShouldContain(">al 15/05</text>");
        page.ShouldNotContain(">Q2</text>");
        var chart = await PlanPageAsync(null, [new ChartPoint("Q1", 77.6m)]);
        chart.ShouldContain(">77,6</text>");
        chart.ShouldNotContain(">77.6<");
    }

    [Fact]
    public async Task Perspectives_are_shown_in_the_plan_table_and_on_the_dashboard()
    {
        await ApprovedSeedAsync();

        (await Ok("plan", "show", "--plan", Seed)).Output.ShouldContain(
            "Prospettive: Imprese Consumatori Territorio, Economico Finanziaria");
        (await PlanPageAsync(null)).ShouldContain(
            "<span class=\"small\" data-testid=\"perspective-1.1\">Prospettiva: Imprese Consumatori Territorio</span>");
    }

    [Fact]
    public async Task A_revised_percentage_target_keeps_its_percent_sign_in_the_audit()
    {
        await ApprovedSeedAsync();
        await Ok("target", "revise", "--plan", Seed, "--indicator", "S1.1.1-a", "--year", "2019", "--value", "85%",
            "--act", "Determinazione SG n. 115 del 15/05/2019", "--reason", "programma ampliato", "--on", "15/05/2019",
            "--as", "admin");

        var audit = (await Ok("audit", "--as", "analista", "--plan", Seed, "--indicator", "S1.1.1-a")).Output;

        audit.ShouldContain("target 2019: 80% → 85%");
        audit.ShouldContain("2019: 80%, 2020: 80%, 2021: 80%");
    }

    [Fact]
    public async Task The_Relazione_tells_a_correction_in_words_never_by_the_entry_id()
    {
        await ApprovedSeedAsync();
        var run = await Ok("results", "record", "--plan", Seed, "--indicator", "O1.2.4-a", "--value", "30",
            "--on", "30/04/2019", "--as", "admin", "--format", "json");
        var entry = JsonDocument.Parse(run.Output).RootElement.GetProperty("entryId").GetString()!;
        await Ok("results", "correct", entry, "--value", "3", "--reason", "refuso: erano 3", "--as", "admin");

        var dir = Directory.CreateTempSubdirectory("perfplan-fig-").FullName;
        await Ok("report", "relazione", "--as", "oiv", "--plan", Seed, "--out", Path.Combine(dir, "relazione.html"));
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "relazione.html"),
            TestContext.Current.CancellationToken);

        html.ShouldContain("correzione del valore 30 riferito al 30/04/2019, registrato da admin il ");
        html.ShouldContain(": refuso: erano 3");
        html.ShouldNotContain(entry);
        html.ShouldNotContain("annullato: refuso");   // the reversal is told once, by the correction
    }

    [Fact]
    public async Task An_amendment_may_set_the_rounding_rule_and_the_band_follows_it()
    {
        await ApprovedSeedAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("perfplan-fig-").FullName, "variazione.csv");
        await File.WriteAllLinesAsync(file, [
            "Operazione;Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;"
            + "Target 2019;Target 2020;Target 2021;Uffici;Titolari;Pesi",
            "modifica;Metodologia;decimali;;0;;;;;;;;;;;"], TestContext.Current.CancellationToken);
        await Ok("plan", "amend", "--plan", Seed, "--file", file, "--act", "Determinazione SG n. 120 del 20/05/2019",
            "--on", "20/05/2019", "--reason", "punteggi interi", "--as", "admin");
        await Ok("results", "record", "--plan", Seed, "--indicator", "S1.1.1-a", "--value", "71,6%", "--on",
            "30/06/2019", "--as", "admin");

        using var json = JsonDocument.Parse((await Ok("scores", "--plan", Seed, "--format", "json")).Output);
        var s = Indicator(json.RootElement, "S1.1.1-a");   // 71,6% of 80%: 89,5, shown as 90 with no decimals
        (s.GetProperty("realization").GetDecimal(), s.GetProperty("band").GetString()).ShouldBe((90m, "achieved"));
        (await Ok("audit", "--as", "analista", "--plan", Seed)).Output.ShouldContain("figure arrotondate a 0 decimali");

        var bad = Path.Combine(Path.GetDirectoryName(file)!, "sbagliata.csv");
        await File.WriteAllLinesAsync(bad,
            [File.ReadAllLines(file)[0], "modifica;Metodologia;decimali;;2,5;;;;;;;;;;;"],
            TestContext.Current.CancellationToken);
        var refused = await Run("plan", "amend", "--plan", Seed, "--file", bad, "--act", "Det. 121", "--on",
            "21/05/2019", "--reason", "r", "--as", "admin");
        refused.ExitCode.ShouldBe(2);
        refused.Errors.ShouldContain("cifre decimali non valide");
    }

    async Task<string> PlanPageAsync(LocalDate? asOf, IReadOnlyList<ChartPoint>? trend = null)
    {
        await using var store = EventStore.Create(_db);
        await using var session = store.QuerySession("cciaa-ms");
        var ct = TestContext.Current.CancellationToken;
        var (plan, scores) = (await PlanHistoryQueries.ScoresAsync(session, PlanId.Parse(Seed), asOf, null, ct))!.Value;
        trend ??= await ScoreTrendQueries.EntityByPeriodAsync(session, PlanId.Parse(Seed), plan.Year, asOf, null, ct);
        var time = new TimeTravel($"/piani/{Seed}", asOf?.ToString("yyyy-MM-dd", null), null);
        return await HtmlFile.RenderAsync<PlanPage>(PlanPageModel.From(plan, scores, trend, time));
    }
}
