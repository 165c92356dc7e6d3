using PerformancePlan.Host.Components.Charts;

namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A holder's individual objectives: the weighted score, each indicator with weight and score.</summary>
public sealed record ScorecardPageModel(
    string PlanId, string Holder, decimal? Score, IReadOnlyList<Bar> Bars, IReadOnlyList<ScorecardRow> Items)
{
    /// <summary>The page of a holder's scorecard.</summary>
    public static ScorecardPageModel From(Plan plan, HolderScorecard card) => new(
        plan.Id, card.Holder, card.ShownScore,
        card.Items.Select(i => new Bar(i.Indicator, i.Score.ShownParametrata, i.Score.Band)).ToList(),
        card.Items.Select(i => new ScorecardRow(i.Indicator, plan.IndicatorOf(i.Indicator)!.Description,
            ItalianFormat.Percent(Math.Round(i.Weight, 2)), i.Score)).ToList());
}

/// <summary>An indicator of a scorecard, its weight as written (<c>25%</c>) and its score.</summary>
public sealed record ScorecardRow(string Indicator, string Description, string Weight, Score Score);
