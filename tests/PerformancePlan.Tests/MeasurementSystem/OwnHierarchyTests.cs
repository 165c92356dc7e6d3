using NodaTime;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9: a ministry's own measurement system — four levels of its own names, a registry of holders and offices,
/// weights of nodes (<i>Peso</i>) for a weighted roll-up, per-level tolerances and relative holder weights — imports
/// and scores by its rules, with the seed's arithmetic (BRIEF §3) generalised.
/// </summary>
public class OwnHierarchyTests
{
    public static readonly string[] Ministry =
    [
        PlanText.Header,
        "Metodologia;livelli;;Gerarchia del piano;;;;;;Missione > Programma > Obiettivo > Azione;;;;;;",
        "Metodologia;tolleranza;Azione;Le azioni si raggiungono solo al 95%;;;;;;5%;;;;;;",
        "Metodologia;tolleranza;Programma;;;;;;;15%;;;;;;",
        "Metodologia;aggregazione;;Media ponderata per Peso;;;;;;media ponderata;;;;;;",
        "Metodologia;pesi titolari;;Pesi in punti;;;;;;relativi;;;;;;",
        "Titolare;DG;;Direttore generale;;;;;;;;;;;;",
        "Titolare;DIR1;;Dirigente dell'Ufficio I;;;;;;;;;;;;",
        "Ufficio;AVV. GEN.;;Avvocatura generale;;;;;;;;;;;;",
        "Ufficio;UFF-I;;Ufficio I;;;;;;;;;;;;",
        "Ente;ENTE;;Ministero di prova;;;;;;;;;;;;",
        "Missione;011;ENTE;Competitività e sviluppo delle imprese;;;;;;;;;;;;",
        "Programma;011.005;011;Promozione integrata;;;;;;;;;;;;3",
        "Programma;011.006;011;Vigilanza;;;;;;;;;;;;1",
        "Obiettivo;011.005.01;011.005;Più imprese servite;;;;;;;;;;;;",
        "Azione;011.005.01.1;011.005.01;Sportelli;;;;;;;;;;;;2",
        "Azione;011.005.01.2;011.005.01;Servizi digitali;;;;;;;;;;;;1",
        "Indicatore;KPI1;011.005.01.1;Sportelli aperti;;;n.;numero;>=;10;10;10;UFF-I, AVV. GEN.;"
            + "Direttore generale, DIR1;DG:3 DIR1:20;",
        "Indicatore;KPI2;011.005.01.2;Pratiche digitali;;;%;percentuale;>=;80%;80%;80%;UFF-I;DG;DG:1;",
        "Indicatore;KPI3;011.006;Ispezioni;;;n.;numero;>=;4;4;4;AVV. GEN.;;;",
    ];

    static Plan Approved(PlanDefinition d) => Plan.Replay(
        PlanDecider.Decide(new ImportPlan(d, "ministero.csv", SeedPlan.Admin, SeedPlan.Approval), null).Cast<object>()
            .Append(new PlanApproved(d.PlanId, "DM n. 1 del 31/01/2019", new LocalDate(2019, 1, 31), "giunta",
                SeedPlan.Approval)))!;

    static ResultRecorded Value(string code, decimal value) => new("prova-2019", code, Guid.NewGuid(),
        new ResultValue(value, null), new LocalDate(2019, 12, 31), null, "", "admin",
        Instant.FromUtc(2020, 1, 10, 9, 0));

    [Fact]
    public void Its_own_levels_registry_and_weights_import_as_written()
    {
        var result = PlanText.Import(Ministry);

        result.Errors.ShouldBeEmpty();
        var plan = Approved(result.Plan!);
        plan.Nodes.Select(n => (n.Code, n.LevelName, plan.DepthOf(n.Code))).ShouldBe([
            ("011", "Missione", 1), ("011.005", "Programma", 2), ("011.006", "Programma", 2),
            ("011.005.01", "Obiettivo", 3), ("011.005.01.1", "Azione", 4), ("011.005.01.2", "Azione", 4)]);
        plan.Indicators.Single(i => i.Code == "KPI1").Offices.ShouldBe(["UFF-I", "AVV. GEN."]);
        plan.Indicators.Single(i => i.Code == "KPI1").Holders.ShouldBe(["DG", "DIR1"]);   // a name is its code
        plan.NameOf(RegistryKind.Holder, "DG").ShouldBe("Direttore generale");
        plan.Methodology.Levels.ShouldBe(["Missione", "Programma", "Obiettivo", "Azione"]);
        plan.Methodology.ToleranceOf("Azione").ShouldBe(5);
        plan.Methodology.ToleranceOf("Obiettivo").ShouldBe(10);
    }

