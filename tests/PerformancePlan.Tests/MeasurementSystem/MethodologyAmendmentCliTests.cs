using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9: a measurement system changed by amendment applies from its act's date; <c>--as-of</c> before it scores
/// with the rules then in force, and so does the OIV's replay.
/// </summary>
public class MethodologyAmendmentCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "smvp_")
{
    const string Plan = "cciaa-ms-2019";

    static string AmendmentFile(params string[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-smvp-").FullName, "variazione.csv");
        File.WriteAllLines(path, ["Operazione;Livello;Codice;Padre;Descrizione;Valore", .. rows]);
        return path;
    }

    async Task<JsonElement> IndicatorAsync(string code, params string[] more)
    {
        using var json = JsonDocument.Parse((await Run(["scores", "--plan", Plan, "--format", "json", .. more]))
            .Output);
        return json.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == code).Clone();
    }

    [Fact]
    public async Task A_band_table_adopted_on_15_May_scores_from_then_and_not_before()
    {
        (await Run("results", "record", "--plan", Plan, "--indicator", "O2.1.1-b", "--value", "4", "--on",
            "30/04/2019", "--as", "admin")).ExitCode.ShouldBe(0);
        var amend = await Run("plan", "amend", "--plan", Plan, "--file", AmendmentFile(
                "modifica;Metodologia;fascia;;Insufficiente;0-50",
                "modifica;Metodologia;fascia;;Sufficiente;50-75",
                "modifica;Metodologia;fascia;;Buono;75-100"),
            "--act", "Delibera di Giunta n. 40 del 15/05/2019", "--on", "15/05/2019", "--reason", "nuovo SMVP",
            "--as", "admin");
        amend.ExitCode.ShouldBe(0, amend.Errors);

        (await IndicatorAsync("O2.1.1-b", "--as-of", "14/05/2019")).GetProperty("band").GetString()
            .ShouldBe("partial");                                          // 80: the seed's bands, still in force
        (await IndicatorAsync("O2.1.1-b")).GetProperty("band").GetString().ShouldBe("achieved");   // 80: «Buono»
        (await Run("scores", "--plan", Plan)).Output.ShouldContain("Buono");
        (await Run("plan", "diff", "--plan", Plan, "--from-version", "1", "--to-version", "2")).Output
            .ShouldContain("Fasce: — → 0–50% Insufficiente; 50–75% Sufficiente; 75–100% Buono");
        var replay = await Run("oiv", "replay", "--as", "oiv", "--plan", Plan, "--as-of", "14/05/2019");
        replay.ExitCode.ShouldBe(0, replay.Errors);
        replay.Output.ShouldNotContain("Buono");
    }

    [Fact]
    public async Task An_incoherent_rule_in_an_amendment_is_refused_with_its_row_and_nothing_changes()
    {
        var amend = await Run("plan", "amend", "--plan", Plan, "--file", AmendmentFile(
                "modifica;Metodologia;tolleranza;Obiettivo operativo;;60%"),
            "--act", "Delibera n. 41", "--on", "16/05/2019", "--reason", "errore", "--as", "admin");

        amend.ExitCode.ShouldBe(2);
        amend.Errors.ShouldContain("riga 2");
        amend.Errors.ShouldContain("non coerente per il livello «Obiettivo operativo»");
        (await Run("plan", "versions", "--plan", Plan)).Output.ShouldNotContain("Delibera n. 41");
    }
}
