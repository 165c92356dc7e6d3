namespace PerformancePlan.Host.Application;

/// <summary>"Who did what, when, under which act?": the audit trail of a plan and its results.</summary>
public static class AuditQueries
{
    /// <summary>Every event of the plan and its results in order, each change citing its amendment's act.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> TrailAsync(
        IQuerySession session, PlanId planId, CancellationToken ct) =>
        AuditEntry.Trail(await PlanHistoryQueries.EventsAsync(session, planId, null, true, ct)).ToList();
}