    [Fact]
    public void It_scores_with_weighted_means_and_each_level_s_tolerance()
    {
        var plan = Approved(PlanText.Import(Ministry).Plan!);

        var s = PlanScoring.Score(plan, SeedPlan.Given(Value("KPI1", 8), Value("KPI2", 76), Value("KPI3", 2)));

        Score Of(string code) => s.Areas.Concat(s.Objectives).Single(n => n.Code == code).Score;
        Of("011.005.01.1").ShouldBe(new Score(80, Band.Partial, 80));           // 80 < 100 − 5
        Of("011.005.01.2").ShouldBe(new Score(100, Band.Achieved, 100));        // KPI2 95: achieved, 100
        Of("011.005.01").Raw!.Value.ShouldBe((2 * 80m + 1 * 100) / 3, 0.0001m); // Peso 2 and 1
        Of("011.005.01").Band.ShouldBe(Band.Partial);                           // 86,67 < 90
        Of("011.005").ShouldBe(Of("011.005") with { Band = Band.Achieved, Parametrata = 100 }); // ≥ 100 − 15
        Of("011.006").ShouldBe(new Score(50, Band.Partial, 50));
        Of("011").Raw.ShouldBe((3 * 100m + 1 * 50) / 4);                         // Peso 3 and 1: 87,5
        s.Entity.Score.ShouldBe(new Score(87.5m, Band.Partial, 87.5m));
        s.Areas.Single().LevelName.ShouldBe("Missione");
    }

    [Fact]
    public void Relative_holder_weights_are_normalised_and_the_scorecard_uses_them()
    {
        var plan = Approved(PlanText.Import(Ministry).Plan!);
        var scores = PlanScoring.Score(plan, SeedPlan.Given(Value("KPI1", 8), Value("KPI2", 76)));

        var dg = PlanScoring.Scorecard(plan, scores, "DG");

        dg.Items.Select(i => (i.Indicator, i.Weight)).ShouldBe([("KPI1", 75m), ("KPI2", 25m)]);   // 3 and 1 points
        dg.Score.ShouldBe(0.75m * 80 + 0.25m * 100);
        PlanScoring.Scorecard(plan, scores, "DIR1").Score.ShouldBe(80);
    }

    [Fact]
    public void A_level_the_plan_did_not_declare_is_refused_naming_the_declared_ones()
    {
        var error = PlanText.Import(Ministry.Append(
            "Sottoazione;X1;011.005.01.1;Non dichiarata;;;;;;;;;;;;")).Errors.Single();

        (error.Row, error.Column, error.Value).ShouldBe((21, "Livello", "Sottoazione"));
        error.Message.ShouldContain("non dichiarato");
        error.Fix.ShouldContain("«Azione»");
    }

    [Fact]
    public void A_holder_outside_the_declared_registry_is_refused_never_split_into_words()
    {
        var error = PlanText.Import(Ministry.Select(l => l.Replace("UFF-I;DG;DG:1", "UFF-I;Capo di gabinetto;")))
            .Errors.Single();

        (error.Column, error.Value).ShouldBe(("Titolari", "Capo di gabinetto"));
        error.Message.ShouldContain("non è tra quelli dichiarati");
        error.Fix.ShouldContain("DG, DIR1");
    }

    [Fact]
    public void An_upper_level_under_a_lower_one_is_refused()
    {
        var error = PlanText.Import(Ministry.Append("Programma;011.009;011.005.01;Fuori posto;;;;;;;;;;;;"))
            .Errors.Single();

        (error.Column, error.Value).ShouldBe(("Padre", "011.005.01"));
        error.Message.ShouldContain("non può stare sotto");
    }

    [Fact]
    public void An_over_achievement_cap_lets_a_result_beyond_the_target_count_beyond_100()
    {
        var lines = File.ReadAllLines(SeedFiles.Case("probes", "G02-percent-over-100.csv"))
            .Append("Metodologia;tetto;;Sovraperformance fino al 120%;;;;;;120%;;;;;");
        var plan = Approved(PlanText.Import(lines).Plan!);
        static ResultRecorded Of(string code, decimal v) => new("prova-2019", code, Guid.NewGuid(),
            new ResultValue(v, null), new LocalDate(2019, 12, 31), null, "", "admin",
            Instant.FromUtc(2020, 1, 10, 9, 0));

        var s = PlanScoring.Score(plan, SeedPlan.Given(Of("O1.1.1-a", 132), Of("S1.1.1-a", 100)));

        s.Indicators.Single(i => i.Code == "O1.1.1-a").Score.ShouldBe(new Score(110, Band.Achieved, 110));
        s.Indicators.Single(i => i.Code == "S1.1.1-a").Score.ShouldBe(new Score(120, Band.Achieved, 120));
        PlanScoring.Score(Approved(PlanText.Import(File.ReadAllLines(
                SeedFiles.Case("probes", "G02-percent-over-100.csv"))).Plan!), SeedPlan.Given(Of("O1.1.1-a", 132)))
            .Indicators.Single(i => i.Code == "O1.1.1-a").Score.ShouldBe(new Score(100, Band.Achieved, 100));
    }
}
