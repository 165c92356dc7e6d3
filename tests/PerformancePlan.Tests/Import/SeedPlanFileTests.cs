using NodaTime;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>data/cciaa-ms-2019.csv read back: the whole seed plan, as Allegati 1–3 and section 6 give it.</summary>
public class SeedPlanFileTests
{
    static readonly PlanImportResult Result = PlanFileImporter.Read(SeedFiles.PlanSheet(), "cciaa-ms");
    static Plan Plan => PerformancePlan.Domain.Plans.Plan.Replay(PlanDecider.Decide(
        new ImportPlan(Result.Plan!, "cciaa-ms-2019.csv", SeedPlan.Admin, Instant.FromUtc(2019, 1, 31, 9, 0)), null))!;

    [Fact]
    public void The_seed_file_imports_without_errors_and_warns_only_about_the_2018_deadline()
    {
        Result.Errors.ShouldBeEmpty();
        Result.Warnings.Select(w => (w.Row, w.Column, w.Value)).ShouldBe([(47, "Target 2019", "30/11/2018")]);
    }

    [Fact]
    public void It_holds_every_area_objective_and_indicator_of_Allegato_1()
    {
        Plan.Id.ShouldBe("cciaa-ms-2019");
        Plan.Horizon.ShouldBe([2019, 2020, 2021]);
        Plan.Nodes.Count(n => n.Level == Level.StrategicArea).ShouldBe(3);
        Plan.Nodes.Count(n => n.Level == Level.StrategicObjective).ShouldBe(6);
        Plan.Nodes.Count(n => n.Level == Level.OperationalObjective).ShouldBe(16);
        Plan.Indicators.Count(i => i.Level == Level.StrategicIndicator).ShouldBe(28);
        Plan.Indicators.Count(i => i.Level == Level.OperationalIndicator).ShouldBe(49);
    }

    [Fact]
    public void Strategic_indicators_carry_three_years_of_targets()
    {
        var s = Plan.IndicatorOf("S3.2.1-a")!;
        s.Parent.ShouldBe("3.2");
        s.Measure.ShouldBe(MeasureKind.Count);
        s.Comparator.ShouldBe(Comparator.AtLeast);
        s.Targets.Select(t => (t.Year, t.Amount)).ShouldBe([(2019, 100m), (2020, 110m), (2021, 120m)]);
    }

    [Fact]
    public void Deadlines_days_and_less_or_equal_measures_are_typed()
    {
        Plan.IndicatorOf("O1.2.3-a")!.TargetFor(2019)!.Dates.ShouldBe([new LocalDate(2019, 3, 31)]);
        Plan.IndicatorOf("S2.1.3-a")!.Measure.ShouldBe(MeasureKind.Deadlines);
        Plan.IndicatorOf("S2.1.3-a")!.TargetFor(2021)!.Dates
            .ShouldBe([new LocalDate(2021, 6, 30), new LocalDate(2021, 12, 31)]);
        Plan.IndicatorOf("O2.1.4-e")!.Measure.ShouldBe(MeasureKind.DaysAfterPeriodClose);
        Plan.IndicatorOf("O2.1.4-e")!.TargetFor(2019)!.Amount.ShouldBe(30);
        Plan.IndicatorOf("S3.2.2-b")!.Comparator.ShouldBe(Comparator.AtMost);
        Plan.IndicatorOf("S2.1.3-b")!.Comparator.ShouldBe(Comparator.GreaterThan);
        Plan.IndicatorOf("O3.2.1-a")!.Comparator.ShouldBe(Comparator.EqualTo);
        Plan.IndicatorOf("O2.1.2-c")!.TargetFor(2019)!.Dates.ShouldBe([new LocalDate(2018, 11, 30)]);
    }

    [Fact]
    public void The_six_uncoded_rows_of_objective_2_1_1_have_stable_codes()
    {
        Plan.IndicatorsOf("2.1.1").Select(i => i.Code).ShouldBe(
            ["O2.1.1-1", "O2.1.1-2a", "O2.1.1-2b", "O2.1.1-3a", "O2.1.1-3b", "O2.1.1-3c", "O2.1.1-a", "O2.1.1-b"]);
    }

    [Fact]
    public void The_SG_weights_of_section_6_sum_to_100_and_POs_get_equal_weights()
    {
        var sg = Plan.Weights.Single(w => w.Holder == "SG").Weights;
        sg.Select(w => w.Indicator).ShouldBe(
            ["S1.1.1-a", "O1.1.1-c", "O2.1.1-b", "S2.1.3-a", "S2.1.4-a", "O2.1.4-f", "S3.1.3-a", "O3.1.3-a"],
            ignoreOrder: true);
        sg.Sum(w => w.Weight).ShouldBe(100m);
        Plan.WeightOf("SG", "O3.1.3-a").ShouldBe(17.1m);
        Plan.Indicators.Where(i => i.Holders.Contains("PO3")).Select(i => i.Code)
            .ShouldBe(["O2.1.4-c", "O2.1.4-e", "O2.1.4-f", "O2.1.4-g", "O3.2.1-c"], ignoreOrder: true);
        Plan.WeightOf("PO3", "O2.1.4-g").ShouldBe(20m);
    }

    [Fact]
    public void Budgets_are_those_of_Allegato_1()
    {
        Plan.EntityBudget.ShouldBe(669_610.68m);
        Plan.Node("3.1")!.Budget.ShouldBe(281_810.68m);
        Plan.Node("3.1.3")!.Budget.ShouldBe(135_310.68m);
        Plan.Node("1.2.1")!.Budget.ShouldBe(0m);
    }

    [Fact]
    public void The_methodology_of_section_4_is_data_of_the_plan()
    {
        Plan.Methodology.ShouldBe(new Methodology(10, 50, 40, 60));
    }
}
