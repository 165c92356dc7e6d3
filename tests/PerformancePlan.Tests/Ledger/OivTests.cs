using System.Net;
using System.Text.Json;
using Npgsql;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>The OIV's verbs end to end: audit trail, replay with derivation and report, validation.</summary>
public class OivTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "oiv_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = await cluster.CreateDatabaseAsync(_database);
        (await Run("demo", "--no-serve")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db]);

    [Fact]
    public async Task The_audit_trail_tells_who_did_what_when_with_which_act_and_why()
    {
        var run = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "30",
            "--on", "31/08/2019", "--as", "u1.1", "--format", "json");
        var entry = JsonDocument.Parse(run.Output).RootElement.GetProperty("entryId").GetString()!;
        (await Run("results", "revert", entry, "--reason", "refuso: erano 3", "--as", "admin")).ExitCode.ShouldBe(0);

        using var json = JsonDocument.Parse((await Run("audit", "--as", "analista", "--plan", "cciaa-ms-2019",
            "--format", "json")).Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
        entries.ShouldContain(e => e.GetProperty("what").GetString() == "Piano approvato"
            && e.GetProperty("act").GetString() == "Delibera di Giunta n. 7 del 31/01/2019");
        entries.ShouldContain(e => e.GetProperty("what").GetString() == "Indicatore definito"
            && e.GetProperty("subject").GetString() == "O2.1.4-g"
            && e.GetProperty("act").GetString() == "Determinazione SG n. 115 del 15/05/2019");
        var reverted = entries.Single(e => e.GetProperty("what").GetString() == "Risultato annullato");
        (reverted.GetProperty("who").GetString(), reverted.GetProperty("reason").GetString(),
                reverted.GetProperty("refs").GetString())
            .ShouldBe(("admin", "refuso: erano 3", $"annulla {entry}"));
        var imported = entries.Where(e => e.GetProperty("what").GetString() == "Risultato registrato"
            && e.GetProperty("who").GetString() == "admin").ToList();
        imported.Select(e => e.GetProperty("correlationId").GetString()).Distinct().Count()
            .ShouldBe(1);   // one import, one operation

        var table = await Run("audit", "--as", "analista", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a",
            "--user", "u1.1");
        table.Output.ShouldContain("Risultato registrato");
        table.Output.ShouldNotContain("Risultato annullato");
    }

    [Fact]
    public async Task The_replay_rebuilds_the_year_from_events_with_each_derivation_and_a_printable_report()
    {
        var report = Path.Combine(Directory.CreateTempSubdirectory("perfplan-oiv-").FullName, "verifica.html");

        var run = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--format", "json", "--report",
            report);

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("ledger").GetProperty("verified").GetBoolean().ShouldBeTrue();
        root.GetProperty("matchesStored").GetBoolean().ShouldBeTrue();
        root.GetProperty("scores").GetProperty("entity").GetProperty("raw").GetDecimal().ShouldBe(75m);
        var museum = root.GetProperty("derivation").EnumerateArray()
            .Single(d => d.GetProperty("code").GetString() == "O1.2.3-a");
        museum.GetProperty("targetSetBy").GetProperty("act").GetString()
            .ShouldBe("Delibera di Giunta n. 7 del 31/01/2019");
        museum.GetProperty("used")[0].GetProperty("value").GetString().ShouldBe("2019-03-29");
        museum.GetProperty("band").GetString().ShouldBe("achieved");
        var objective = root.GetProperty("rollUp").EnumerateArray()
            .Single(o => o.GetProperty("code").GetString() == "2.1");
        (objective.GetProperty("raw").GetDecimal(), objective.GetProperty("parametrata").GetDecimal())
            .ShouldBe((96m, 100m));
        objective.GetProperty("from").EnumerateArray().Select(f => f.GetString()).ShouldContain("S2.1.4-b");
        var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        html.ShouldContain("Verifica dell'Organismo Indipendente di Valutazione");
        html.ShouldContain("Registro a catena");
        html.ShouldContain("Assolutamente non raggiunto");
    }

    [Fact]
    public async Task A_projection_edited_behind_the_systems_back_is_reported_as_a_difference()
    {
        await using (var conn = new NpgsqlConnection(_db))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand(
                "update perfplan.mt_doc_indicatorresults set data = jsonb_set(data, '{entries,0,value,amount}', '12') "
                + "where id = 'cciaa-ms-2019/O1.2.4-a'", conn);
            (await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        var run = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--format", "json");

        run.ExitCode.ShouldBe(4);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("matchesStored").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("differences").EnumerateArray().Select(d => d.GetString())
            .ShouldContain(d => d!.Contains("O1.2.4-a"));
        json.RootElement.GetProperty("ledger").GetProperty("verified").GetBoolean()
            .ShouldBeTrue();   // the events are intact
    }

    [Fact]
    public async Task Only_the_OIV_validates_a_closed_year_and_then_nothing_changes()
    {
        (await Run("oiv", "validate", "--plan", "cciaa-ms-2019", "--as", "oiv", "--note", "ok"))
            .Errors.ShouldContain("non è chiuso");
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "31/12/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        (await Run("oiv", "validate", "--plan", "cciaa-ms-2019", "--as", "admin", "--note", "ok"))
            .Errors.ShouldContain("OIV");

        var run = await Run("oiv", "validate", "--plan", "cciaa-ms-2019", "--as", "oiv",
            "--note", "Relazione validata");
        run.ExitCode.ShouldBe(0, run.Errors);
        run.Output.ShouldContain("validato");
        (await Run("plan", "show", "--plan", "cciaa-ms-2019")).Output.ShouldContain("stato validato");
        (await Run("indicator", "neutralize", "--plan", "cciaa-ms-2019", "--indicator", "S1.1.1-b",
                "--act", "x", "--reason", "y", "--as", "admin"))
            .Errors.ShouldContain("validato");
        using var scores = JsonDocument.Parse(
            (await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json")).Output);
        var entry = scores.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O1.2.4-a")
            .GetProperty("entries")[0].GetString()!;
        (await Run("results", "revert", entry, "--reason", "tardi", "--as", "admin")).Errors.ShouldContain("chiuso");
    }

    [Fact]
    public async Task The_Relazione_is_drafted_as_HTML_and_printed_to_PDF_and_scores_and_audit_export()
    {
        var dir = Directory.CreateTempSubdirectory("perfplan-relazione-").FullName;
        (await Run("report", "relazione", "--plan", "cciaa-ms-2019", "--out", Path.Combine(dir, "relazione.html")))
            .ExitCode.ShouldBe(0);
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "relazione.html"),
            TestContext.Current.CancellationToken);
        foreach (var section in new[] { "1. Sintesi dei principali risultati", "2. Performance organizzativa",
                     "3. Obiettivi individuali",
                     "4. Variazioni intervenute nel corso dell'anno (art. 6 D.Lgs. 150/2009)",
                     "5. Il processo di misurazione", "Determinazione SG n. 115 del 15/05/2019" })
            html.ShouldContain(section);
        html.ShouldContain("registro a catena <b>integro</b>");

        var pdf = await Run("report", "relazione", "--plan", "cciaa-ms-2019", "--out",
            Path.Combine(dir, "relazione.pdf"));
        pdf.ExitCode.ShouldBe(0, pdf.Errors);
        (await File.ReadAllBytesAsync(Path.Combine(dir, "relazione.pdf"), TestContext.Current.CancellationToken))
            .Take(4).ShouldBe("%PDF"u8.ToArray());

        (await Run("export", "scores", "--plan", "cciaa-ms-2019", "--out", Path.Combine(dir, "punteggi.csv")))
            .ExitCode.ShouldBe(0);
        var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "punteggi.csv"),
            TestContext.Current.CancellationToken);
        csv[0].TrimStart('\uFEFF').ShouldBe("Codice;Livello;Target;Risultato;% Realizzazione;% Parametrata;Esito");
        csv.ShouldContain("ENTE;Ente;;;75;75;Parzialmente raggiunto");
        (await Run("export", "audit", "--as", "analista", "--plan", "cciaa-ms-2019", "--out", Path.Combine(dir,
            "audit.xlsx")))
            .ExitCode.ShouldBe(0);
        MiniExcelLibs.MiniExcel.Query(Path.Combine(dir, "audit.xlsx"), useHeaderRow: true).Count()
            .ShouldBeGreaterThan(100);
    }
}
