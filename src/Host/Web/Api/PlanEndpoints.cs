using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>Body of <c>POST /api/plans/{id}/approve</c>: the approving act and its date (<c>gg/mm/aaaa</c>).</summary>
public sealed record ApproveRequest(string Act, string On);

/// <summary>Body of <c>POST /api/plans/{id}/close</c>: the closing date (<c>gg/mm/aaaa</c>).</summary>
public sealed record CloseRequest(string On);

/// <summary>
/// Body of <c>POST /api/plans/{id}/reopen</c>: the act that reopens a closed year, why, and the act's date
/// (<c>gg/mm/aaaa</c>).
/// </summary>
public sealed record ReopenRequest(string Act, string Reason, string On);

/// <summary>One plan in the list: status in lower case (<c>draft</c>, <c>approved</c>…), version 0 for a draft.
/// </summary>
public sealed record PlanSummary(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, string Status, int Version)
{
    /// <summary>The summary of a plan's current state.</summary>
    public static PlanSummary Of(Plan p) => new(p.Id, p.Entity, p.EntityName, p.Year, p.Horizon,
        p.Status.ToString().ToLowerInvariant(), p.CurrentVersion);
}

/// <summary><c>/api/plans</c>: the plans, each tree (at a date, as known at an instant), versions, lifecycle.
/// </summary>
public static class PlanEndpoints
{
    /// <summary>Maps the plans group (tag «Piani»).</summary>
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans", "Piani", plans =>
        {
            plans.MapGet("/", List).Document(Policies.PublicRead, "ListPlans", "Elenco dei piani",
                "Ogni piano con ente, anno, triennio, stato e versione.");
            plans.MapGet("/{id}", Tree).Document(Policies.PublicRead, "GetPlan", "Albero del piano", "Aree, obiettivi, "
                + "indicatori, target e responsabili; con `asOf` (aaaa-mm-gg) la versione in vigore a quella data, con "
                + "`knownAt` (ISO 8601) come era noto.", 400, 404);
            plans.MapGet("/{id}/versions", Versions).Document(Policies.PublicRead, "ListPlanVersions",
                "Versioni del piano", "Approvazione e variazioni: numero, atto, data di vigore e motivo.", 400, 404);
            plans.MapPost("/{id}/approve", Approve).Document(Policies.Authenticated, "ApprovePlan", "Approva il piano",
                "Come `perfplan plan approve`: atto e data gg/mm/aaaa; il dominio verifica il ruolo (403) e lo stato "
                + "del piano (422).", 400, 409, 422);
            plans.MapPost("/{id}/close", Close).Document(Policies.Authenticated, "ClosePlan", "Chiude l'anno del piano",
                "Come `perfplan plan close`: data gg/mm/aaaa; il dominio verifica il ruolo (403) e le regole di "
                + "chiusura (422).", 400, 409, 422);
            plans.MapPost("/{id}/reopen", Reopen).Document(Policies.Authenticated, "ReopenPlan", "Riapre l'anno chiuso",
                "Come `perfplan plan reopen`: atto, motivo e data gg/mm/aaaa; solo l'amministratore (403), prima della "
                + "validazione dell'OIV (422).", 400, 409, 422);
        });

    static async Task<Ok<List<PlanSummary>>> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok((await session.Query<Plan>().OrderBy(p => p.Id).ToListAsync(ct))
            .Select(PlanSummary.Of).ToList());

    static async Task<Results<Ok<PlanTreeView>, ProblemHttpResult>> Tree(
        PlanId id, string? asOf, string? knownAt, IQuerySession session, CancellationToken ct) =>
        await PlanHistoryQueries.PlanAsync(session, id, RequestParsing.IsoDate(asOf),
            RequestParsing.IsoInstant(knownAt), ct) is { } plan
            ? TypedResults.Ok(PlanTreeView.From(plan)) : ApiEndpoints.PlanNotFound(id);

    static async Task<Results<Ok<IReadOnlyList<PlanVersionInfo>>, ProblemHttpResult>> Versions(
        PlanId id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Plan>(id.Value, ct) is { } plan
            ? TypedResults.Ok<IReadOnlyList<PlanVersionInfo>>(plan.Versions) : ApiEndpoints.PlanNotFound(id);

    static async Task<Ok<PlanApproved>> Approve(PlanId id, ApproveRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new PlanLifecycleService(store, clock).ApproveAsync(
            id, request.Act, RequestParsing.ItalianDate(request.On, "on"), JwtSettings.ActorOf(user), ct));

    static async Task<Ok<PlanClosed>> Close(PlanId id, CloseRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new PlanLifecycleService(store, clock).CloseAsync(
            id, RequestParsing.ItalianDate(request.On, "on"), JwtSettings.ActorOf(user), ct));

    static async Task<Ok<PlanReopened>> Reopen(PlanId id, ReopenRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new PlanLifecycleService(store, clock).ReopenAsync(
            id, request.Act, request.Reason, RequestParsing.ItalianDate(request.On, "on"), JwtSettings.ActorOf(user),
            ct));
}
