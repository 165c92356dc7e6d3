using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Results;
using PerformancePlan.Tests.Infrastructure;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Results;

/// <summary>Given the plan, when a result is entered, then this entry or this error.</summary>
public class ResultDecisionTests
{
    static readonly LocalDate Today = new(2019, 9, 15);
    static readonly Instant Now = Instant.FromUtc(2019, 9, 15, 8, 0);

    static (ResultDraft? Draft, IReadOnlyList<FieldIssue> Issues) Read(string code, string value,
        string on = "30/04/2019", string period = "") =>
        ResultInput.Read(Approved(), code, value, on, period, "", Today);

    static FieldIssue Rejected(string code, string value, string on = "30/04/2019", string period = "")
    {
        var (draft, issues) = Read(code, value, on, period);
        draft.ShouldBeNull();
        return issues.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("S2.1.1-b", "120%", "Valore", "0–100")]
    [InlineData("S2.1.1-b", "-5%", "Valore", "0–100")]
    [InlineData("O1.2.4-a", "-1", "Valore", "intero non negativo")]
    [InlineData("O1.2.4-a", "3,5", "Valore", "intero non negativo")]
    [InlineData("O1.2.4-a", "29/03/2019", "Valore", "una data dove serve un conteggio")]
    [InlineData("O1.2.3-a", "00/01/1900", "Valore", "non è una data esistente")]
    [InlineData("O1.2.3-a", "31/02/2019", "Valore", "non è una data esistente")]
    [InlineData("O9.9.9-z", "3", "Codice", "indicatore sconosciuto")]
    [InlineData("O1.2.4-a", "1000000000000000000000000000", "Valore", "fuori misura")]
    [InlineData("O1.2.4-a", "1000000000000000", "Valore", "fuori misura")]
    public void Bad_values_are_refused_naming_the_column(string code, string value, string column, string message)
    {
        var issue = Rejected(code, value);
        issue.Column.ShouldBe(column);
        issue.Message.ShouldContain(message);
        issue.Fix.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("00/01/1900", "non è una data esistente")]
    [InlineData("31/12/2018", "anteriore all'anno del piano")]
    [InlineData("16/09/2019", "data futura")]
    [InlineData("15/01/2020", "data futura")]               // in the monitoring of 2019, but after today
    [InlineData("01/07/2020", "oltre il monitoraggio del 2019")]
    public void The_reference_date_must_be_real_within_the_plan_and_not_in_the_future(string on, string message)
    {
        var issue = Rejected("O1.2.4-a", "3", on);
        (issue.Column, issue.Value).ShouldBe(("Riferito al", on));
        issue.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("O1.2.4-a", "3", "Q1", "non ha periodi")]
    [InlineData("O2.1.4-e", "15", "", "periodo mancante")]
    [InlineData("O2.1.4-e", "15", "Q4", "periodo sconosciuto")]
    [InlineData("S2.1.3-a", "28/06/2019", "3", "non è una delle scadenze")]
    public void Periods_must_be_those_of_the_measure(string code, string value, string period, string message)
    {
        var issue = Rejected(code, value, period: period);
        issue.Column.ShouldBe("Periodo");
        issue.Message.ShouldContain(message);
    }

    [Fact]
    public void Days_after_a_quadrimester_close_refer_to_a_date_after_that_close()
    {
        var issue = Rejected("O2.1.4-e", "20", "15/03/2019", "Q2");
        (issue.Column, issue.Message).ShouldBe(("Riferito al",
            "il quadrimestre Q2 si chiude il 31/08/2019: il risultato si riferisce a una data successiva"));
    }

    [Fact]
    public void The_year_closes_from_31_December_and_acts_are_not_dated_in_the_future()
    {
        var early = new PerformancePlan.Domain.Plans.ClosePlan("cciaa-ms-2019", new LocalDate(2019, 6, 30), Admin, Now);
        Should.Throw<DomainException>(() => PerformancePlan.Domain.Plans.PlanLifecycleDecider.Decide(early, Approved()))
            .Message.ShouldContain("31/12/2019");
        var future = new PerformancePlan.Domain.Plans.ApprovePlan("cciaa-ms-2019", "Delibera n. 7",
            new LocalDate(2019, 10, 1), Giunta, Now);
        Should.Throw<DomainException>(() => PerformancePlan.Domain.Plans.PlanLifecycleDecider.Decide(future, Draft()))
            .Message.ShouldContain("futura");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("30/06/2019")]
    [InlineData("S1")]
    public void A_deadline_is_named_by_position_date_or_semester(string period)
    {
        Read("S2.1.3-a", "28/06/2019", "28/06/2019", period).Draft!.Period.ShouldBe("1");
    }

