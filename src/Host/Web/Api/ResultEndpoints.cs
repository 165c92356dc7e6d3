using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Results of the indicators: the entries of one indicator (with an ETag of its stream version), recording one
/// (optionally against an <c>If-Match</c> version: 412 when stale), reverting one, correcting one.
/// </summary>
public static class ResultEndpoints
{
    /// <summary>Maps the results group (tag «Risultati»).</summary>
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api", "Risultati", results =>
        {
            // The entries name who recorded them and their notes: beyond what is published, so a token is needed.
            results.MapGet("/plans/{id}/indicators/{code}/results", Entries).Document(Capability.ReadEntries,
                "ListResults", "Risultati registrati per un indicatore", "Tutte le registrazioni dell'indicatore, "
                + "anche annullate e corrette, con chi e quando. L'intestazione `ETag` porta la versione del flusso: "
                + "inviarla in `If-Match` nella registrazione successiva.", 400, 404);
            results.MapPost("/plans/{id}/results", Record).Document(Capability.RecordResult, "RecordResult",
                "Registra un risultato", "Come `perfplan results record`: valore come scritto (55,5% · 12 · "
                + "29/03/2019), data di riferimento gg/mm/aaaa, periodo facoltativo. Con `If-Match` (l'ETag letto) "
                + "una registrazione concorrente dà 412, senza dà 409. Il dominio verifica l'ufficio "
                + "dell'indicatore (403).",
                404, 409, 412, 422);
            results.MapPost("/results/{entryId:guid}/revert", Revert).Document(Capability.RevertResult, "RevertResult",
                "Annulla un risultato", "Come `perfplan results revert`: la registrazione resta nel registro, "
                + "segnata come annullata, con il motivo; i punteggi si ricalcolano subito.",
                400, 409, 422);
            results.MapPost("/results/{entryId:guid}/correct", Correct).Document(Capability.RevertResult,
                "CorrectResult", "Corregge un risultato", "Come `perfplan results correct`: annulla la registrazione "
                + "e ne registra una nuova, con il valore giusto, per la stessa data e periodo, che la cita "
                + "(`corrects`). 201 con la nuova registrazione.", 409, 422);
        });

    /// <summary>The entries; 404 with the plan's body when the plan is unknown (or another administration's), 404
    /// when the plan has no such indicator.</summary>
    static async Task<Results<Ok<IReadOnlyList<ResultEntry>>, ProblemHttpResult>> Entries(
        PlanId id, string code, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        if (await IndicatorQueries.EntriesAsync(session, id, code, ct) is not { } found)
            return await session.LoadAsync<Plan>(id.Value, ct) is null ? ApiEndpoints.PlanNotFound(id)
                : TypedResults.Problem(statusCode: 404, title: "Indicatore non trovato",
                    detail: $"Indicatore «{code}» non trovato nel piano «{id}».");
        response.Headers.ETag = $"\"{found.Version}\"";
        return TypedResults.Ok(found.Entries);
    }

    static async Task<Results<Created<RecordedResult>, ValidationProblem>> Record(PlanId id,
        RecordResultRequest request, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        HttpRequest http, CancellationToken ct)
    {
        var check = new RecordResultRequestValidator().Validate(request);
        if (!check.IsValid)
            return TypedResults.ValidationProblem(check.ToDictionary(),
                title: "Dati non validi: nessun evento scritto");
        var (e, version) = await new ResultService(store, clock).RecordVersionedAsync(new(id, request.Indicator,
            request.Value, request.On, request.Period, request.Note, request.Reference), JwtSettings.ActorOf(user),
            RequestParsing.ExpectedVersion(http), ct);
        http.HttpContext.Response.Headers.ETag = $"\"{version}\"";   // the If-Match of the next write
        return TypedResults.Created($"/api/plans/{id}/indicators/{e.Indicator}/results", RecordedResult.Of(e));
    }

    static async Task<Results<Created<RecordedResult>, ValidationProblem>> Correct(Guid entryId,
        CorrectResultRequest request, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        CancellationToken ct)
    {
        if (ApiDocs.Refuse(new CorrectResultRequestValidator(), request) is { } refused) return refused;
        var e = await new ResultService(store, clock).CorrectAsync(
            entryId, request.Value, request.Reason, JwtSettings.ActorOf(user), ct);
        return TypedResults.Created($"/api/plans/{e.PlanId}/indicators/{e.Indicator}/results", RecordedResult.Of(e));
    }

    static async Task<Ok<ResultReverted>> Revert(Guid entryId, RevertRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new ResultService(store, clock).RevertAsync(
            entryId, request.Reason, JwtSettings.ActorOf(user), ct));
}
