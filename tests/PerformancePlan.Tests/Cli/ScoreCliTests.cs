using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>The verbs of issue #3 end to end: approve, record, import, scores, scorecard, neutralize, close.</summary>
public class ScoreCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "cli_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = await cluster.CreateDatabaseAsync(_database);
        (await Run("plan", "import", "--as", "admin", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db]);

    Task<CliRunner.Run> Approve() => Run("plan", "approve", "--plan", "cciaa-ms-2019",
        "--act", "Delibera di Giunta n. 7 del 31/01/2019", "--on", "31/01/2019", "--as", "giunta");

    [Fact]
    public async Task Recording_before_approval_is_refused_then_allowed()
    {
        var early = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "3",
            "--on", "30/04/2019", "--as", "u1.1");
        early.ExitCode.ShouldBe(3);
        early.Errors.ShouldContain("non è ancora approvato");

        (await Approve()).Output.ShouldContain("Piano cciaa-ms-2019 approvato");
        var run = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "3",
            "--on", "30/04/2019", "--as", "u1.1", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Output);
        Guid.Parse(json.RootElement.GetProperty("entryId").GetString()!).ShouldNotBe(Guid.Empty);
        (json.RootElement.GetProperty("plan").GetString(), json.RootElement.GetProperty("indicator").GetString(),
            json.RootElement.GetProperty("value").GetDecimal(), json.RootElement.GetProperty("on").GetString())
            .ShouldBe(("cciaa-ms-2019", "O1.2.4-a", 3m, "2019-04-30"));
    }

    [Fact]
    public async Task Only_the_approver_approves_and_unknown_users_are_refused()
    {
        var byAdmin = await Run("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera n. 7",
            "--on", "31/01/2019", "--as", "admin");
        byAdmin.ExitCode.ShouldBe(3);
        byAdmin.Errors.ShouldContain("approvatore");

        var unknown = await Run("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera n. 7",
            "--on", "31/01/2019", "--as", "mario");
        unknown.ExitCode.ShouldBe(3);
        unknown.Errors.ShouldContain("Utente «mario» sconosciuto");
    }

    [Fact]
    public async Task A_bad_value_on_the_command_line_names_the_option_and_the_fix()
    {
        await Approve();
        var run = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.3-a",
            "--value", "00/01/1900", "--on", "30/04/2019", "--as", "admin");
        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("colonna «--value», valore «00/01/1900»: non è una data esistente");
    }

    [Fact]
    public async Task Scores_as_json_have_the_documented_shape()
    {
        await Approve();
        var results = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019-risultati.csv");
        (await Run("results", "import", results, "--plan", "cciaa-ms-2019", "--as", "admin"))
            .Output.ShouldContain("8 risultati registrati");

        var run = await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("plan").GetString().ShouldBe("cciaa-ms-2019");
        var entity = root.GetProperty("entity");
        (entity.GetProperty("raw").GetDecimal(), entity.GetProperty("band").GetString()).ShouldBe((75m, "partial"));
        root.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("band").GetString())
            .ShouldBe(["partial", "achieved", "pending"]);
        var o21 = root.GetProperty("objectives").EnumerateArray()
            .Single(o => o.GetProperty("code").GetString() == "2.1");
        (o21.GetProperty("level").GetString(), o21.GetProperty("raw").GetDecimal(),
            o21.GetProperty("parametrata").GetDecimal()).ShouldBe(("strategic", 96m, 100m));
        var newsletter = root.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O1.2.4-a");
        (newsletter.GetProperty("target").GetDecimal(), newsletter.GetProperty("actual").GetDecimal(),
            newsletter.GetProperty("realization").GetDecimal(), newsletter.GetProperty("parametrata").GetDecimal(),
            newsletter.GetProperty("band").GetString()).ShouldBe((12m, 3m, 25m, 0m, "not_achieved"));
        var museum = root.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O1.2.3-a");
        (museum.GetProperty("target").GetString(), museum.GetProperty("actual").GetString())
            .ShouldBe(("2019-03-31", "2019-03-29"));

        var table = await Run("scores", "--plan", "cciaa-ms-2019");
        table.Output.ShouldContain("Assolutamente non raggiunto");
        table.Output.ShouldContain("Non rilevato");
    }

    [Fact]
    public async Task A_scorecard_is_shown_to_its_holder_the_SG_OIV_and_admin_only()
    {
        await Approve();
        await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O2.1.1-b", "--value", "4",
            "--on", "30/04/2019", "--as", "u1.1");

        var sg = await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "SG", "--as", "oiv", "--format", "json");
        using var json = JsonDocument.Parse(sg.Output);
        (json.RootElement.GetProperty("holder").GetString(), json.RootElement.GetProperty("score").GetDecimal())
            .ShouldBe(("SG", 80m));
        var item = json.RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O2.1.1-b");
        (item.GetProperty("weight").GetDecimal(), item.GetProperty("parametrata").GetDecimal(),
            item.GetProperty("band").GetString()).ShouldBe((11.4m, 80m, "partial"));

        (await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "PO3", "--as", "po3")).ExitCode.ShouldBe(0);
        (await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "PO3", "--as", "sg")).ExitCode.ShouldBe(0);
        var refused = await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "SG", "--as", "po2");
        refused.ExitCode.ShouldBe(3);
        refused.Errors.ShouldContain("dato personale");
        (await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "PO3", "--as", "analista")).ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task Closing_the_year_freezes_results_and_counts_the_unmeasured_as_zero_unless_neutralised()
    {
        await Approve();
        await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "S1.1.1-a", "--value", "80%",
            "--on", "31/12/2019", "--as", "isr");
        (await Run("indicator", "neutralize", "--plan", "cciaa-ms-2019", "--indicator", "S1.1.1-b",
            "--act", "Determinazione SG n. 200 del 15/12/2019", "--reason", "progetti sospesi", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "31/12/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        var frozen = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "S1.1.1-b",
            "--value", "3", "--on", "31/12/2019", "--as", "admin");
        frozen.ExitCode.ShouldBe(3);
        frozen.Errors.ShouldContain("congelati");

        var scores = await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json");
        using var json = JsonDocument.Parse(scores.Output);
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!);
        indicators["S1.1.1-b"].GetProperty("band").GetString().ShouldBe("neutralized");
        (indicators["O1.1.1-a"].GetProperty("realization").GetDecimal(),
            indicators["O1.1.1-a"].GetProperty("band").GetString()).ShouldBe((0m, "not_achieved"));
        // 0.4 × 0 (1.1.1 all zero) + 0.6 × 100 (S1.1.1-a 100, S1.1.1-b out)
        json.RootElement.GetProperty("objectives").EnumerateArray()
            .Single(o => o.GetProperty("code").GetString() == "1.1")
            .GetProperty("raw").GetDecimal().ShouldBe(60m);
    }

    [Fact]
    public async Task A_results_file_with_a_bad_row_exits_2_and_records_nothing()
    {
        await Approve();
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-results-").FullName, "risultati.csv");
        File.WriteAllLines(path, ["Codice;Valore;Riferito al;Periodo;Note",
            "O1.2.4-a;3;30/04/2019;;", "O2.1.3-c;00/01/1900;30/04/2019;;"]);

        var run = await Run("results", "import", path, "--plan", "cciaa-ms-2019", "--as", "admin");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("errore: risultati.csv, riga 3, colonna «Valore», valore «00/01/1900»: " +
            "non è una data esistente.");
        run.Errors.ShouldContain("Nessun evento scritto.");
        var scores = await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json");
        using var json = JsonDocument.Parse(scores.Output);
        json.RootElement.GetProperty("indicators").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("band").GetString() == "pending");
    }
}
