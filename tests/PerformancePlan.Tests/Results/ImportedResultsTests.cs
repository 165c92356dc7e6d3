using NodaTime;
using PerformancePlan.Domain.Results;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>
/// Given what is recorded, when a file is imported again, then a row identical to the entry in force for its
/// indicator, date and period (the latest not reverted) is skipped; any other row is recorded.
/// </summary>
public class ImportedResultsTests
{
    static readonly LocalDate April = new(2019, 4, 30);

    [Fact]
    public void An_entry_identical_in_indicator_value_date_and_period_is_skipped_and_counted()
    {
        var recorded = Given(Amount("O1.2.4-a", 3, April), Amount("O2.1.4-e", 15, April, "Q1"));

        var (fresh, already) = ImportedResults.Of(
            [Amount("O1.2.4-a", 3, April), Amount("O2.1.4-e", 15, April, "Q1")], recorded);

        fresh.ShouldBeEmpty();
        already.ShouldBe(2);
    }

    [Theory]
    [InlineData("O1.2.4-a", 4, 30, null)]      // another value
    [InlineData("O1.2.4-a", 3, 29, null)]      // another date
    [InlineData("O2.1.1-b", 3, 30, null)]      // another indicator
    [InlineData("O2.1.4-e", 15, 30, "Q2")]     // another period
    public void An_entry_differing_in_any_of_the_four_is_kept(string indicator, int value, int day, string? period)
    {
        var recorded = Given(Amount("O1.2.4-a", 3, April), Amount("O2.1.4-e", 15, April, "Q1"));
        var entry = Amount(indicator, value, new LocalDate(2019, 4, day), period);

        ImportedResults.Of([entry], recorded).ShouldBe(new ImportedResults([entry], 0), new ImportedResultsComparer());
    }

    static IndicatorResults Reverted(IndicatorResults results, ResultRecorded entry) =>
        IndicatorResults.Evolve(results, new ResultReverted("cciaa-ms-2019", entry.Indicator, entry.EntryId,
            "errore", "admin", Instant.FromUtc(2019, 5, 3, 9, 0)))!;

    [Fact]
    public void A_reverted_entry_is_no_longer_recorded_and_rows_repeated_in_the_file_are_each_kept()
    {
        var reverted = Amount("O1.2.4-a", 3, April);
        var recorded = Reverted(Given(reverted)[0], reverted);
        var again = Amount("O1.2.4-a", 3, April);
        var twice = Amount("O2.1.1-b", 4, April);

        var (fresh, already) = ImportedResults.Of([again, twice, twice], [recorded]);

        fresh.ShouldBe([again, twice, twice]);
        already.ShouldBe(0);
    }

    [Fact]
    public void A_row_equal_to_an_older_entry_supersedes_the_later_one_for_the_same_date()
    {
        var recorded = Given(Amount("O1.2.4-a", 3, April, minute: 1), Amount("O1.2.4-a", 6, April, minute: 2));
        var back = Amount("O1.2.4-a", 3, April);

        ImportedResults.Of([back], recorded).ShouldBe(new ImportedResults([back], 0), new ImportedResultsComparer());
    }

    [Fact]
    public void The_latest_valid_entry_is_the_one_in_force_when_a_later_one_was_reverted()
    {
        var later = Amount("O1.2.4-a", 6, April, minute: 2);
        var recorded = Reverted(Given(Amount("O1.2.4-a", 3, April, minute: 1), later)[0], later);

        ImportedResults.Of([Amount("O1.2.4-a", 3, April)], [recorded]).ShouldBe(new ImportedResults([], 1),
            new ImportedResultsComparer());
    }

    [Fact]
    public void Rows_for_one_date_are_decided_by_the_file_s_last_so_its_last_word_stays_in_force()
    {
        var recorded = Given(Amount("O1.2.4-a", 6, April));
        var (three, six) = (Amount("O1.2.4-a", 3, April), Amount("O1.2.4-a", 6, April));

        ImportedResults.Of([three, six], recorded).AlreadyPresent.ShouldBe(2);           // 6 is in force already
        ImportedResults.Of([six, three], recorded).Fresh.ShouldBe([six, three]);         // 3 must end in force
    }

    sealed class ImportedResultsComparer : IEqualityComparer<ImportedResults>
    {
        public bool Equals(ImportedResults? x, ImportedResults? y) =>
            x!.AlreadyPresent == y!.AlreadyPresent && x.Fresh.SequenceEqual(y.Fresh);

        public int GetHashCode(ImportedResults obj) => obj.AlreadyPresent;
    }
}
