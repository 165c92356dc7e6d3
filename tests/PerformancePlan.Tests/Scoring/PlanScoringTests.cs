using NodaTime;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Tests.Infrastructure;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Scoring;

/// <summary>Given the seed plan and these results, these scores (BRIEF §3 roll-up).</summary>
public class PlanScoringTests
{
    static ObjectiveScores Scores(Plan plan, params PerformancePlan.Domain.Results.ResultRecorded[] results) =>
        PlanScoring.Score(plan, Given(results));
    static Score Node(ObjectiveScores s, string code) =>
        s.Objectives.Concat(s.Areas).Append(s.Entity).Single(n => n.Code == code).Score;
    static Score Indicator(ObjectiveScores s, string code) => s.Indicators.Single(i => i.Code == code).Score;
    static decimal? R(decimal? d) => d is null ? null : Math.Round(d.Value, 2);

    [Fact]
    public void The_Allegato_2_results_score_as_computed_by_hand()
    {
        var s = Scores(Approved(), Allegato2());

        Indicator(s, "O1.2.3-a").ShouldBe(new Score(100, Band.Achieved, 100));
        Indicator(s, "O1.2.4-a").ShouldBe(new Score(25, Band.NotAchieved, 0));
        Indicator(s, "O2.1.1-b").ShouldBe(new Score(80, Band.Partial, 80));
        Indicator(s, "O2.1.4-e").ShouldBe(new Score(100, Band.Achieved, 100));
        Node(s, "1.2.4").ShouldBe(new Score(0, Band.NotAchieved, 0));
        Node(s, "1.2").ShouldBe(new Score(50, Band.Partial, 50));        // only its operational side: mean(100, 0)
        Node(s, "2.1.4").ShouldBe(new Score(100, Band.Achieved, 100));   // b and e; the rest pending, left out
        Node(s, "2.1").ShouldBe(new Score(96, Band.Achieved, 100));      // 0.4 × mean(80, 100) + 0.6 × 100
        Node(s, "1").ShouldBe(new Score(50, Band.Partial, 50));
        Node(s, "2").ShouldBe(new Score(100, Band.Achieved, 100));
        Node(s, "3").Band.ShouldBe(Band.Pending);                         // nothing measured: out of the entity's mean
        s.Entity.Score.ShouldBe(new Score(75, Band.Partial, 75));
    }

    [Fact]
    public void An_objective_with_only_strategic_indicators_measured_counts_them_fully()
    {
        var s = Scores(Approved(), Amount("S2.1.4-b", 60), Amount("S2.1.4-c", 85));
        Node(s, "2.1").Raw.ShouldBe((100m * 60 / 85 + 100) / 2);          // no operational objective measured
    }

    [Fact]
    public void A_measured_zero_is_not_achieved_while_no_result_is_pending()
    {
        var s = Scores(Approved(), Amount("O2.1.4-d", 0));
        Indicator(s, "O2.1.4-d").ShouldBe(new Score(0, Band.NotAchieved, 0));
        Indicator(s, "O2.1.3-b").Band.ShouldBe(Band.Pending);
    }

    [Fact]
    public void Days_after_period_close_average_the_measured_quadrimesters_while_the_year_is_open()
    {
        var results = new[]
        {
            Amount("O2.1.4-e", 15, period: "Q1"), Amount("O2.1.4-e", 45, new LocalDate(2019, 8, 31), "Q2"),
        };

        R(Indicator(Scores(Approved(), results), "O2.1.4-e").Raw).ShouldBe(R((100 + 100m * 30 / 45) / 2));
        R(Indicator(Scores(Approved(Closed), results), "O2.1.4-e").Raw).ShouldBe(R((100 + 100m * 30 / 45 + 0) / 3));
    }

    [Fact]
    public void Several_deadlines_count_the_missing_one_as_zero_once_the_year_is_closed()
    {
        var first = Done("S2.1.3-a", new LocalDate(2019, 6, 28), period: "1");
        Indicator(Scores(Approved(), first), "S2.1.3-a").Raw.ShouldBe(100);
        Indicator(Scores(Approved(Closed), first), "S2.1.3-a").ShouldBe(new Score(50, Band.Partial, 50));
    }

