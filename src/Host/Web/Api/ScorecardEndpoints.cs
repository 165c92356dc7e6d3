using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary><c>/api/plans/{id}/scorecards/{holder}</c>: one holder's scorecard, for whom the access policy allows.
/// </summary>
public static class ScorecardEndpoints
{
    /// <summary>Maps the scorecards group (tag «Schede individuali»).</summary>
    public static IEndpointRouteBuilder MapScorecardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans/{id}/scorecards", "Schede individuali", scorecards => scorecards
            .MapGet("/{holder}", Scorecard).Document(Capability.ReadScorecard, "GetScorecard",
                "Scheda individuale di un responsabile", "Gli obiettivi e gli indicatori assegnati al responsabile, "
                + "con i punteggi. Dato personale (403 a chi non può leggere la scheda di quel titolare).", 400, 404));

    /// <exception cref="ForbiddenException">The user may not read this holder's scorecard (403).</exception>
    static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> Scorecard(
        PlanId id, string holder, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var code = holder.ToUpperInvariant();
        AccessPolicy.Require(JwtSettings.ActorOf(user), Capability.ReadScorecard, AccessResource.OfHolder(code));
        if (await ScoreQueries.LoadAsync(session, id, ct) is not { } loaded) return ApiEndpoints.PlanNotFound(id);
        return TypedResults.Ok(ScorecardView.From(PlanScoring.Scorecard(loaded.Plan, loaded.Scores, code)));
    }
}
