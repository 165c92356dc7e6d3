using Microsoft.AspNetCore.Http.HttpResults;

namespace PerformancePlan.Host.Web.Api;

/// <summary><c>/api/plans/{id}/scores</c>: the scores of every node, at a date, as known at an instant.</summary>
public static class ScoreEndpoints
{
    /// <summary>Maps the scores group (tag «Misurazione»).</summary>
    public static IEndpointRouteBuilder MapScoreEndpoints(this IEndpointRouteBuilder app) => app.MapResource(
        "/api/plans/{id}", "Misurazione", scores => scores.MapGet("/scores", Scores).Document(Capability.ReadScores,
            "GetScores", "Punteggi del piano", "Percentuali di realizzazione, parametrate ed esiti di indicatori, "
            + "obiettivi, aree ed ente; `asOf` (aaaa-mm-gg) e `knownAt` (ISO 8601) per il passato.", 400, 404));

    static async Task<Results<Ok<ScoresView>, ProblemHttpResult>> Scores(
        PlanId id, string? asOf, string? knownAt, IQuerySession session, CancellationToken ct) =>
        await PlanHistoryQueries.ScoresAsync(session, id, RequestParsing.IsoDate(asOf),
            RequestParsing.IsoInstant(knownAt), ct) is { } loaded
            ? TypedResults.Ok(ScoresView.From(loaded.Scores)) : ApiEndpoints.PlanNotFound(id);
}