    [Fact]
    public void After_close_unmeasured_indicators_count_zero_unless_neutralised()
    {
        var neutralized = new IndicatorNeutralized("cciaa-ms-2019", "S1.1.1-b",
            "Determinazione SG n. 200 del 15/12/2019", "progetti sospesi", "admin", Approval);
        var s = Scores(Approved(neutralized, Closed), Amount("S1.1.1-a", 80));

        Indicator(s, "S1.1.1-b").Band.ShouldBe(Band.Neutralized);
        Indicator(s, "O1.1.1-a").ShouldBe(new Score(0, Band.NotAchieved, 0));
        Node(s, "1.1.1").ShouldBe(new Score(0, Band.NotAchieved, 0));
        Node(s, "1.1").Raw.ShouldBe(0.4m * 0 + 0.6m * 100);               // S1.1.1-a achieved, S1.1.1-b out of the mean
        Node(s, "3").Band.ShouldNotBe(Band.Pending);
    }

    [Fact]
    public void The_latest_entry_by_reference_date_wins_and_same_date_ties_go_to_the_last_recorded()
    {
        var april = Amount("O1.2.4-a", 3, new LocalDate(2019, 4, 30));
        var june = Amount("O1.2.4-a", 6, new LocalDate(2019, 6, 30));
        var lateCorrectionOfApril = Amount("O1.2.4-a", 4, new LocalDate(2019, 4, 30), minute: 5);

        Indicator(Scores(Approved(), april, june, lateCorrectionOfApril), "O1.2.4-a").Raw.ShouldBe(50);
        Indicator(Scores(Approved(), april, lateCorrectionOfApril), "O1.2.4-a").Raw.ShouldBe(100m * 4 / 12);
    }

    [Fact]
    public void An_entry_recorded_after_the_close_does_not_count()
    {
        var racing = Amount("O1.2.4-a", 12, new LocalDate(2019, 12, 31))
            with { RecordedAt = Closed.ClosedAt.Plus(Duration.FromSeconds(1)) };
        var inTime = Amount("O1.2.4-a", 6, new LocalDate(2019, 12, 31));
        Indicator(Scores(Approved(Closed), inTime, racing), "O1.2.4-a").Raw.ShouldBe(50);
    }

    [Fact]
    public void Holder_scorecards_weight_the_measured_items_only()
    {
        var plan = Approved();
        var s = PlanScoring.Score(plan, Given([.. Allegato2(), Amount("S1.1.1-a", 100)]));

        var sg = PlanScoring.Scorecard(plan, s, "SG");
        sg.Items.Count.ShouldBe(8);
        sg.Score.ShouldBe((11.4m * 80 + 11.4m * 100) / 22.8m);            // O2.1.1-b (80) and S1.1.1-a (100)
        PlanScoring.Scorecard(plan, s, "PO3").Score.ShouldBe(100);          // O2.1.4-e only
        PlanScoring.Scorecard(plan, s, "PO2").Score.ShouldBeNull();         // nothing measured yet
    }

    [Fact]
    public void The_methodology_in_force_is_the_plans_own()
    {
        var stricter = Approved() with { Methodology = new Methodology(5, 60, 50, 50) };
        Indicator(Scores(stricter, Amount("O2.1.1-b", 4)), "O2.1.1-b").ShouldBe(new Score(80, Band.Partial, 80));
        Indicator(Scores(stricter, Amount("O2.1.1-b", 3)), "O2.1.1-b").ShouldBe(new Score(60, Band.Partial, 60));
        Indicator(Scores(Approved(), Amount("S2.1.1-b", 83)), "S2.1.1-b").Band.ShouldBe(Band.Achieved); // 92.2 ≥ 90
        Indicator(Scores(stricter, Amount("S2.1.1-b", 83)), "S2.1.1-b").Band.ShouldBe(Band.Partial);    // 92.2 < 95
    }
}
