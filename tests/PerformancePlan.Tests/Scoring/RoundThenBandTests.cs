using System.Text.Json;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Scoring;

/// <summary>
/// Round, then band (issue #12): the band is decided on the figure users read, rounded by the methodology's rule
/// (two decimals unless the plan says otherwise, halves away from zero); the means run on the exact figures.
/// </summary>
public class RoundThenBandTests
{
    static readonly Methodology Seed = Methodology.Default;

    [Theory]
    [InlineData(89.996, 90, Band.Achieved, 100)]
    [InlineData(89.995, 90, Band.Achieved, 100)]
    [InlineData(89.994, 89.99, Band.Partial, 89.99)]
    [InlineData(49.996, 50, Band.Partial, 50)]
    [InlineData(49.994, 49.99, Band.NotAchieved, 0)]
    public void The_band_agrees_with_the_figure_shown(double raw, double shown, Band band, double parametrata)
    {
        var score = Score.Rounded((decimal)raw, Seed);

        (score.ShownRaw, score.Band, score.ShownParametrata).ShouldBe(((decimal)shown, band, (decimal)parametrata));
        score.Raw.ShouldBe((decimal)raw);    // exact, for the parent's mean
    }

    [Fact]
    public void A_methodology_of_no_decimals_shows_and_bands_whole_numbers()
    {
        var whole = new Methodology(10, 50, 40, 60, roundingDecimals: 0);

        var score = Score.Rounded(89.5m, whole);

        (score.ShownRaw, score.Band, score.ShownParametrata).ShouldBe((90m, Band.Achieved, 100m));
        Score.Rounded(89.4m, whole).ShouldSatisfyAllConditions(
            s => s.ShownRaw.ShouldBe(89m), s => s.Band.ShouldBe(Band.Partial));
    }

    [Fact]
    public void An_indicator_at_the_band_edge_is_achieved_in_the_plan_scores()
    {
        // ≥ 80%: 71,9964% realises 89,9955, shown as 90 — achieved, as the figure says.
        var s = PlanScoring.Score(Approved(), Given(Amount("S1.1.1-a", 71.9964m)));

        var score = s.Indicators.Single(i => i.Code == "S1.1.1-a").Score;
        (score.ShownRaw, score.Band, score.ShownParametrata).ShouldBe((90m, Band.Achieved, 100m));
    }

    [Theory]
    [InlineData(Comparator.GreaterThan, 0, 0, 0)]     // "n. > 0" with 0: the comparison is not met
    [InlineData(Comparator.GreaterThan, 0, 1, 100)]
    [InlineData(Comparator.AtLeast, 0, 0, 100)]
    [InlineData(Comparator.EqualTo, 0, 0, 100)]
    [InlineData(Comparator.AtMost, 0, 3, 0)]
    public void A_target_of_zero_is_decided_by_the_comparison_itself(
        Comparator c, decimal target, decimal actual, decimal expected) =>
        Realization.OfAmount(c, target, actual).ShouldBe(expected);

    [Fact]
    public void After_close_the_counts_tell_measured_from_counted_zero_and_neutralised()
    {
        var neutralized = new IndicatorNeutralized("cciaa-ms-2019", "S1.1.1-b",
            "Determinazione SG n. 200 del 15/12/2019", "progetti sospesi", "admin", Approval);
        var s = PlanScoring.Score(Approved(neutralized, Closed), Given(Amount("S1.1.1-a", 80), Amount("O1.2.4-a", 3)));

        var c = s.Counts;
        (c.Measured, c.Neutralized, c.Pending).ShouldBe((2, 1, 0));
        c.ZeroAtClose.ShouldBe(c.Total - 3);
        s.Indicators.Single(i => i.Code == "O1.2.4-a").ZeroAtClose.ShouldBeFalse();   // a measured 25, not the rule
        s.Indicators.Single(i => i.Code == "O1.1.1-a").ZeroAtClose.ShouldBeTrue();
    }
}

/// <summary>The rounding rule is data of the methodology, checked when built, invisible in existing plans' hashes.
/// </summary>
public class MethodologyRoundingTests
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Two_decimals_are_the_default_and_stated_or_not_are_the_same_methodology()
    {
        Methodology.Default.Decimals.ShouldBe(2);
        new Methodology(10, 50, 40, 60, 2).ShouldBe(Methodology.Default);
        new Methodology(10, 50, 40, 60, 2).ToString().ShouldBe(Methodology.Default.ToString());
        Methodology.Default.Round(89.995m).ShouldBe(90m);
    }

    [Fact]
    public void Another_rule_is_part_of_its_text_and_of_its_stored_json()
    {
        var three = new Methodology(10, 50, 40, 60, 3);

        three.ToString().ShouldEndWith(", RoundingDecimals = 3 }");
        var json = JsonSerializer.Serialize(three, Web);
        json.ShouldContain("\"roundingDecimals\":3");
        JsonSerializer.Deserialize<Methodology>(json, Web).ShouldBe(three);
        three.ShouldNotBe(Methodology.Default);
    }

    [Fact]
    public void A_methodology_stored_before_the_rule_existed_reads_as_two_decimals()
    {
        const string old = "{\"tolerancePercent\":10,\"criticalThresholdPercent\":50,"
            + "\"operationalObjectivesWeightPercent\":40,\"strategicIndicatorsWeightPercent\":60}";

        JsonSerializer.Deserialize<Methodology>(old, Web)!.ShouldSatisfyAllConditions(
            m => m.ShouldBe(Methodology.Default), m => m.Decimals.ShouldBe(2));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void A_rounding_out_of_0_to_4_decimals_is_refused_in_Italian(int decimals) =>
        Should.Throw<DomainException>(() => new Methodology(10, 50, 40, 60, decimals)).Message
            .ShouldBe(Methodology.BadRounding);
}
