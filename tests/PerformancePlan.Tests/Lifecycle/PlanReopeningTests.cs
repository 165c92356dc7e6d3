using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Lifecycle;

/// <summary>
/// Given a closed year, when an administrator reopens it with an act and a reason, then the plan is approved again:
/// results are corrected and the year is closed again; never after the OIV's validation.
/// </summary>
public class PlanReopeningTests
{
    const string Act = "Determinazione SG n. 30 del 10/03/2020";
    const string Reason = "l'OIV ha rilevato un risultato errato di O1.2.4-a";
    static readonly LocalDate March10 = new(2020, 3, 10);
    static readonly Instant Now = Instant.FromUtc(2020, 3, 10, 9, 0);

    static PlanReopened When(Plan plan, Actor? by = null, string act = Act, string reason = Reason,
        LocalDate? on = null) =>
        PlanLifecycleDecider.Decide(new ReopenPlan("cciaa-ms-2019", act, reason, on ?? March10, by ?? Admin, Now),
            plan);

    static PlanReopened Reopened => new("cciaa-ms-2019", Act, Reason, March10, "admin", Now);

    [Fact]
    public void An_administrator_reopens_a_closed_year_with_the_act_and_the_reason()
    {
        When(Approved(Closed), act: $"  {Act} ").ShouldBe(Reopened);
    }

    [Fact]
    public void A_reopened_plan_is_approved_again_and_takes_results_reversals_and_a_new_close()
    {
        var plan = Approved(Closed, Reopened);
        (plan.Status, plan.IsClosed, plan.ClosedOn, plan.ReopenedOn).ShouldBe(
            (PlanStatus.Approved, false, null, March10));

        var wrong = Amount("O1.2.4-a", 3);
        ResultDecider.Decide(new RevertResult(wrong.EntryId, "refuso", Admin, Now), Given(wrong)[0], plan)
            .EntryId.ShouldBe(wrong.EntryId);
        var draft = ResultInput.Read(plan, "O1.2.4-a", "6", "31/12/2019", "", "", new LocalDate(2020, 3, 10)).Draft!;
        ResultDecider.Decide(new RecordResult(plan.Id, draft, Guid.NewGuid(), Admin, Now), plan).Value
            .ShouldBe(new ResultValue(6, null));
        PlanLifecycleDecider.Decide(new ClosePlan(plan.Id, March10, Admin, Now), plan).On.ShouldBe(March10);
    }

    [Fact]
    public void The_year_is_closed_again_from_the_reopening_on_and_only_then_validated()
    {
        var plan = Approved(Closed, Reopened);

        Should.Throw<DomainException>(() => PlanLifecycleDecider.Decide(
                new ClosePlan(plan.Id, new LocalDate(2019, 12, 31), Admin, Now), plan))
            .Message.ShouldBe("Il piano cciaa-ms-2019 è stato riaperto il 10/03/2020: si richiude da quella data in "
                + "poi, non il 31/12/2019.");
        Should.Throw<DomainException>(() => PlanLifecycleDecider.Decide(
                new ValidatePlan(plan.Id, "abc", true, "ok", new Actor("oiv", [Role.Oiv], []), Now), plan))
            .Message.ShouldContain("non è chiuso");
    }

    [Theory]
    [InlineData("approved", "non è chiuso: non c'è nulla da riaprire")]
    [InlineData("validated", "è validato dall'OIV: non si riapre più")]
    [InlineData("no act", "Indicare l'atto")]
    [InlineData("no reason", "Indicare il motivo della riapertura")]
    [InlineData("before the close", "chiuso dal 31/12/2019: la riapertura non può essere anteriore (30/12/2019)")]
    [InlineData("future", "(11/03/2020) è futura")]
    public void A_reopening_is_refused_when_a_rule_is_broken(string story, string message)
    {
        var validated = new PlanValidated("cciaa-ms-2019", "abc", "ok", "oiv", Now);
        Func<PlanReopened> when = story switch
        {
            "approved" => () => When(Approved()),
            "validated" => () => When(Approved(Closed, validated)),
            "no act" => () => When(Approved(Closed), act: " "),
            "no reason" => () => When(Approved(Closed), reason: ""),
            "before the close" => () => When(Approved(Closed), on: new LocalDate(2019, 12, 30)),
            _ => () => When(Approved(Closed), on: new LocalDate(2020, 3, 11)),
        };

        Should.Throw<DomainException>(when).Message.ShouldContain(message);
    }

    [Fact]
    public void Only_an_administrator_reopens()
    {
        foreach (var by in new[] { new Actor("oiv", [Role.Oiv], []), Giunta,
                     new Actor("u0.1", [Role.OfficeStaff], ["U0.1"]) })
            Should.Throw<ForbiddenException>(() => When(Approved(Closed), by)).Message.ShouldContain("riaprire");
    }

    [Fact]
    public void As_of_a_date_between_close_and_reopening_the_year_is_closed_and_counts_the_corrections_made_since()
    {
        // Recorded before the close, found wrong by the OIV, reverted and corrected while reopened, closed again.
        var wrong = Amount("O1.2.4-a", 3, new LocalDate(2019, 12, 31));
        var corrected = Amount("O1.2.4-a", 12, new LocalDate(2019, 12, 31)) with
        {
            RecordedAt = Now, Corrects = wrong.EntryId,
        };
        IResultEvent[] results = [wrong, new ResultReverted("cciaa-ms-2019", "O1.2.4-a", wrong.EntryId, Reason,
            "admin", Now), corrected];
        var again = new PlanClosed("cciaa-ms-2019", March10, "admin", Now.Plus(Duration.FromHours(1)));
        var events = DraftEvents().Append(new PlanApproved("cciaa-ms-2019", "Delibera di Giunta n. 7 del 31/01/2019",
            new LocalDate(2019, 1, 31), "giunta", Approval)).Append(Closed).Append(Reopened).Append(again).ToList();

        var asOf = new LocalDate(2020, 1, 31);
        var plan = Plan.AsOf(events, asOf)!;
        var score = PlanScoring.Score(plan, [IndicatorResults.AsOf(results, asOf)!]).Indicators
            .Single(i => i.Code == "O1.2.4-a");

        (plan.IsClosed, plan.ClosedOn).ShouldBe((true, new LocalDate(2019, 12, 31)));
        score.Used.ShouldHaveSingleItem().EntryId.ShouldBe(corrected.EntryId);
        score.Score.Band.ShouldBe(Band.Achieved);
        Plan.AsOf(events, new LocalDate(2020, 3, 10))!.Status.ShouldBe(PlanStatus.Closed);
        Plan.AsOf(events, new LocalDate(2020, 3, 9))!.ReopenedOn.ShouldBeNull();
    }
}
