using Microsoft.AspNetCore.Http.HttpResults;

namespace PerformancePlan.Host.Web.Api;

/// <summary><c>/api/targets/{code}/history</c>: every value a target has had, across plans and versions.</summary>
public static class TargetEndpoints
{
    /// <summary>Maps the target lineage (tag «Target»); the entity defaults to <c>cciaa-ms</c>.</summary>
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/targets", "Target", targets => targets.MapGet("/{code}/history", History).Document(
            Capability.ReadPlanHistory, "GetTargetHistory", "Storia di un target",
            "Ogni valore che il target dell'indicatore ha avuto, tra piani e versioni, con l'atto; `entity` "
            + "(predefinito cciaa-ms), `from` e `to` (anni) restringono.", 400));

    static async Task<Ok<IReadOnlyList<TargetChange>>> History(string code, EntityId? entity, int? from, int? to,
        ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        var of = entity ?? EntityId.Default;
        await using var session = TenantSessions.Query(store, WebActor.Of(user), of);
        return TypedResults.Ok(await PlanHistoryQueries.TargetHistoryAsync(session, of, code, from, to, ct));
    }
}
