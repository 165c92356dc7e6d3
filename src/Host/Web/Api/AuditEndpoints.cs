using Microsoft.AspNetCore.Http.HttpResults;

namespace PerformancePlan.Host.Web.Api;

/// <summary><c>/api/plans/{id}/audit</c>: every event of a plan and its results, with who, when and by which act.
/// </summary>
public static class AuditEndpoints
{
    /// <summary>Maps the audit trail (tag «Audit»), for auditors only.</summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans/{id}", "Audit", audit => audit.MapGet("/audit", Trail)
            .Document(Capability.ReadAudit,
            "GetAuditTrail", "Traccia di audit del piano",
            "Ogni evento del piano e dei risultati con chi, quando, atto e motivo.",
            400, 404));

    static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> Trail(PlanId id,
        IQuerySession session, CancellationToken ct) =>
        await AuditQueries.TrailAsync(session, id, ct) is { } trail ? TypedResults.Ok(trail)
            : ApiEndpoints.PlanNotFound(id);
}
