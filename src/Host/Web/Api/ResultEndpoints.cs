using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Results of the indicators: the entries of one indicator (with an ETag of its stream version), recording one
/// (optionally against an <c>If-Match</c> version: 412 when stale), reverting one.
/// </summary>
public static class ResultEndpoints
{
    /// <summary>Maps the results group (tag «Risultati»).</summary>
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder app)
    {
        var results = app.MapGroup("/api").WithTags("Risultati");
        // The entries name who recorded them and their notes: beyond what is published, so a token is needed.
        results.MapGet("/plans/{id}/indicators/{code}/results", Entries).RequireAuthorization(Policies.Authenticated);
        results.MapPost("/plans/{id}/results", Record).RequireAuthorization(Policies.Authenticated);
        results.MapPost("/results/{entryId:guid}/revert", Revert).RequireAuthorization(Policies.Authenticated);
        return app;
    }

    static async Task<Ok<IReadOnlyList<ResultEntry>>> Entries(
        PlanId id, string code, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var doc = await session.LoadAsync<IndicatorResults>(IndicatorResults.StreamId(id.Value, code), ct);
        response.Headers.ETag = $"\"{doc?.Version ?? 0}\"";
        return TypedResults.Ok<IReadOnlyList<ResultEntry>>(doc?.Entries ?? []);
    }

    static async Task<Results<Created<RecordedResult>, ValidationProblem>> Record(PlanId id,
        RecordResultRequest request, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        HttpRequest http, CancellationToken ct)
    {
        var check = new RecordResultRequestValidator().Validate(request);
        if (!check.IsValid)
            return TypedResults.ValidationProblem(check.ToDictionary(),
                title: "Dati non validi: nessun evento scritto");
        var e = await new ResultService(store, clock).RecordAsync(id, request.Indicator, request.Value, request.On,
            request.Period, request.Note, JwtSettings.ActorOf(user), RequestParsing.ExpectedVersion(http), ct);
        return TypedResults.Created($"/api/plans/{id}/indicators/{e.Indicator}/results", RecordedResult.Of(e));
    }

    static async Task<Ok<ResultReverted>> Revert(Guid entryId, RevertRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new ResultService(store, clock).RevertAsync(
            entryId, request.Reason, JwtSettings.ActorOf(user), ct));
}
