using System.Net;
using System.Text.Json;
using Marten;
using PerformancePlan.Domain.Access;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Api;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// "What would the year score under other rules?": <c>perfplan oiv replay --methodology FILE</c> scores the demo
/// year under the file's rules beside those in force, and writes nothing.
/// </summary>
public class WhatIfReplayTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "whatif_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = await cluster.CreateDatabaseAsync(_database);
        (await Run("demo", "--no-serve")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db]);

    /// <summary>Tolerance 0 and critical threshold 60, as a methodology file of its own.</summary>
    const string StricterRules = "Codice;Padre;Descrizione;Valore\ntolleranza;;;0%\nsoglia critica;;;60%\n";

    static string File(string text, string name = "metodologia-2020.csv")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-whatif-").FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    async Task<(long Version, int Events)> PlanStreamAsync()
    {
        await using var store = EventStore.Create(_db);
        await using var session = store.QuerySession("cciaa-ms");
        var state = await session.Events.FetchStreamStateAsync("cciaa-ms-2019", TestContext.Current.CancellationToken);
        var all = await session.Events.QueryAllRawEvents().CountAsync(TestContext.Current.CancellationToken);
        return (state!.Version, all);
    }

    static JsonElement Item(JsonElement root, string code) =>
        root.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    static (decimal? Parametrata, string Band) Side(JsonElement item, string side) =>
        (item.GetProperty(side).GetProperty("parametrata") is { ValueKind: JsonValueKind.Number } p
            ? p.GetDecimal() : null, item.GetProperty(side).GetProperty("band").GetString()!);

    [Fact]
    public async Task The_year_under_stricter_rules_changes_some_bands_side_by_side_and_writes_nothing()
    {
        var before = await PlanStreamAsync();

        var run = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--methodology",
            File(StricterRules),
            "--format", "json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("rulesInForce")[0].GetString().ShouldBe("Tolleranza 10%: raggiunto da 90% in su.");
        root.GetProperty("rulesHypothesis")[0].GetString().ShouldBe("Tolleranza 0%: raggiunto da 100% in su.");
        root.GetProperty("rulesHypothesis")[1].GetString()
            .ShouldBe("Soglia critica 60%: sotto, assolutamente non raggiunto (parametrata 0).");
        root.GetProperty("bandsChanged").GetInt32().ShouldBe(5);   // ENTE, 1, 1.2, 2, 2.1
        // O2.1.1-b: 4 meetings of 5, 80% — partial under both rules, its parametrata unchanged.
        Side(Item(root, "O2.1.1-b"), "inForce").ShouldBe((80m, "partial"));
        Side(Item(root, "O2.1.1-b"), "hypothesis").ShouldBe((80m, "partial"));
        Item(root, "O2.1.1-b").GetProperty("bandChanged").GetBoolean().ShouldBeFalse();
        // Objective 1.2 at 50: partial in force (threshold 50), absolutely not achieved under 60.
        Side(Item(root, "1.2"), "inForce").ShouldBe((50m, "partial"));
        Side(Item(root, "1.2"), "hypothesis").ShouldBe((0m, "not_achieved"));
        // Objective 2.1 at 96: achieved within the 10% tolerance, only partial with none.
        Side(Item(root, "2.1"), "inForce").ShouldBe((100m, "achieved"));
        Side(Item(root, "2.1"), "hypothesis").ShouldBe((96m, "partial"));
        Item(root, "2.1").GetProperty("bandChanged").GetBoolean().ShouldBeTrue();
        // The entity: areas 50 and 100 → 75 in force; 0 and 96 → 48, under 60, in the hypothesis.
        var entity = Item(root, "ENTE");
        (entity.GetProperty("inForce").GetProperty("raw").GetDecimal(), Side(entity, "inForce"))
            .ShouldBe((75m, (75m, "partial")));
        (entity.GetProperty("hypothesis").GetProperty("raw").GetDecimal(), Side(entity, "hypothesis"))
            .ShouldBe((48m, (0m, "not_achieved")));
        (await PlanStreamAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_table_shows_both_sets_of_rules_and_the_outcomes_that_change()
    {
        var run = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--methodology",
            File(StricterRules));

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Output.ShouldContain("Regole in vigore");
        run.Output.ShouldContain("Soglia critica 60%");
        run.Output.ShouldContain("nessun evento scritto");
        run.Output.ShouldContain("con le regole del file.");
    }

    [Fact]
    public async Task A_bad_methodology_file_is_refused_with_row_column_value_and_fix_and_writes_nothing()
    {
        var before = await PlanStreamAsync();

        var run = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--methodology",
            File("Codice;Padre;Descrizione;Valore\ntolleranza;;;molta\n", "errata.csv"));

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("errata.csv");
        run.Errors.ShouldContain("molta");
        run.Errors.ShouldContain("valore non leggibile");
        run.Errors.ShouldContain("scrivere una percentuale");
        (await PlanStreamAsync()).ShouldBe(before);
    }
}

/// <summary><c>POST /api/plans/{id}/oiv/what-if</c>: the methodology file uploaded, scores side by side.</summary>
public class WhatIfApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: true, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    static MultipartFormDataContent Form(string text, string name = "metodologia.csv") =>
        new() { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", name } };

    [Fact]
    public async Task The_OIV_uploads_a_methodology_and_reads_both_sides_while_others_may_not()
    {
        using var oiv = _host.Client("oiv", Role.Oiv);
        using var analyst = _host.Client("analista", Role.Analyst);
        await using var session = _host.Store.QuerySession("cciaa-ms");
        var before = await session.Events.FetchStreamStateAsync("cciaa-ms-2019", Ct);

        var response = await oiv.PostAsync("/api/plans/cciaa-ms-2019/oiv/what-if",
            Form("Codice;Padre;Descrizione;Valore\ntolleranza;;;0%\nsoglia critica;;;60%\n"), Ct);
        var refused = await analyst.PostAsync("/api/plans/cciaa-ms-2019/oiv/what-if", Form("tolleranza;;;0%"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        root.GetProperty("plan").GetString().ShouldBe("cciaa-ms-2019");
        root.GetProperty("rulesHypothesis")[0].GetString().ShouldBe("Tolleranza 0%: raggiunto da 100% in su.");
        root.GetProperty("items")[0].GetProperty("code").GetString().ShouldBe("ENTE");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.Events.FetchStreamStateAsync("cciaa-ms-2019", Ct))!.Version.ShouldBe(before!.Version);
    }

    [Fact]
    public async Task A_bad_methodology_file_is_a_400_in_Italian_naming_the_column()
    {
        using var oiv = _host.Client("oiv", Role.Oiv);

        var response = await oiv.PostAsync("/api/plans/cciaa-ms-2019/oiv/what-if",
            Form("Codice;Padre;Descrizione;Valore\nsoglia critica;;;alta\n"), Ct);
        var missing = await oiv.PostAsync("/api/plans/cciaa-ms-2019/oiv/what-if",
            new MultipartFormDataContent { { new StringContent("x"), "nota" } }, Ct);
        var unknown = await oiv.PostAsync("/api/plans/nessuno-2019/oiv/what-if", Form("tolleranza;;;5%"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("Valore");
        body.ShouldContain("valore «alta»");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("allegare il file di metodologia");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
