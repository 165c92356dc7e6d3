using System.Globalization;
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

/// <summary><c>/api/plans</c>: the plans, each tree (at a date, as known at an instant), versions, lifecycle.
/// </summary>
public static class PlanEndpoints
{
    /// <summary>Maps the plans group (tag «Piani»).</summary>
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans", "Piani", plans =>
        {
            plans.MapGet("/", List).Document(Capability.ReadPlan, "ListPlans", "Elenco dei piani",
                "Una pagina dei piani per identificativo, ciascuno con ente, anno, triennio, stato e versione: "
                + $"`page` da 1, `pageSize` da 1 a {Paging.MaxSize} (predefinito {Paging.DefaultSize}). "
                + "Il totale è nell'intestazione `X-Total-Count`, le pagine vicine in `Link`.", 400);
            plans.MapGet("/{id}", Tree).Document(Capability.ReadPlan, "GetPlan", "Albero del piano", "Aree, obiettivi, "
                + "indicatori, target e responsabili; con `asOf` (aaaa-mm-gg) la versione in vigore a quella data, con "
                + "`knownAt` (ISO 8601) come era noto.", 400, 404);
            plans.MapGet("/{id}/versions", Versions).Document(Capability.ReadPlanHistory, "ListPlanVersions",
                "Versioni del piano", "Approvazione e variazioni: numero, atto, data di vigore e motivo.", 400, 404);
            plans.MapPost("/{id}/approve", Approve).Document(Capability.ApprovePlan, "ApprovePlan", "Approva il piano",
                "Come `perfplan plan approve`: atto e data gg/mm/aaaa; il dominio verifica lo stato del piano "
                + "(422).", 400, 404, 409, 422);
            plans.MapPost("/{id}/close", Close).Document(Capability.ClosePlan, "ClosePlan", "Chiude l'anno del piano",
                "Come `perfplan plan close`: data gg/mm/aaaa; il dominio verifica le regole di chiusura (422).",
                400, 404, 409, 422);
            plans.MapPost("/{id}/reopen", Reopen).Document(Capability.ReopenPlan, "ReopenPlan", "Riapre l'anno chiuso",
                "Come `perfplan plan reopen`: atto, motivo e data gg/mm/aaaa; prima della validazione dell'OIV "
                + "(422).", 400, 404, 409, 422);
        });

    static async Task<Ok<List<PlanSummary>>> List(
        string? page, string? pageSize, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var list = await PlanListQuery.PageAsync(session, Paging.Parse(page, pageSize), WebActor.Of(http.User), ct);
        http.Response.Headers["X-Total-Count"] = list.Total.ToString(CultureInfo.InvariantCulture);
        if (PageLinks(http.Request, list) is { Length: > 0 } links) http.Response.Headers.Link = links;
        return TypedResults.Ok(list.Plans.Select(PlanSummary.Of).ToList());
    }

    /// <summary>RFC 8288 links to the first, previous, next and last pages, as far as they exist.</summary>
    static string PageLinks(HttpRequest request, PlanListPage list)
    {
        var (number, size, last) = (list.Paging.Number, list.Paging.Size, list.Pages);
        string Link(int n, string rel) => $"<{request.PathBase}{request.Path}?page={n}&pageSize={size}>; rel=\"{rel}\"";
        var links = new List<string> { Link(1, "first") };
        if (number > 1) links.Add(Link(Math.Min(number - 1, last), "prev"));
        if (number < last) links.Add(Link(number + 1, "next"));
        links.Add(Link(last, "last"));
        return string.Join(", ", links);
    }

    /// <summary>The plan tree as the caller may read it (<see cref="AccessPolicy.Redacted"/>: no holders for
    /// anonymous).
    /// </summary>
    static async Task<Results<Ok<PlanTreeView>, ProblemHttpResult>> Tree(
        PlanId id, string? asOf, string? knownAt, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await PlanHistoryQueries.PlanAsync(session, id, RequestParsing.IsoDate(asOf),
            RequestParsing.IsoInstant(knownAt), ct) is { } plan
            ? TypedResults.Ok(PlanTreeView.From(AccessPolicy.Redacted(plan, JwtSettings.ActorOf(user))))
            : ApiEndpoints.PlanNotFound(id);

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
