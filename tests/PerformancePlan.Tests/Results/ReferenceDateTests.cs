using NodaTime;
using PerformancePlan.Domain.Calendar;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>
/// A result of the 2019 plan refers to 2019 but may be dated up to 30/06/2020, the close of 2019's monitoring
/// (the Relazione's legal deadline), never in the future; the period says which part of the year it measures.
/// </summary>
public class ReferenceDateTests
{
    static readonly LocalDate Today = new(2020, 9, 1);

    [Theory]
    [InlineData("31/12/2018", ReferenceDateCheck.BeforeYear)]
    [InlineData("01/01/2019", ReferenceDateCheck.Valid)]
    [InlineData("31/12/2019", ReferenceDateCheck.Valid)]
    [InlineData("01/01/2020", ReferenceDateCheck.Valid)]
    [InlineData("30/06/2020", ReferenceDateCheck.Valid)]
    [InlineData("01/07/2020", ReferenceDateCheck.AfterMonitoring)]
    public void The_2019_monitoring_runs_from_1_January_2019_to_30_June_2020(string on, ReferenceDateCheck expected)
    {
        ItalianFormat.TryParseDate(on, out var date).ShouldBeTrue();
        MonitoringCalendar.CheckReferenceDate(2019, date, Today).ShouldBe(expected);
    }

    [Fact]
    public void A_date_in_the_monitoring_but_after_today_is_future_and_one_beyond_it_is_beyond_whatever_today_is()
    {
        var january = new LocalDate(2020, 1, 20);
        MonitoringCalendar.CheckReferenceDate(2019, january, january).ShouldBe(ReferenceDateCheck.Valid);
        MonitoringCalendar.CheckReferenceDate(2019, january, january.PlusDays(-1)).ShouldBe(ReferenceDateCheck.Future);
        MonitoringCalendar.CheckReferenceDate(2019, new LocalDate(2020, 7, 1), new LocalDate(2019, 9, 1))
            .ShouldBe(ReferenceDateCheck.AfterMonitoring);
    }

    [Fact]
    public void The_third_quadrimester_reported_in_January_is_read_as_the_users_file_writes_it()
    {
        // The row of a real results file: O2.1.4-e;20;20/01/2020;Q3
        var (draft, issues) = ResultInput.Read(Approved(), "O2.1.4-e", "20", "20/01/2020", "Q3", "", Today);

        issues.ShouldBeEmpty();
        (draft!.Period, draft.ReferredTo, draft.Value).ShouldBe(("Q3", new LocalDate(2020, 1, 20),
            new ResultValue(20, null)));
    }

    [Theory]
    [InlineData("30/06/2020", true)]
    [InlineData("01/07/2020", false)]
    public void A_deadline_met_in_the_next_year_is_read_up_to_the_close_of_the_monitoring(string on, bool read)
    {
        var (draft, issues) = ResultInput.Read(Approved(), "O1.2.3-a", on, on, "", "", Today);

        (draft is not null).ShouldBe(read);
        if (!read)
            issues.ShouldHaveSingleItem().Message.ShouldBe("data oltre il monitoraggio del 2019, che si chiude il "
                + "30/06/2020 (termine della Relazione sulla Performance)");
    }

    [Fact]
    public void A_deadline_completed_late_in_January_counts_as_late()
    {
        // O1.2.3-a: by 31/03/2019; done 20/01/2020 → 89 days allowed of 384 taken.
        var late = Done("O1.2.3-a", new LocalDate(2020, 1, 20));
        var semester = Done("S2.1.3-a", new LocalDate(2020, 1, 20), period: "2");   // 31/12/2019: 364 of 384

        var scores = PlanScoring.Score(Approved(), Given(late, semester)).Indicators;

        var o123 = scores.Single(i => i.Code == "O1.2.3-a").Score;
        o123.Band.ShouldBe(Band.NotAchieved);
        o123.Raw!.Value.ShouldBe(23.18m, 0.01m);
        scores.Single(i => i.Code == "S2.1.3-a").Periods.Single(p => p.Period == "2").Realization!.Value
            .ShouldBe(94.79m, 0.01m);
    }

    static readonly ResultRecorded[] DaysAfterClose =
    [
        Amount("O2.1.4-e", 15, new LocalDate(2019, 5, 10), "Q1"),
        Amount("O2.1.4-e", 20, new LocalDate(2020, 1, 20), "Q3"),
    ];

    static PeriodRealization[] Periods(LocalDate asOf, params object[] planEvents)
    {
        var plan = Plan.AsOf(DraftEvents().Concat(planEvents), asOf)!;
        var results = new[] { IndicatorResults.AsOf(DaysAfterClose, asOf)! };
        return [.. PlanScoring.Score(plan, results).Indicators.Single(i => i.Code == "O2.1.4-e").Periods];
    }

    static readonly PlanApproved Delibera7 = new("cciaa-ms-2019", "Delibera di Giunta n. 7 del 31/01/2019",
        new LocalDate(2019, 1, 31), "giunta", Approval);

    [Fact]
    public void As_of_a_date_in_the_plan_year_a_January_entry_is_not_yet_there_even_for_the_third_quadrimester()
    {
        // The situation on 31/12/2019: Q3's days after close could not be counted yet; the year was still open.
        Periods(new LocalDate(2019, 12, 31), Delibera7).ShouldBe([new("Q1", 100), new("Q2", null), new("Q3", null)]);
        Periods(new LocalDate(2020, 1, 31), Delibera7).ShouldBe([new("Q1", 100), new("Q2", null), new("Q3", 100)]);
    }

    [Fact]
    public void Closed_after_the_last_result_the_plan_as_of_the_year_end_is_still_open_and_as_of_the_close_complete()
    {
        var close = new PlanClosed("cciaa-ms-2019", new LocalDate(2020, 1, 31), "admin",
            Instant.FromUtc(2020, 1, 31, 12, 0));

        Periods(new LocalDate(2019, 12, 31), Delibera7, close)
            .ShouldBe([new("Q1", 100), new("Q2", null), new("Q3", null)]);
        Periods(new LocalDate(2020, 1, 31), Delibera7, close).ShouldBe([new("Q1", 100), new("Q2", 0), new("Q3", 100)]);
    }

    [Fact]
    public void The_year_is_not_closed_on_a_date_before_a_result_it_counts()
    {
        var close = new ClosePlan("cciaa-ms-2019", new LocalDate(2019, 12, 31), Admin,
            Instant.FromUtc(2020, 2, 1, 9, 0), LastResultOn: new LocalDate(2020, 1, 20));

        Should.Throw<DomainException>(() => PlanLifecycleDecider.Decide(close, Approved()))
            .Message.ShouldBe("Il piano cciaa-ms-2019 ha risultati riferiti fino al 20/01/2020: l'anno si chiude da "
                + "quella data in poi, non il 31/12/2019.");
        PlanLifecycleDecider.Decide(close with { On = new LocalDate(2020, 1, 20) }, Approved()).On
            .ShouldBe(new LocalDate(2020, 1, 20));
    }
}
