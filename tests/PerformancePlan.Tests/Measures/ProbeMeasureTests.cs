using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Results;

namespace PerformancePlan.Tests.Measures;

/// <summary>The probes G02–G11 and G23 imported as written, their results read as users write them, scored.
/// </summary>
public class ProbeMeasureTests
{
    static ProbeScoring Probe(string file)
    {
        var probe = new ProbeScoring("probes", file);
        probe.Import.Errors.ShouldBeEmpty();
        return probe;
    }

    [Theory]
    [InlineData("132%", 100)]
    [InlineData("96%", 80)]
    public void G02_a_target_of_120_percent_admits_results_above_100(string value, decimal expected) =>
        Probe("G02-percent-over-100.csv").Realization("O1.1.1-a", value).ShouldBe(expected);

    [Fact]
    public void G02_a_percent_beyond_10_000_is_refused() =>
        Probe("G02-percent-over-100.csv").Read("O1.1.1-a", "12000%").Issues.ShouldHaveSingleItem()
            .Message.ShouldContain("oltre 10.000%");

    [Theory]
    [InlineData("-8", 100)]
    [InlineData("0", 100)]
    [InlineData("5", 0)]
    public void G03_a_timeliness_index_at_most_0_takes_negative_days(string value, decimal expected) =>
        Probe("G03-negative-itp.csv").Realization("O1.1.1-a", value).ShouldBe(expected);

    [Theory]
    [InlineData("3,8", 100)]
    [InlineData("6", 75)]
    public void G04_a_decimal_target_takes_decimal_results(string value, decimal expected) =>
        Probe("G04-decimal-count.csv").Realization("O1.1.1-a", value).ShouldBe(expected);

    [Theory]
    [InlineData("4%", 100)]
    [InlineData("10%", 50)]
    public void G05_strict_less_than_scores_as_at_most_away_from_zero(string value, decimal expected) =>
        Probe("G05-strict-less.csv").Realization("O1.1.1-a", value).ShouldBe(expected);

    [Theory]
    [InlineData("80%", 100)]
    [InlineData("85%", 100)]
    [InlineData("90%", 100)]
    [InlineData("72%", 90)]
    [InlineData("95%", 94.74)]
    public void G06_a_range_is_100_inside_and_proportional_outside(string value, decimal expected)
    {
        var probe = Probe("G06-range.csv");
        var target = probe.Plan!.IndicatorOf("O1.1.1-a")!.TargetFor(2019)!;
        (target.Amount, target.High).ShouldBe((80m, 90m));
        probe.Realization("O1.1.1-a", value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("-12%", "", 100)]
    [InlineData("-5%", "", 50)]
    [InlineData("3%", "", 0)]
    [InlineData("880.000", "1.000.000", 100)]
    [InlineData("950.000", "1.000.000", 50)]
    public void G07_a_reduction_target_is_realised_in_proportion_to_the_reduction(string value, string baseline,
        decimal expected)
    {
        var probe = Probe("G07-baseline-relative.csv");
        probe.Plan!.IndicatorOf("O1.1.1-a")!.TargetFor(2019)!.BaselineYear.ShouldBe(2018);
        probe.Realization("O1.1.1-a", value, reference: baseline).ShouldBe(expected);
    }

    [Fact]
    public void G08_a_benchmark_is_scored_against_the_value_entered_with_the_result()
    {
        var probe = Probe("G08-benchmark.csv");
        probe.Realization("O1.1.1-a", "78%", reference: "80%").ShouldBe(97.5m);
        probe.Realization("O1.1.1-a", "85%", reference: "80%").ShouldBe(100);
        var missing = probe.Read("O1.1.1-a", "78%").Issues.ShouldHaveSingleItem();
        missing.Column.ShouldBe(ResultInput.ReferenceColumn);
        missing.Message.ShouldContain("media nazionale");
    }

    [Theory]
    [InlineData("sì", 100)]
    [InlineData("SI", 100)]
    [InlineData("no", 0)]
    public void G09_yes_no_is_100_when_equal_and_0_otherwise(string value, decimal expected) =>
        Probe("G09-boolean.csv").Realization("O1.1.1-a", value).ShouldBe(expected);

    [Fact]
    public void G09_a_value_that_is_not_yes_or_no_is_refused() =>
        Probe("G09-boolean.csv").Read("O1.1.1-a", "forse").Issues.ShouldHaveSingleItem().Fix.ShouldContain("sì");

    [Theory]
    [InlineData("70%", 70)]
    [InlineData("fatto", 100)]
    [InlineData("non fatto", 0)]
    public void G10_a_project_milestone_is_its_completion(string value, decimal expected)
    {
        var probe = Probe("G10-text-project.csv");
        probe.Import.Warnings.ShouldContain(w => w.Message.Contains("traguardo"));
        probe.Realization("O1.1.1-a", value).ShouldBe(expected);
    }

    [Fact]
    public void G11_a_ratio_on_a_percentage_is_its_percent_and_a_date_is_still_refused()
    {
        var probe = Probe("G11-ratio-target.csv");
        probe.Realization("O1.1.1-a", "56/60").ShouldBe(93.33m);
        probe.Read("O1.1.1-a", "29/03/2019").Issues.ShouldHaveSingleItem().Message.ShouldContain("una data");
    }

    [Fact]
    public void G23_an_intermediate_target_is_read_with_its_date()
    {
        var probe = Probe("G23-intermediate-targets.csv");
        var interim = probe.Plan!.IndicatorOf("S1.1.1-a")!.InterimTargets.ShouldHaveSingleItem();
        (interim.At, interim.Amount).ShouldBe((new NodaTime.LocalDate(2019, 6, 30), 500m));
        probe.Plan.IndicatorOf("S1.1.1-a")!.TargetFor(2019)!.Amount.ShouldBe(1000m);
    }

    [Fact]
    public void A_target_header_that_cannot_be_read_is_an_error_naming_the_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"g23-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, File.ReadAllLines(Infrastructure.SeedFiles.Case("probes",
            "G23-intermediate-targets.csv")).Select((l, k) => k == 0 ? l.Replace("Target al 30/06/2019",
            "Target primo semestre") : l));
        var result = PlanFileImporter.Read(Host.Files.SheetReader.Read(path), "ente");
        result.Errors.ShouldContain(e => e.Column == "Target primo semestre" && e.Fix.Contains("Target al"));
    }
}
