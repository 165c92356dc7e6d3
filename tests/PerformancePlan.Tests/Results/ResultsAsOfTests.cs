using NodaTime;
using PerformancePlan.Domain.Results;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>Given an indicator's stream, the results as of a business date count entries referring up to it.</summary>
public class ResultsAsOfTests
{
    static readonly LocalDate April = new(2019, 4, 30);
    static readonly LocalDate August = new(2019, 8, 31);
    static readonly Instant Later = Instant.FromUtc(2019, 9, 2, 9, 0);

    static ResultReverted Reverting(ResultRecorded e) =>
        new(e.PlanId, e.Indicator, e.EntryId, "errore", "admin", Later);

    [Fact]
    public void Entries_referring_after_the_date_are_left_out()
    {
        var april = Amount("O1.2.4-a", 3, April);
        var august = Amount("O1.2.4-a", 5, August);

        var june = IndicatorResults.AsOf([april, august], new LocalDate(2019, 6, 30))!;

        june.Entries.Select(e => e.EntryId).ShouldBe([april.EntryId]);
        IndicatorResults.AsOf([april, august], August)!.Entries.Count.ShouldBe(2);
    }

    [Fact]
    public void A_stream_whose_entries_all_refer_after_the_date_folds_to_nothing()
    {
        var august = Amount("O1.2.4-a", 5, August);

        IndicatorResults.AsOf([august, Reverting(august)], April).ShouldBeNull();
    }

    [Fact]
    public void A_reversal_counts_for_an_entry_in_the_date_and_is_ignored_for_one_after_it()
    {
        var april = Amount("O1.2.4-a", 3, April);
        var august = Amount("O1.2.4-a", 5, August);

        var june = IndicatorResults.AsOf(
            [april, august, Reverting(april), Reverting(august)], new LocalDate(2019, 6, 30))!;

        june.Entries.ShouldHaveSingleItem().Reversal.ShouldNotBeNull();
        june.Current().ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_date_the_whole_stream_is_folded_as_the_projection_does()
    {
        var april = Amount("O1.2.4-a", 3, April);
        var august = Amount("O1.2.4-a", 5, August);

        var replayed = IndicatorResults.Replay([april, august])!;
        var projected = Given(april, august)[0];

        (replayed.Id, replayed.Version).ShouldBe((projected.Id, projected.Version));
        replayed.Entries.ShouldBe(projected.Entries);
    }
}
