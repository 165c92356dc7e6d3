using System.Text.Json;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Tests.Domain;

/// <summary>A methodology checks itself when built (seed, section 4): an incoherent one cannot exist.</summary>
public class MethodologyTests
{
    [Fact]
    public void The_seed_rules_are_tolerance_10_threshold_50_and_weights_40_60()
    {
        Methodology.Default.ShouldBe(new Methodology(10, 50, 40, 60));
        (Methodology.Default.TolerancePercent, Methodology.Default.CriticalThresholdPercent).ShouldBe((10m, 50m));
    }

    [Theory]
    [InlineData(-1, 50, 40, 60)]    // tolerance below 0
    [InlineData(51, 40, 40, 60)]    // tolerance above 50
    [InlineData(10, -1, 40, 60)]    // threshold below 0
    [InlineData(10, 90, 40, 60)]    // threshold not below 100 − tolerance
    [InlineData(0, 100, 40, 60)]    // threshold above 100 − 0
    [InlineData(10, 50, 40, 50)]    // weights summing to 90
    public void An_incoherent_methodology_is_refused_with_the_rules_in_Italian(
        decimal tolerance, decimal threshold, decimal operational, decimal strategic)
    {
        Should.Throw<DomainException>(() => new Methodology(tolerance, threshold, operational, strategic))
            .Message.ShouldBe("Metodologia non coerente: tolleranza 0–50, soglia critica sotto 100 − tolleranza, "
                + "pesi 40/60 che sommano a 100.");
    }

    [Theory]
    [InlineData(0, 0, 0, 100)]
    [InlineData(50, 49, 100, 0)]
    [InlineData(5, 60, 50, 50)]
    public void Coherent_rules_at_the_edges_are_accepted(
        decimal tolerance, decimal threshold, decimal operational, decimal strategic) =>
        new Methodology(tolerance, threshold, operational, strategic).TolerancePercent.ShouldBe(tolerance);

    [Fact]
    public void Its_text_is_unchanged_since_the_plan_content_hash_includes_it() =>
        Methodology.Default.ToString().ShouldBe("Methodology { TolerancePercent = 10, CriticalThresholdPercent = 50, "
            + "OperationalObjectivesWeightPercent = 40, StrategicIndicatorsWeightPercent = 60 }");

    [Fact]
    public void It_round_trips_through_camel_case_json_as_the_store_writes_it()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(new Methodology(5, 50, 40, 60), options);
        json.ShouldBe("{\"tolerancePercent\":5,\"criticalThresholdPercent\":50,"
            + "\"operationalObjectivesWeightPercent\":40,\"strategicIndicatorsWeightPercent\":60}");
        JsonSerializer.Deserialize<Methodology>(json, options).ShouldBe(new Methodology(5, 50, 40, 60));
        var incoherent = json.Replace("\"tolerancePercent\":5", "\"tolerancePercent\":60");
        Should.Throw<DomainException>(() => JsonSerializer.Deserialize<Methodology>(incoherent, options));
    }
}
