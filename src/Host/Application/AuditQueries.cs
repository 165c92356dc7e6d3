namespace PerformancePlan.Host.Application;

/// <summary>"Who did what, when, under which act?": the audit trail of a plan and its results.</summary>
public static class AuditQueries
{
    /// <summary>Every event of the plan and its results in order, each change citing its amendment's act; null when
    /// the plan is unknown in the session's administration (not an empty trail: ADR 0028).</summary>
    public static async Task<IReadOnlyList<AuditEntry>?> TrailAsync(
        IQuerySession session, PlanId planId, CancellationToken ct)
    {
        var events = await PlanHistoryQueries.EventsAsync(session, planId, null, true, ct);
        return events.Any(e => e.StreamKey == planId.Value) ? AuditEntry.Trail(events).ToList() : null;
    }
}
