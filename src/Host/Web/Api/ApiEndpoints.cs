using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// The HTTP API, one group per resource. Every rule stays in the domain and the application services the CLI uses too:
/// an endpoint parses the request, asks, and shapes the answer.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Maps every resource of the API under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        // Targets and audit first: the order of the tags in the OpenAPI document (and Scalar's menu) as it was.
        app.MapTargetEndpoints();
        app.MapAuditEndpoints();
        app.MapPlanEndpoints();
        app.MapPlanImportEndpoints();
        app.MapAmendmentEndpoints();
        app.MapScoreEndpoints();
        app.MapScorecardEndpoints();
        app.MapResultEndpoints();
        app.MapOivEndpoints();
        app.MapLedgerEndpoints();
        app.MapExportEndpoints();
        app.MapEntityEndpoints();
        return app;
    }

    /// <summary>The 404 problem for a plan id that names no plan.</summary>
    internal static ProblemHttpResult PlanNotFound(PlanId id) => TypedResults.Problem(PlanNotFoundProblem(id.Value));

    /// <summary>
    /// The body of every 404 of a plan — a read, or a write whose plan is unknown or another administration's
    /// (<see cref="PlanNotFoundException"/>): one body, so nothing tells the two apart (ADR 0028).
    /// </summary>
    internal static ProblemDetails PlanNotFoundProblem(string id) => new()
    {
        Status = StatusCodes.Status404NotFound, Title = "Piano non trovato",
        Detail = $"Nessun piano con identificativo «{id}».",
    };
}
