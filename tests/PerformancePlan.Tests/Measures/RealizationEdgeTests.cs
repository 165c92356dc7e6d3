using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;

namespace PerformancePlan.Tests.Measures;

/// <summary>The realization rules of docs/measures.md at their edges.</summary>
public class RealizationEdgeTests
{
    [Theory]
    [InlineData(Comparator.LessThan, 0, 0, 0)]
    [InlineData(Comparator.LessThan, 0, -1, 100)]
    [InlineData(Comparator.LessThan, 5, 5, 100)]
    [InlineData(Comparator.AtMost, 0, 0, 100)]
    [InlineData(Comparator.GreaterThan, 0, 0, 0)]
    public void A_zero_target_is_decided_by_the_comparison_and_strict_less_mirrors_greater(Comparator c,
        int target, int actual, int expected) => Realization.OfAmount(c, target, actual).ShouldBe(expected);

    [Theory]
    [InlineData(Comparator.AtMost, -10, -12, 100)]
    [InlineData(Comparator.AtMost, -10, -5, 50)]
    [InlineData(Comparator.AtMost, -10, 0, 0)]
    [InlineData(Comparator.AtMost, -10, 3, 0)]
    [InlineData(Comparator.AtLeast, -10, 2, 100)]
    [InlineData(Comparator.AtLeast, -10, -20, 50)]
    public void A_negative_target_is_read_on_magnitudes_when_the_result_is_negative(Comparator c, int target,
        int actual, int expected) => Realization.OfAmount(c, target, actual).ShouldBe(expected);

    [Fact]
    public void The_cap_is_a_parameter_of_realization_defaulting_to_100()
    {
        Realization.OfAmount(Comparator.AtLeast, 100, 130).ShouldBe(100);
        Realization.OfAmount(Comparator.AtLeast, 100, 130, cap: 120).ShouldBe(120);
        Realization.OfAmount(Comparator.AtLeast, 100, 110, cap: 120).ShouldBe(110);
        Realization.OfAmount(Comparator.AtMost, 100, 115, cap: 120).ShouldBe(100m * 100 / 115);
    }

    [Theory]
    [InlineData(79.99, 99.9875)]
    [InlineData(80, 100)]
    [InlineData(90, 100)]
    [InlineData(180, 50)]
    public void A_range_is_100_between_its_ends(decimal actual, decimal expected) =>
        Realization.OfRange(80, 90, actual).ShouldBe(expected);

    [Theory]
    [InlineData(90, 95, 100)]
    [InlineData(90, 81, 90)]
    [InlineData(100, 100, 100)]
    [InlineData(100, 60, 60)]
    public void Equals_on_a_percentage_is_at_least_and_agrees_with_the_distance_rule_at_100(decimal target,
        decimal actual, decimal expected)
    {
        Realization.OfPercentEqual(target, actual).ShouldBe(expected);
        if (target == 100) Realization.OfAmount(Comparator.EqualTo, target, actual).ShouldBe(expected);
    }

    [Fact]
    public void Equals_on_a_count_keeps_the_distance_rule() =>
        Math.Round(Realization.Of(MeasureKind.Count, Comparator.EqualTo, YearTarget.OfAmount(2019, 22),
            new ResultValue(30, null))!.Value, 2).ShouldBe(63.64m);

    [Fact]
    public void A_variation_from_a_baseline_of_zero_cannot_be_taken()
    {
        Realization.Variation(5, 0).ShouldBeNull();
        Realization.Variation(880, 1000).ShouldBe(-12);
    }

    [Fact]
    public void Yes_no_milestone_and_benchmark_by_the_kind_of_target()
    {
        var yes = YearTarget.OfAmount(2019, 1);
        Realization.Of(MeasureKind.YesNo, Comparator.EqualTo, yes, new ResultValue(1, null)).ShouldBe(100);
        Realization.Of(MeasureKind.YesNo, Comparator.EqualTo, yes, new ResultValue(0, null)).ShouldBe(0);
        var milestone = new YearTarget(2019, null, []) { Milestone = "realizzazione progetto" };
        Realization.Of(MeasureKind.Count, Comparator.AtLeast, milestone, new ResultValue(40, null)).ShouldBe(40);
        var benchmark = new YearTarget(2019, null, []) { Benchmark = "media nazionale" };
        Realization.Of(MeasureKind.Percent, Comparator.AtMost, benchmark, new ResultValue(50, null)).ShouldBeNull();
        Realization.Of(MeasureKind.Percent, Comparator.AtMost, benchmark,
            new ResultValue(50, null) { Reference = 40 }).ShouldBe(80);
    }
}
