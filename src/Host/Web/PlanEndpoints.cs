using Marten;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Views;

namespace PerformancePlan.Host.Web;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Piani");
        plans.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<Plan>().OrderBy(p => p.Id).ToListAsync(ct))
                .Select(p => new { p.Id, p.Entity, p.EntityName, p.Year, p.Horizon, Status = p.Status.ToString().ToLowerInvariant() }));
        plans.MapGet("/{id}", async (string id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<Plan>(id, ct) is { } plan
                ? Results.Ok(PlanTreeView.From(plan))
                : Results.Problem(statusCode: 404, title: "Piano non trovato", detail: $"Nessun piano con identificativo «{id}»."));
        plans.MapGet("/{id}/scores", async (string id, IQuerySession session, CancellationToken ct) =>
            await ScoreQueries.LoadAsync(session, id, ct) is { } loaded
                ? Results.Ok(ScoresView.From(loaded.Scores))
                : Results.Problem(statusCode: 404, title: "Piano non trovato", detail: $"Nessun piano con identificativo «{id}»."));
        return app;
    }
}
