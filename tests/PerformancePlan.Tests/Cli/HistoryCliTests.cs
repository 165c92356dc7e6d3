using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// The verbs of issue #4 end to end: amend, target revise, rollforward, versions, diff, targets history, --as-of.
/// </summary>
public class HistoryCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "hist_")
{
    static string AmendmentFile(params string[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-amend-").FullName, "variazione.csv");
        const string header = "Operazione;Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;" +
            "Misura;Comparatore;Target 2019;Target 2020;Target 2021;Uffici;Titolari;Pesi";
        File.WriteAllLines(path, [header, .. rows]);
        return path;
    }

    [Fact]
    public async Task An_amendment_file_makes_a_version_whose_diff_shows_every_change()
    {
        var file = AmendmentFile(
            "modifica;Indicatore strategico;S3.2.1-a;;;;;;;;;;115;;;",
            "ritira;Indicatore operativo;O1.2.4-a;;;;;;;;;;;;;",
            "aggiungi;Indicatore operativo;O1.2.4-b;1.2.4;Post sui canali social;;;n. post >= 24;numero;>=;24;;;U1.1;;",
            "modifica;Indicatore operativo;O2.1.4-g;;;;;;;;;;;U0.1 U1.1;;",
            "modifica;Metodologia;tolleranza;;5%;;;;;;;;;;;");

        var amend = await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", file,
            "--act", "Determinazione SG n. 115 del 15/05/2019", "--on", "15/05/2019", "--reason", "riorganizzazione",
            "--as", "admin");
        amend.ExitCode.ShouldBe(0, amend.Errors);
        amend.Output.ShouldContain(
            "Piano cciaa-ms-2019: versione 2 (Determinazione SG n. 115 del 15/05/2019, in vigore dal 15/05/2019).");

        using var diff = JsonDocument.Parse((await Run("plan", "diff", "--plan", "cciaa-ms-2019",
            "--from-version", "1", "--to-version", "2", "--format", "json")).Output);
        var changes = diff.RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("code").GetString(),
                d.GetProperty("what").GetString()))
            .ToList();
        changes.ShouldContain(("modificato", "S3.2.1-a", "target 2021"));
        changes.ShouldContain(("ritirato", "O1.2.4-a", "Indicatore operativo"));
        changes.ShouldContain(("aggiunto", "O1.2.4-b", "Indicatore operativo"));
        changes.ShouldContain(("modificato", "O2.1.4-g", "uffici"));
        changes.ShouldContain(("modificato", "metodologia", "regole di misurazione"));

        (await Run("plan", "versions", "--plan", "cciaa-ms-2019")).Output
            .ShouldContain("Determinazione SG n. 115 del 15/05/2019");
        var before = await Run("plan", "show", "--plan", "cciaa-ms-2019", "--as-of", "14/05/2019", "--format", "json");
        before.Output.ShouldContain("O1.2.4-a");
        before.Output.ShouldNotContain("O1.2.4-b");
        (await Run("plan", "show", "--plan", "cciaa-ms-2019", "--format", "json")).Output.ShouldContain("O1.2.4-b");
    }

    [Fact]
    public async Task A_change_of_a_holder_s_weight_shows_in_the_diff_only_to_whoever_may_read_that_scorecard()
    {
        var file = AmendmentFile("aggiungi;Indicatore operativo;O2.1.4-h;2.1.4;Nuova procedura;;;"
            + "data adozione <= 30/09/2019;scadenza;<=;30/09/2019;;;U0.1;PO3;");   // PO3's weights shift
        (await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", file, "--act", "Det. SG n. 115",
            "--on", "15/05/2019", "--as", "admin")).ExitCode.ShouldBe(0);
        string[] diff = ["plan", "diff", "--plan", "cciaa-ms-2019", "--from-version", "1", "--to-version", "2"];

        (await Run([.. diff, "--as", "oiv"])).Output.ShouldContain("peso PO3");
        (await Run([.. diff, "--as", "po3"])).Output.ShouldContain("peso PO3");
        foreach (var viewer in new[] { "analista", "po2", "u2.1" })
            (await Run([.. diff, "--as", viewer])).Output.ShouldNotContain("PO3", customMessage: viewer);
        (await Run(diff)).Output.ShouldNotContain("PO3");   // nobody in particular: what anyone may publish
    }

    [Fact]
    public async Task A_bad_amendment_file_is_refused_whole_with_row_and_column()
    {
        var file = AmendmentFile(
            "modifica;Indicatore strategico;S3.2.1-a;;;;;;;;;;115;;;",
            "modifica;Indicatore operativo;O1.2.3-a;;;;;;;;00/01/1900;;;;;",
            "spegni;Indicatore operativo;O1.2.4-a;;;;;;;;;;;;;");

        var run = await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", file, "--act", "Det. 1",
            "--on", "15/05/2019", "--as", "admin");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("variazione.csv, riga 3, colonna «Target 2019», valore «00/01/1900»");
        run.Errors.ShouldContain("riga 4, colonna «Operazione», valore «spegni»: operazione sconosciuta");
        (await Run("plan", "versions", "--plan", "cciaa-ms-2019")).Output.ShouldNotContain("Det. 1");
    }

    [Fact]
    public async Task Lineage_of_a_target_across_rolled_forward_plans_shows_every_value_with_its_act()
    {
        (await Run("target", "revise", "--plan", "cciaa-ms-2019", "--indicator", "S3.2.1-a", "--year", "2021",
            "--value", "118", "--act", "Determinazione SG n. 115 del 15/05/2019", "--reason", "stima aggiornata",
            "--on", "15/05/2019", "--as", "admin")).ExitCode.ShouldBe(0);
        var roll = await Run("plan", "rollforward", "--from", "cciaa-ms-2019", "--to", "cciaa-ms-2020",
            "--as", "admin");
        roll.Output.ShouldContain(
            "Piano cciaa-ms-2020 predisposto da cciaa-ms-2019: triennio 2020–2022, 77 indicatori, in bozza.");
        (await Run("plan", "approve", "--plan", "cciaa-ms-2020", "--act", "Delibera di Giunta n. 5 del 30/01/2020",
            "--on", "30/01/2020", "--as", "giunta")).ExitCode.ShouldBe(0);
        (await Run("target", "revise", "--plan", "cciaa-ms-2020", "--indicator", "S3.2.1-a", "--year", "2021",
            "--value", "115", "--act", "Determinazione SG n. 80 del 15/06/2020", "--reason", "ricalibrato",
            "--on", "15/06/2020", "--as", "admin")).ExitCode.ShouldBe(0);

        var history = await Run("targets", "history", "--indicator", "S3.2.1-a", "--from", "2019", "--to", "2021",
            "--format", "json");

        using var json = JsonDocument.Parse(history.Output);
        var y2021 = json.RootElement.EnumerateArray().Where(c => c.GetProperty("targetYear").GetInt32() == 2021)
            .Select(c => (c.GetProperty("value").GetDecimal(), c.GetProperty("plan").GetString(),
                c.GetProperty("version").GetInt32(), c.GetProperty("act").GetString()))
            .ToList();
        y2021.ShouldBe([
            (120m, "cciaa-ms-2019", 1, "Delibera di Giunta n. 7 del 31/01/2019"),
            (118m, "cciaa-ms-2019", 2, "Determinazione SG n. 115 del 15/05/2019"),
            (118m, "cciaa-ms-2020", 1, "Delibera di Giunta n. 5 del 30/01/2020"),
            (115m, "cciaa-ms-2020", 2, "Determinazione SG n. 80 del 15/06/2020"),
        ]);
        json.RootElement[0].GetProperty("effectiveOn").GetString().ShouldBe("2019-01-31");
        json.RootElement[0].TryGetProperty("recordedAt", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_closed_plan_refuses_amendments()
    {
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "31/12/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        var run = await Run("target", "revise", "--plan", "cciaa-ms-2019", "--indicator", "S3.2.1-a", "--year", "2021",
            "--value", "118", "--act", "Det. 9", "--reason", "x", "--on", "15/05/2019", "--as", "admin");
        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("chiuso");
    }

    [Fact]
    public async Task A_renumbered_indicator_keeps_its_identity_results_and_weights()
    {
        (await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O3.1.3-a", "--value", "10",
            "--on", "31/08/2019", "--period", "Q2", "--as", "u4.1")).ExitCode.ShouldBe(0);
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-amend-").FullName, "rinumera.csv");
        File.WriteAllLines(path, ["Operazione;Livello;Codice;Codice precedente;Padre",
            "rinumera;Indicatore operativo;O3.1.3-z;O3.1.3-a;"]);

        (await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", path,
            "--act", "Determinazione SG n. 115 del 15/05/2019", "--on", "15/05/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        using var history = JsonDocument.Parse(
            (await Run("targets", "history", "--indicator", "O3.1.3-z", "--format", "json")).Output);
        history.RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("version").GetInt32(), c.GetProperty("value").GetDecimal()))
            .ShouldBe([(1, 15m)]);
        using var card = JsonDocument.Parse((await Run("scorecard", "--plan", "cciaa-ms-2019", "--holder", "SG",
            "--as", "oiv", "--format", "json")).Output);
        var item = card.RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O3.1.3-z");
        (item.GetProperty("weight").GetDecimal(), item.GetProperty("band").GetString()).ShouldBe((17.1m, "achieved"));
        using var diff = JsonDocument.Parse((await Run("plan", "diff", "--plan", "cciaa-ms-2019",
            "--from-version", "1", "--to-version", "2", "--format", "json")).Output);
        diff.RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("from").GetString(),
                d.GetProperty("to").GetString()))
            .ShouldBe([("rinumerato", "O3.1.3-a", "O3.1.3-z")]);
    }

    [Fact]
    public async Task An_amendment_made_by_mistake_is_undone_by_a_new_one_that_cites_it()
    {
        var file = AmendmentFile(
            "modifica;Indicatore strategico;S3.2.1-a;;;;;;;;;;115;;;",
            "ritira;Indicatore operativo;O1.2.4-a;;;;;;;;;;;;;",
            "aggiungi;Indicatore operativo;O1.2.4-b;1.2.4;Post sui canali social;;;n. post >= 24;numero;>=;24;;;U1.1;;",
            "modifica;Metodologia;tolleranza;;5%;;;;;;;;;;;");
        (await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", file,
            "--act", "Determinazione SG n. 115 del 15/05/2019", "--on", "15/05/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        var revert = await Run("plan", "revert-amendment", "--plan", "cciaa-ms-2019", "--version", "2",
            "--act", "Determinazione SG n. 130 del 01/06/2019", "--on", "01/06/2019",
            "--reason", "variazione caricata per errore", "--as", "admin");

        revert.ExitCode.ShouldBe(0, revert.Errors);
        revert.Output.ShouldContain("Variazione 2 annullata: piano cciaa-ms-2019 versione 3");
        using var diff = JsonDocument.Parse((await Run("plan", "diff", "--plan", "cciaa-ms-2019",
            "--from-version", "1", "--to-version", "3", "--format", "json")).Output);
        diff.RootElement.GetArrayLength().ShouldBe(0);
        using var audit = JsonDocument.Parse(
            (await Run("audit", "--as", "analista", "--plan", "cciaa-ms-2019", "--format", "json")).Output);
        audit.RootElement.EnumerateArray()
            .ShouldContain(e => e.GetProperty("refs").GetString() == "annulla la versione 2");
        (await Run("plan", "revert-amendment", "--plan", "cciaa-ms-2019", "--version", "1", "--act", "x",
            "--on", "02/06/2019", "--reason", "y", "--as", "admin")).ExitCode.ShouldBe(3);
        (await Run("plan", "revert-amendment", "--plan", "cciaa-ms-2019", "--version", "2", "--act", "x",
            "--on", "02/06/2019", "--reason", "y", "--as", "admin")).Errors.ShouldContain("già stata annullata");
    }

    [Fact]
    public async Task Reverting_an_amendment_whose_items_changed_again_later_is_refused()
    {
        foreach (var (value, act, on) in new[] { ("10", "Det. 1", "15/05/2019"), ("20", "Det. 2", "15/06/2019") })
            (await Run("target", "revise", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--year", "2019",
                "--value", value, "--act", act, "--reason", "r", "--on", on, "--as", "admin")).ExitCode.ShouldBe(0);

        var run = await Run("plan", "revert-amendment", "--plan", "cciaa-ms-2019", "--version", "2", "--act", "Det. 3",
            "--on", "01/07/2019", "--reason", "errore", "--as", "admin");

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("cambiato ancora da una versione successiva");
    }

    [Fact]
    public async Task An_admin_corrects_an_entry_from_the_command_line()
    {
        var run = await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "30",
            "--on", "30/04/2019", "--as", "u1.1", "--format", "json");
        var entry = JsonDocument.Parse(run.Output).RootElement.GetProperty("entryId").GetString()!;

        (await Run("results", "correct", entry, "--value", "3", "--reason", "refuso", "--as", "u1.1"))
            .Errors.ShouldContain("amministratore");
        var corrected = await Run("results", "correct", entry, "--value", "3", "--reason", "refuso", "--as", "admin");

        corrected.ExitCode.ShouldBe(0, corrected.Errors);
        corrected.Output.ShouldContain($"che corregge {entry}");
        using var scores = JsonDocument.Parse(
            (await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json")).Output);
        scores.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O1.2.4-a")
            .GetProperty("actual").GetDecimal().ShouldBe(3m);
    }
}
