namespace PerformancePlan.Host.Application.Exports;

/// <summary>The rows of the two exports, read as the scores and audit queries read them.</summary>
public static class ExportQueries
{
    /// <summary>The plan's current scores, one row per node and indicator; null if the plan is unknown.</summary>
    public static async Task<IReadOnlyList<ScoreRow>?> ScoresAsync(
        IQuerySession session, PlanId planId, CancellationToken ct) =>
        await ScoreQueries.LoadAsync(session, planId, ct) is { } loaded
            ? ScoreRow.From(loaded.Plan, loaded.Scores) : null;

    /// <summary>Every event of the plan and its results, each change citing the act of its amendment; null when the
    /// plan is unknown.</summary>
    public static async Task<IReadOnlyList<AuditRow>?> AuditAsync(
        IQuerySession session, PlanId planId, CancellationToken ct) =>
        (await AuditQueries.TrailAsync(session, planId, ct))?.Select(AuditRow.From).ToList();
}
