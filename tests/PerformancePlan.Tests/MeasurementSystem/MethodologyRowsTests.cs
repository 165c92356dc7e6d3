using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>Issue #9: the <c>Metodologia</c> rows a plan file, an amendment or a file of their own may carry.</summary>
public class MethodologyRowsTests
{
    static (Methodology? Methodology, IReadOnlyList<ImportIssue> Errors) Read(params string[] rules) =>
        MethodologyReader.Read("metodologia.csv", rules.Select((r, i) =>
        {
            var c = r.Split(';');
            return new RawRow(i + 2, new Dictionary<string, string>
            {
                ["Livello"] = "Metodologia", ["Codice"] = c[0], ["Padre"] = c[1], ["Descrizione"] = c[2],
                ["Valore"] = c[3],
            });
        }).ToList(), Methodology.Default);

    [Fact]
    public void A_band_table_gives_each_band_its_outcome_and_points_linear_inside_it()
    {
        var (m, errors) = Read("fascia;;Non adeguato;0-60", "fascia;;Adeguato;60-90: 12-18",
            "fascia;;Eccellente;90-100: 18-20");

        errors.ShouldBeEmpty();
        var adequate = Score.Rounded(75, m!);
        (adequate.Band, adequate.Label, adequate.Parametrata).ShouldBe((Band.Partial, "Adeguato", 75m)); // 15 of 20
        var top = Score.Rounded(95, m!);
        (top.Band, top.Label, top.Parametrata).ShouldBe((Band.Achieved, "Eccellente", 95m));      // 19 of 20
        var low = Score.Rounded(59.99m, m!);
        (low.Band, low.Label, low.Parametrata).ShouldBe((Band.NotAchieved, "Non adeguato", 0m));
    }

    [Fact]
    public void A_band_table_with_a_gap_is_refused()
    {
        var (m, errors) = Read("fascia;;Basso;0-50", "fascia;;Alto;60-100");
        m.ShouldBeNull();
        errors.Single().Message.ShouldContain("senza buchi");
    }

    [Fact]
    public void Rules_of_every_kind_are_read_into_one_methodology()
    {
        var (m, errors) = Read("tolleranza;;;5%", "soglia critica;Obiettivo operativo;;40%", "decimali;;;1",
            "tetto;;;120%", "pesi titolari;;;relativi", "calendario;;;trimestri", "aggregazione;;;media ponderata",
            "indicatori propri;Area strategica;;no", "peso obiettivi;Obiettivo strategico;;30%");

        errors.ShouldBeEmpty();
        m!.TolerancePercent.ShouldBe(5);
        m.CriticalThresholdOf("Obiettivo operativo").ShouldBe(40);
        m.CriticalThresholdOf("Area strategica").ShouldBe(50);
        (m.Decimals, m.RealizationCap, m.HolderWeightingInForce, m.CalendarInForce)
            .ShouldBe((1, 120m, HolderWeighting.Relative, CalendarKind.Quarters));
        m.RollUpOf("Obiettivo operativo").ShouldBe(RollUp.WeightedMean);
        m.RuleOf("Area strategica")!.OwnIndicators.ShouldBe(false);
        m.ChildObjectivesWeightOf("Obiettivo strategico").ShouldBe(30);
        m.ChildObjectivesWeightOf("Area strategica").ShouldBe(40);
    }

    [Fact]
    public void The_default_methodology_keeps_its_text_and_json_when_no_rule_is_given()
    {
        var (m, _) = Read("tolleranza;;;10%");
        m.ShouldBe(Methodology.Default);
        m!.ToString().ShouldBe(Methodology.Default.ToString());
        m.HasMeasurementSystem.ShouldBeFalse();
    }

    [Theory]
    [InlineData("regola;;;5", "Codice", "regola sconosciuta")]
    [InlineData("calendario;;;bimestri", "Valore", "valore non leggibile")]
    [InlineData("tolleranza;;;sessanta", "Valore", "valore non leggibile")]
    [InlineData("indicatori propri;;;no", "Valore", "la regola vale per un livello")]
    [InlineData("livelli;;;Obiettivo", "Valore", "da 2 a 6")]
    [InlineData("tolleranza;Obiettivo operativo;;60%", "Codice", "non coerente per il livello")]
    public void A_rule_that_cannot_be_read_names_its_row_column_and_fix(string rule, string column, string message)
    {
        var (m, errors) = Read(rule);
        m.ShouldBeNull();
        var error = errors.Single();
        (error.Row, error.Column).ShouldBe((2, column));
        error.Message.ShouldContain(message);
        error.Fix.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Methodology_json_round_trips_with_the_measurement_system()
    {
        var (m, _) = Read("livelli;;;Missione > Programma", "tolleranza;Programma;;5%", "fascia;;Basso;0-50",
            "fascia;;Alto;50-100", "calendario;;;semestri");
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var json = System.Text.Json.JsonSerializer.Serialize(m, options);
        System.Text.Json.JsonSerializer.Deserialize<Methodology>(json, options).ShouldBe(m);
    }
}
