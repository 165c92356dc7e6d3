using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>The verbs of issue #2 driven end to end, on a database of their own.</summary>
public class PlanCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "cli_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);
    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task Plan_import_then_plan_show_prints_the_tree_in_Italian()
    {
        var import = await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db", _db);
        import.ExitCode.ShouldBe(0, import.Errors);
        import.Output.ShouldContain("Piano cciaa-ms-2019 importato: 103 righe, 105 eventi scritti, 1 avviso.");
        import.Errors.ShouldContain("riga 47, colonna «Target 2019», valore «30/11/2018»");

        var show = await CliRunner.RunAsync("plan", "show", "--plan", "cciaa-ms-2019", "--as", "admin", "--db", _db);
        show.ExitCode.ShouldBe(0, show.Errors);
        show.Output.ShouldContain("Piano della Performance 2019");
        show.Output.ShouldContain("Target 2021");
        show.Output.ShouldContain("S3.2.1-a");
        show.Output.ShouldContain("SG 17,1%");
        var anonymous = await CliRunner.RunAsync("plan", "show", "--plan", "cciaa-ms-2019", "--db", _db);
        anonymous.Output.ShouldNotContain("SG 17,1%");   // holders and weights are personal data (issue #11)
        anonymous.Errors.ShouldContain("Titolari e pesi omessi");
        show.Output.ShouldContain("3 aree strategiche, 6 obiettivi strategici, 16 obiettivi operativi, " +
            "28 indicatori strategici, 49 indicatori operativi.");
    }

    [Fact]
    public async Task Plan_show_as_json_returns_the_nested_tree()
    {
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            _db)).ExitCode.ShouldBe(0);

        var show = await CliRunner.RunAsync("plan", "show", "--plan", "cciaa-ms-2019", "--format", "json", "--db", _db);

        using var json = JsonDocument.Parse(show.Output);
        json.RootElement.GetProperty("id").GetString().ShouldBe("cciaa-ms-2019");
        var area3 = json.RootElement.GetProperty("areas")[2];
        var s32 = area3.GetProperty("children")[1];
        s32.GetProperty("code").GetString().ShouldBe("3.2");
        var target = s32.GetProperty("indicators")[0].GetProperty("targets")[2];
        (target.GetProperty("year").GetInt32(), target.GetProperty("value").GetDecimal()).ShouldBe((2021, 120m));
    }

    [Fact]
    public async Task A_bad_file_exits_with_code_2_and_says_where_and_how_to_fix()
    {
        var path = SeedFiles.Variant(lines => SeedFiles.SetCell(lines, "O2.1.3-d", "Target 2019", "00/01/1900"));

        var run = await CliRunner.RunAsync("plan", "import", "--as", "admin", path, "--db", _db);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("errore: piano.csv, riga 52, colonna «Target 2019», valore «00/01/1900»: " +
            "«00/01/1900» non è una data esistente.");
        run.Errors.ShouldContain("Come correggere:");
        run.Errors.ShouldContain("Nessun evento scritto.");
        (await CliRunner.RunAsync("plan", "show", "--plan", "cciaa-ms-2019", "--db", _db))
            .Errors.ShouldContain("non trovato");
    }

    [Fact]
    public async Task Importing_twice_says_so_and_changes_nothing()
    {
        await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db", _db);

        var again = await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db", _db);

        again.ExitCode.ShouldBe(0);
        again.Output.ShouldContain("già stato importato con lo stesso contenuto: nessuna modifica");
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var run = await CliRunner.RunAsync("plan", "import", "--as", "admin", "/nonexistent/piano.csv", "--db", _db);
        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("File non trovato");
    }
}

/// <summary>
/// <c>perfplan demo</c>: the seed loaded, approved, Allegato 2's results recorded and scored, each once.
/// </summary>
public class DemoCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "demo_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);
    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task The_demo_prints_the_tree_and_the_scores_computed_by_hand_and_is_idempotent()
    {
        var first = await CliRunner.RunAsync("demo", "--no-serve", "--db", _db);
        first.ExitCode.ShouldBe(0, first.Errors);
        first.Output.ShouldContain("Approvato: Delibera di Giunta n. 7 del 31/01/2019");
        first.Output.ShouldContain("Variazione: versione 2, Determinazione SG n. 115 del 15/05/2019.");
        first.Output.ShouldContain(
            "Piano cciaa-ms-2021 predisposto da cciaa-ms-2020, approvato e variato [dati dimostrativi].");
        first.Output.ShouldContain("8 risultati 2019 dell'Allegato 2 registrati");
        first.Output.ShouldContain("Ente: 75 (Parzialmente raggiunto)");
        first.Output.ShouldContain("8 indicatori misurati su 77");

        var second = await CliRunner.RunAsync("demo", "--no-serve", "--db", _db);
        second.Output.ShouldContain("già presente");
        second.Output.ShouldNotContain("registrati");
        second.Output.ShouldNotContain("Variazione");
        second.Output.ShouldContain("Ente: 75 (Parzialmente raggiunto)");
    }
}
