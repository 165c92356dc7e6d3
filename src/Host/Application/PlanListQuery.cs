namespace PerformancePlan.Host.Application;

/// <summary>"Which plans are there?": every stored plan, by id.</summary>
public static class PlanListQuery
{
    /// <summary>The stored plans ordered by id.</summary>
    public static async Task<IReadOnlyList<Plan>> AllAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Plan>().OrderBy(p => p.Id).ToListAsync(ct);
}
