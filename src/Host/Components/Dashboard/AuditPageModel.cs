namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A plan's audit trail, as the audit query returns it.</summary>
public sealed record AuditPageModel(string PlanId, IReadOnlyList<AuditEntry> Entries);
