using NodaTime;
using PerformancePlan.Domain.Results;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>Given what is recorded, when a file is imported again, then identical entries are skipped.</summary>
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

    [Fact]
    public void A_reverted_entry_still_counts_as_recorded_and_rows_repeated_in_the_file_are_each_kept()
    {
        var reverted = Amount("O1.2.4-a", 3, April);
        var recorded = IndicatorResults.Evolve(Given(reverted)[0], new ResultReverted(
            "cciaa-ms-2019", "O1.2.4-a", reverted.EntryId, "errore", "admin", Instant.FromUtc(2019, 5, 3, 9, 0)))!;
        var twice = Amount("O2.1.1-b", 4, April);

        var (fresh, already) = ImportedResults.Of([Amount("O1.2.4-a", 3, April), twice, twice], [recorded]);

        fresh.ShouldBe([twice, twice]);
        already.ShouldBe(1);
    }

    sealed class ImportedResultsComparer : IEqualityComparer<ImportedResults>
    {
        public bool Equals(ImportedResults? x, ImportedResults? y) =>
            x!.AlreadyPresent == y!.AlreadyPresent && x.Fresh.SequenceEqual(y.Fresh);

        public int GetHashCode(ImportedResults obj) => obj.AlreadyPresent;
    }
}
