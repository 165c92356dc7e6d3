using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9's own plan, end to end through <c>perfplan</c> on PostgreSQL: four levels of its own, quarters, SI/NO, a
/// range, holders' weights in points and tolerances per level — imported, results recorded through the year, closed,
/// and replayed by the OIV with the same scores as the stored projections.
/// </summary>
public class OwnSystemYearCliTests(PostgresCluster cluster) : CliDatabase(cluster, "own_")
{
    // The demo's users act here for other administrations than Massa-Carrara's (ADR 0028).
    public override ValueTask InitializeAsync()
    {
        Users = SeedFiles.UsersOfEveryEntity();
        return base.InitializeAsync();
    }

    const string Plan = "agenzia-2020";

    static readonly string[] AgencyPlan =
    [
        "Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;Target 2020;Target 2021;"
            + "Target 2022;Uffici;Titolari;Pesi;Peso",
        "Metodologia;livelli;;;;;;;;Missione > Programma > Obiettivo > Azione;;;;;;",
        "Metodologia;tolleranza;Azione;Azioni raggiunte solo al 95%;;;;;;5%;;;;;;",
        "Metodologia;tolleranza;Programma;;;;;;;15%;;;;;;",
        "Metodologia;calendario;;Monitoraggio trimestrale;;;;;;trimestri;;;;;;",
        "Metodologia;pesi titolari;;Pesi in punti;;;;;;relativi;;;;;;",
        "Titolare;DG;;Direttore generale;;;;;;;;;;;;",
        "Titolare;DIR1;;Dirigente dell'Area servizi;;;;;;;;;;;;",
        "Ente;ENTE;;Agenzia di prova;;;;;;;;;;;;",
        "Missione;01;ENTE;Servizi ai cittadini;;;;;;;;;;;;",
        "Programma;01.01;01;Sportelli;;;;;;;;;;;;",
        "Obiettivo;01.01.A;01.01;Servizi più rapidi;;;;;;;;;;;;",
        "Azione;01.01.A.1;01.01.A;Regolamento e copertura;;;;;;;;;;;;",
        "Azione;01.01.A.2;01.01.A;Tempi di monitoraggio;;;;;;;;;;;;",
        "Indicatore;I1;01.01.A.1;Adozione del regolamento;;;SI/NO;si/no;=;SI;SI;SI;AREA-SERVIZI;DG;DG:3;",
        "Indicatore;I2;01.01.A.1;Tasso di copertura;;;%;percentuale;>=;tra 80% e 90%;;;AREA-SERVIZI;DG, DIR1;"
            + "DG:2 DIR1:5;",
        "Indicatore;I3;01.01.A.2;Report entro 15 giorni dalla chiusura del trimestre;;;gg;giorni dalla chiusura;<=;"
            + "15;;;AREA-SERVIZI;DIR1;DIR1:5;",
    ];

    [Fact]
    public async Task It_imports_records_the_year_closes_and_the_OIV_replay_matches_the_stored_scores()
    {
        var file = PlanText.Write(AgencyPlan, "agenzia.csv");
        await Ok("plan", "import", "--as", "admin", file, "--entity", "agenzia");
        await Ok("plan", "approve", "--plan", Plan, "--act", "Decreto del Direttore n. 3 del 31/01/2020", "--on",
            "31/01/2020", "--as", "giunta");
        foreach (var (code, value, on, period) in new[]
                 {
                     ("I1", "sì", "30/06/2020", ""), ("I2", "68%", "31/12/2020", ""),
                     ("I3", "10", "10/04/2020", "T1"), ("I3", "20", "20/07/2020", "T2"),
                     ("I3", "15", "15/10/2020", "T3"), ("I3", "30", "30/01/2021", "T4"),
                 })
            await Ok(["results", "record", "--plan", Plan, "--indicator", code, "--value", value, "--on", on,
                .. period.Length > 0 ? new[] { "--period", period } : [], "--as", "admin"]);
        await Ok("plan", "close", "--plan", Plan, "--on", "31/01/2021", "--as", "admin");

        using var replay = JsonDocument.Parse((await Ok("oiv", "replay", "--as", "oiv", "--plan", Plan, "--format",
            "json")).Output);
        replay.RootElement.GetProperty("matchesStored").GetBoolean().ShouldBeTrue();
        using var scores = JsonDocument.Parse((await Ok("scores", "--plan", Plan, "--format", "json")).Output);
        var root = scores.RootElement;
        decimal? Indicator(string code) => root.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == code).GetProperty("realization").GetDecimal();
        (string?, decimal, string?) Node(string code)
        {
            var n = root.GetProperty("objectives").EnumerateArray().Concat(root.GetProperty("areas").EnumerateArray())
                .Single(x => x.GetProperty("code").GetString() == code);
            return (n.GetProperty("levelName").GetString(), n.GetProperty("raw").GetDecimal(),
                n.GetProperty("band").GetString());
        }
        Indicator("I1").ShouldBe(100m);                                    // sì = SI
        Indicator("I2").ShouldBe(85m);                                     // 68% below 80–90: 68 / 80
        Indicator("I3").ShouldBe(81.25m);                                  // T1–T4: 100, 75, 100, 50
        Node("01.01.A.1").ShouldBe(("Azione", 92.5m, "partial"));          // below 100 − 5
        Node("01.01.A").ShouldBe(("Obiettivo", 86.88m, "partial"));        // mean(92,5; 81,25), below 100 − 10
        Node("01.01").ShouldBe(("Programma", 86.88m, "achieved"));         // at least 100 − 15
        root.GetProperty("entity").GetProperty("raw").GetDecimal().ShouldBe(100m);

        var dg = await Ok("scorecard", "--plan", Plan, "--holder", "DG", "--as", "admin");
        dg.Output.ShouldContain("DG — Direttore generale");
        dg.Output.ShouldContain("94");                                     // 3 and 2 points: 60% × 100 + 40% × 85
    }
}
