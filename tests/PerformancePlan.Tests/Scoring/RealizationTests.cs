using NodaTime;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;

namespace PerformancePlan.Tests.Scoring;

/// <summary>The realization rules and bands of BRIEF §3, with the seed's worked examples.</summary>
public class RealizationTests
{
    static readonly Methodology Seed = Methodology.Default;

    static Score Banded(decimal r) => Score.Of(r, Seed);

    [Fact]
    public void O1_2_3_a_done_on_29_03_2019_by_31_03_2019_is_achieved()
    {
        var r = Realization.OfDeadline(new LocalDate(2019, 3, 31), new LocalDate(2019, 3, 29));
        Banded(r).ShouldBe(new Score(100, Band.Achieved, 100));
    }

    [Fact]
    public void O1_2_3_a_done_on_15_04_2019_instead_is_89_over_104_partial()
    {
        var r = Realization.OfDeadline(new LocalDate(2019, 3, 31), new LocalDate(2019, 4, 15));
        Math.Round(r, 2).ShouldBe(85.58m);
        Banded(r).Band.ShouldBe(Band.Partial);
        Banded(r).Parametrata.ShouldBe(r);
    }

    [Fact]
    public void O1_2_4_a_three_newsletters_of_twelve_is_not_achieved_and_counts_zero()
    {
        var r = Realization.OfAmount(Comparator.AtLeast, 12, 3);
        Banded(r).ShouldBe(new Score(25, Band.NotAchieved, 0));
    }

    [Fact]
    public void O2_1_1_b_four_meetings_of_five_is_80_partial()
    {
        Banded(Realization.OfAmount(Comparator.AtLeast, 5, 4)).ShouldBe(new Score(80, Band.Partial, 80));
    }

    [Fact]
    public void O2_1_4_e_fifteen_days_within_thirty_is_achieved()
    {
        Banded(Realization.OfAmount(Comparator.AtMost, 30, 15)).ShouldBe(new Score(100, Band.Achieved, 100));
    }

    [Fact]
    public void S3_2_2_b_two_non_conformities_against_at_most_one_is_50_partial()
    {
        Banded(Realization.OfAmount(Comparator.AtMost, 1, 2)).ShouldBe(new Score(50, Band.Partial, 50));
    }

    [Theory]
    [InlineData(90, Band.Achieved, 100)]
    [InlineData(89.99, Band.Partial, 89.99)]
    [InlineData(50, Band.Partial, 50)]
    [InlineData(49.99, Band.NotAchieved, 0)]
    public void Band_edges_are_exactly_90_and_50(decimal r, Band band, decimal parametrata)
    {
        Banded(r).ShouldBe(new Score(r, band, parametrata));
    }

    [Theory]
    [InlineData(Comparator.AtLeast, 0, 0, 100)]
    [InlineData(Comparator.AtMost, 0, 0, 100)]
    [InlineData(Comparator.AtMost, 0, 1, 0)]
    [InlineData(Comparator.EqualTo, 100, 90, 90)]
    [InlineData(Comparator.EqualTo, 2, 5, 0)]
    [InlineData(Comparator.GreaterThan, 60, 90, 100)]
    [InlineData(Comparator.AtLeast, 80, 55.5, 69.375)]
    public void Each_comparator_including_a_target_of_zero(
        Comparator c, decimal target, decimal actual, decimal expected)
    {
        Realization.OfAmount(c, target, actual).ShouldBe(expected);
    }

    [Fact]
    public void A_deadline_before_the_plan_year_measures_from_1_January_of_its_own_year()
    {
        // O2.1.2-c: by 30/11/2018, done 31/01/2019 → 333 of 395 days of 2018-01-01.
        var r = Realization.OfDeadline(new LocalDate(2018, 11, 30), new LocalDate(2019, 1, 31));
        Math.Round(r, 2).ShouldBe(Math.Round(100m * 333 / 395, 2));
    }

    [Fact]
    public void Several_deadlines_average_their_realizations()
    {
        var r = Realization.Mean([
            Realization.OfDeadline(new LocalDate(2019, 6, 30), new LocalDate(2019, 6, 28)),
            Realization.OfDeadline(new LocalDate(2019, 12, 31), new LocalDate(2019, 12, 31)),
        ]);
        r.ShouldBe(100);
        Realization.Mean([]).ShouldBeNull();
    }

    [Theory]
    [InlineData(Comparator.AtLeast, "0,001", "79000000000000000000000000000", 100)]
    [InlineData(Comparator.GreaterThan, "-0,001", "79000000000000000000000000000", 100)]
    [InlineData(Comparator.EqualTo, "0,001", "79000000000000000000000000000", 0)]
    [InlineData(Comparator.AtMost, "0,001", "79000000000000000000000000000", 0)]
    public void A_value_far_beyond_decimal_ratios_is_decided_by_the_comparison_not_an_exception(
        Comparator comparator, string target, string actual, int expected) =>
        Realization.OfAmount(comparator, decimal.Parse(target, new System.Globalization.CultureInfo("it-IT")),
            decimal.Parse(actual)).ShouldBe(expected);
}
