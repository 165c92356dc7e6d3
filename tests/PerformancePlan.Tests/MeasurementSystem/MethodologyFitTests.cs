using NodaTime;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9, as a newcomer broke it: rules that do not fit the plan's tree, or that would lose what was measured, are
/// refused — at import and by amendment — never applied silently.
/// </summary>
public class MethodologyFitTests
{
    static IReadOnlyList<IPlanEvent> Amend(Methodology m) => AmendmentDecider.Decide(new AmendPlan("cciaa-ms-2019",
        "Delibera n. 40", new LocalDate(2019, 7, 1), "nuovo SMVP", [new ChangeMethodology(m)], SeedPlan.Admin,
        Instant.FromUtc(2019, 7, 1, 9, 0)), SeedPlan.Approved());

    [Fact]
    public void The_calendar_does_not_change_mid_year_under_indicators_measured_by_period()
    {
        var error = Should.Throw<DomainException>(() =>
            Amend(new Methodology(10, 50, 40, 60, calendar: CalendarKind.Semesters)));

        error.Message.ShouldContain("non si cambia in corso d'anno");
        error.Message.ShouldContain("O2.1.4-e");
        Amend(new Methodology(5, 50, 40, 60)).OfType<MethodologyChanged>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Declared_levels_that_leave_out_the_plan_s_levels_are_refused()
    {
        var error = Should.Throw<DomainException>(() =>
            Amend(new Methodology(10, 50, 40, 60, levels: ["Area", "Obiettivo"])));

        error.Message.ShouldContain("non comprendono «Area strategica»");
    }

    [Fact]
    public void A_rule_for_a_level_the_plan_does_not_have_is_an_error_not_ignored()
    {
        var error = PlanText.Import(File.ReadAllLines(SeedFiles.Case("probes", "G00-baseline.csv"))
            .Append("Metodologia;tolleranza;Obiettivo operatvo;Tolleranza zero;;;;;;0%;;;;;")).Errors.Single();

        error.Message.ShouldContain("«Obiettivo operatvo», che il piano non ha");
        error.Message.ShouldContain("Obiettivo operativo");
    }

    [Fact]
    public void A_share_of_objectives_over_100_is_refused()
    {
        var error = PlanText.Import(File.ReadAllLines(SeedFiles.Case("probes", "G00-baseline.csv"))
            .Append("Metodologia;peso obiettivi operativi;;;;;;;;150%;;;;;")).Errors.Single();

        (error.Row, error.Column).ShouldBe((8, "Codice"));
        error.Message.ShouldContain("Metodologia non coerente");
        error.Message.ShouldNotEndWith(".");
    }

    [Fact]
    public void With_declared_levels_a_seed_level_name_is_not_allowed_either()
    {
        var error = PlanText.Import(OwnHierarchyTests.Ministry.Append(
            "Obiettivo operativo;X1;011.005.01;Non dichiarato;;;;;;;;;;;;")).Errors.Single();

        (error.Column, error.Value).ShouldBe(("Livello", "Obiettivo operativo"));
        error.Message.ShouldContain("non dichiarato");
        error.Fix.ShouldContain("«Azione»");
    }

    [Fact]
    public void A_rule_stated_twice_is_refused_naming_the_first_row()
    {
        var error = PlanText.Import(File.ReadAllLines(SeedFiles.Case("probes", "G00-baseline.csv"))
            .Append("Metodologia;tolleranza;;;;;;;;5%;;;;;").Append("Metodologia;tolleranza;;;;;;;;8%;;;;;"))
            .Errors.Single();

        (error.Row, error.Column).ShouldBe((9, "Codice"));
        error.Message.ShouldBe("regola ripetuta (già alla riga 8)");
    }

    [Fact]
    public void A_cycle_of_parents_is_named_as_a_cycle()
    {
        var errors = PlanText.Import(File.ReadAllLines(SeedFiles.Case("probes", "G00-baseline.csv"))
            .Append("Obiettivo individuale;X1;X2;Primo;;;;;;;;;;;")
            .Append("Obiettivo individuale;X2;X1;Secondo;;;;;;;;;;;"))
            .Errors;

        errors.ShouldContain(e => e.Message == "ciclo di padri: X1 → X2 → X1");
    }
}
