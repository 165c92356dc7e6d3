using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>Given an indicator's entries, when an entry is corrected, then its reversal and the new entry.</summary>
public class ResultCorrectionTests
{
    static readonly Instant Now = Instant.FromUtc(2019, 9, 15, 8, 0);
    static readonly Guid Replacement = Guid.Parse("00000000-0000-0000-0000-000000000042");
    static readonly Actor Office = new("ufficio", [Role.OfficeStaff], ["U1.1"]);

    static IReadOnlyList<IResultEvent> When(Plan plan, IndicatorResults results, Guid entry, string value,
        string reason = "refuso", Actor? by = null) =>
        ResultDecider.Decide(new CorrectResult(entry, value, reason, Replacement, by ?? Admin, Now), results, plan);

    [Fact]
    public void A_correction_reverts_the_entry_and_records_the_value_for_the_same_date_citing_it()
    {
        var wrong = Amount("O1.2.4-a", 3, new LocalDate(2019, 4, 30));

        var events = When(Approved(), Given(wrong)[0], wrong.EntryId, "4");

        events.ShouldBe([
            new ResultReverted("cciaa-ms-2019", "O1.2.4-a", wrong.EntryId, "refuso", "admin", Now),
            new ResultRecorded("cciaa-ms-2019", "O1.2.4-a", Replacement, new ResultValue(4, null),
                new LocalDate(2019, 4, 30), null, $"correzione di {wrong.EntryId}: refuso", "admin", Now)
            {
                Corrects = wrong.EntryId,
            },
        ]);
    }

    [Fact]
    public void A_period_entry_is_corrected_for_the_same_period()
    {
        var wrong = Amount("O2.1.4-e", 15, new LocalDate(2019, 4, 30), period: "Q1");

        var recorded = When(Approved(), Given(wrong)[0], wrong.EntryId, "12").OfType<ResultRecorded>().Single();

        (recorded.Period, recorded.ReferredTo, recorded.Value).ShouldBe(("Q1", new LocalDate(2019, 4, 30),
            new ResultValue(12, null)));
    }

    [Fact]
    public void An_entry_recorded_before_a_renumbering_is_corrected_under_the_indicator_s_current_code()
    {
        var wrong = Amount("O1.2.4-a", 3);
        var renumbered = Approved(
            new IndicatorRenumbered("cciaa-ms-2019", "O1.2.4-a", "O1.2.4-z", "1.2.4", "riordino"));

        var events = When(renumbered, Given(wrong)[0], wrong.EntryId, "4");

        events.OfType<ResultReverted>().Single().Indicator.ShouldBe("O1.2.4-a");
        events.OfType<ResultRecorded>().Single().Indicator.ShouldBe("O1.2.4-z");
    }

    [Fact]
    public void A_value_the_measure_cannot_read_is_refused_naming_the_field()
    {
        var wrong = Amount("O1.2.4-a", 3);

        var refused = Should.Throw<InvalidResultException>(
            () => When(Approved(), Given(wrong)[0], wrong.EntryId, "3,5"));

        refused.Issues.ShouldHaveSingleItem().Column.ShouldBe("Valore");
        refused.Issues[0].Message.ShouldContain("intero non negativo");
    }

    [Fact]
    public void Only_an_administrator_corrects_and_always_with_a_reason()
    {
        var wrong = Amount("O1.2.4-a", 3);

        Should.Throw<ForbiddenException>(() => When(Approved(), Given(wrong)[0], wrong.EntryId, "4", by: Office));
        Should.Throw<DomainException>(() => When(Approved(), Given(wrong)[0], wrong.EntryId, "4", reason: " "))
            .Message.ShouldBe("Indicare il motivo dell'annullamento: resta agli atti.");
    }

    [Fact]
    public void A_reverted_entry_is_not_corrected_twice_nor_one_of_a_closed_plan()
    {
        var wrong = Amount("O1.2.4-a", 3);
        var results = IndicatorResults.Evolve(Given(wrong)[0],
            new ResultReverted("cciaa-ms-2019", "O1.2.4-a", wrong.EntryId, "doppio", "admin", Now))!;

        Should.Throw<DomainException>(() => When(Approved(), results, wrong.EntryId, "4")).Message.ShouldContain("già");
        Should.Throw<DomainException>(() => When(Approved(Closed), Given(wrong)[0], wrong.EntryId, "4"))
            .Message.ShouldContain("chiuso");
    }
}
