namespace PerformancePlan.Tests.Measures;

/// <summary>The ministries' plans A2 and A2b with their results files, imported as written and scored.</summary>
public class PlanMeasureTests
{
    [Fact]
    public void A2_keeps_units_and_scores_an_occupancy_of_115_percent_against_at_most_100()
    {
        var a2 = new ProbeScoring("plans", "A2-giustizia-dap-2017.csv");
        a2.Import.Errors.ShouldBeEmpty();
        a2.Plan!.IndicatorOf("S1.5.3-a")!.Unit.ShouldBe("mq");
        a2.Plan.IndicatorOf("S1.5.4-a")!.Unit.ShouldBe("euro");
        var (drafts, refused) = a2.ResultsFile("plans", "A2-giustizia-dap-2017-risultati.csv");
        refused.ShouldBeEmpty();
        var scores = a2.Scores([.. drafts]).ToDictionary(s => s.Key, s => s.Value.Score.ShownRaw);
        scores.ShouldBe(new Dictionary<string, decimal?>
        {
            ["S1.2.1-a"] = 94.44m, ["S1.2.2-a"] = 100, ["S1.5.1-a"] = 86.96m, ["S1.5.2-a"] = 91.82m,
            ["S1.5.3-a"] = 48, ["S1.5.4-a"] = 100, ["S1.48.1-a"] = 93.33m, ["S1.48.2-a"] = 64.29m,
            ["S1.48.3-a"] = 100,
        }, ignoreOrder: true);
    }

    [Fact]
    public void A2b_scores_equals_90_percent_as_the_target_value_and_warns_how_equals_scores()
    {
        var a2b = new ProbeScoring("plans", "A2b-giustizia-dag-2019.csv");
        a2b.Import.Errors.ShouldBeEmpty();
        a2b.Import.Warnings.Count(w => w.Message.StartsWith("«=» su percentuale")).ShouldBe(3);
        a2b.Import.Warnings.ShouldContain(w => w.Message.Contains("95% con target 90% vale 100"));
        a2b.Import.Warnings.ShouldContain(w => w.Message.Contains("30 con target 22 vale 63,64"));
        var (drafts, refused) = a2b.ResultsFile("plans", "A2b-giustizia-dag-2019-risultati.csv");
        refused.ShouldBeEmpty();
        var scores = a2b.Scores([.. drafts]).ToDictionary(s => s.Key, s => s.Value.Score.ShownRaw);
        scores.ShouldBe(new Dictionary<string, decimal?>
        {
            ["S1.7.1-a"] = 100, ["S1.7.2-a"] = 100, ["S1.7.3-a"] = 100, ["S1.7.4-a"] = 63.64m,
        }, ignoreOrder: true);
    }
}
