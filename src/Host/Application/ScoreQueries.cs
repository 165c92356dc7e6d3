namespace PerformancePlan.Host.Application;

/// <summary>
/// The current scores of a plan: the domain's scoring over the two inline read models (plan, entries).
/// </summary>
public static class ScoreQueries
{
    public static async Task<(Plan Plan, ObjectiveScores Scores)?> LoadAsync(IQuerySession session, PlanId planId,
        CancellationToken ct)
    {
        var plan = await session.LoadAsync<Plan>(planId.Value, ct);
        if (plan is null) return null;
        var results = await session.Query<IndicatorResults>().Where(r => r.PlanId == planId.Value).ToListAsync(ct);
        return (plan, PlanScoring.Score(plan, results));
    }
}