    [Fact]
    public void Italian_values_are_typed_by_the_measure_and_zero_is_a_measured_zero()
    {
        Read("S2.1.1-b", "55,5%").Draft!.Value.ShouldBe(new ResultValue(55.5m, null));
        Read("O1.2.4-a", "0").Draft!.Value.ShouldBe(new ResultValue(0m, null));
        Read("O1.2.3-a", "29/03/2019").Draft!.Value.ShouldBe(new ResultValue(null, new LocalDate(2019, 3, 29)));
        Read("O2.1.4-e", "15,00", period: "q1").Draft!.Period.ShouldBe("Q1");
    }

    static ResultRecorded Decide(PerformancePlan.Domain.Plans.Plan plan, string code, Actor by) =>
        ResultDecider.Decide(new RecordResult(plan.Id,
            ResultInput.Read(plan, code, "3", "30/04/2019", "", "", Today).Draft!,
            Guid.Parse("00000000-0000-0000-0000-000000000001"), by, Now), plan);

    [Fact]
    public void An_office_records_its_own_indicators_and_an_admin_any()
    {
        var u11 = new Actor("u1.1", [Role.OfficeStaff], ["U1.1"]);
        var e = Decide(Approved(), "O1.2.4-a", u11);
        e.ShouldBe(new ResultRecorded("cciaa-ms-2019", "O1.2.4-a", Guid.Parse("00000000-0000-0000-0000-000000000001"),
            new ResultValue(3, null), new LocalDate(2019, 4, 30), null, "", "u1.1", Now));
        Decide(Approved(), "S3.2.1-a", Admin).RecordedBy.ShouldBe("admin");
        Decide(Approved(), "O2.1.4-d", new Actor("u4.1", [Role.OfficeStaff], ["U4.1"]))
            .Indicator.ShouldBe("O2.1.4-d"); // TUTTI
    }

    [Fact]
    public void Another_office_or_a_read_only_role_is_refused()
    {
        Should.Throw<DomainException>(() => Decide(Approved(), "O1.2.4-a",
                new Actor("u4.1", [Role.OfficeStaff], ["U4.1"])))
            .Message.ShouldContain("U1.1");
        Should.Throw<DomainException>(() => Decide(Approved(), "O1.2.4-a", new Actor("oiv", [Role.Oiv], [])));
    }

    [Fact]
    public void Results_need_an_approved_open_plan_and_a_measured_indicator()
    {
        Should.Throw<DomainException>(() => Decide(Draft(), "O1.2.4-a", Admin))
            .Message.ShouldContain("non è ancora approvato");
        Should.Throw<DomainException>(() => Decide(Approved(Closed), "O1.2.4-a", Admin))
            .Message.ShouldContain("congelati");
        var neutralized = new PerformancePlan.Domain.Plans.IndicatorNeutralized("cciaa-ms-2019", "O1.2.4-a", "Det. 1",
            "motivo", "admin", Now);
        Should.Throw<DomainException>(() => Decide(Approved(neutralized), "O1.2.4-a", Admin))
            .Message.ShouldContain("sterilizzato");
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u001b[2J pulito")]
    public void A_note_with_control_characters_is_refused_showing_where(string note)
    {
        var (draft, issues) = ResultInput.Read(Approved(), "O1.2.4-a", "3", "30/04/2019", "", note, Today);

        draft.ShouldBeNull();
        var issue = issues.ShouldHaveSingleItem();
        issue.Column.ShouldBe("Note");
        issue.Message.ShouldContain("caratteri di controllo");
        issue.Value.ShouldNotContain("\u0000");
        issue.Value.ShouldNotContain("\u001b");
    }

    [Fact]
    public void The_reference_date_may_be_typed_as_ISO_too() =>
        Read("O1.2.4-a", "3", on: "2019-04-30").Draft!.ReferredTo.ShouldBe(new LocalDate(2019, 4, 30));
}
