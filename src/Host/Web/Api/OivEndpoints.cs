using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>Body of <c>POST /api/plans/{id}/oiv/validate</c>: the OIV's note.</summary>
public sealed record ValidateRequest(string Note);

/// <summary>The ledger as the replay found it: intact or not, its head hash, the first broken link if any.</summary>
public sealed record ReplayLedger(bool Verified, string Head, LedgerProblem? FirstBad);

/// <summary>
/// The OIV's replay: the plan id, events replayed, the ledger check, whether the rebuilt scores match the stored
/// ones (and where not), and the rebuilt scores.
/// </summary>
public sealed record OivReplayResponse(
    string Plan, long Events, ReplayLedger Ledger, bool MatchesStored, IReadOnlyList<string> Differences,
    ScoresView Scores)
{
    /// <summary>The response for a replay.</summary>
    public static OivReplayResponse Of(OivReplay r) => new(r.Plan.Id, r.Events,
        new ReplayLedger(r.Ledger.Verified, r.Ledger.Head, r.Ledger.FirstBad), r.MatchesStored, r.Differences,
        ScoresView.From(r.Scores));
}

/// <summary>
/// Form of <c>POST /api/plans/{id}/oiv/what-if</c> (multipart/form-data): the methodology file; <c>asOf</c> and
/// <c>knownAt</c>, when given, are fields of the same form.
/// </summary>
public sealed record WhatIfForm(IFormFile? File);

/// <summary>The methodology file must be there and not empty.</summary>
public sealed class WhatIfFormValidator : AbstractValidator<WhatIfForm>
{
    /// <summary>A non-empty file.</summary>
    public WhatIfFormValidator() => RuleFor(f => f.File).Must(f => f is { Length: > 0 })
        .WithMessage("allegare il file di metodologia (campo «file»): CSV separato da ; oppure .xlsx, con righe "
            + "«Codice;Padre;Descrizione;Valore»");
}

/// <summary>
/// The independent auditor's doors: replay a year from the raw events, replay it under another methodology (what-if),
/// and validate a closed plan.
/// </summary>
public static class OivEndpoints
{
    /// <summary>Maps the OIV group (tag «OIV e registro»), for the OIV and administrators.</summary>
    public static IEndpointRouteBuilder MapOivEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans/{id}/oiv", "OIV e registro", oiv =>
        {
            oiv.MapGet("/replay", Replay).Document(Capability.ReadOivReplay, "ReplayPlan",
                "Ricalcolo indipendente dell'OIV",
                "Ricalcola i punteggi dagli eventi grezzi, verifica la catena di hash e confronta con i punteggi "
                + "memorizzati.", 400, 404);
            // The token travels in the Authorization header, never in a cookie: no CSRF.
            oiv.MapPost("/what-if", WhatIf).DisableAntiforgery().Document(Capability.ReadOivReplay, "WhatIfPlan",
                "Simulazione con un'altra metodologia", "Come `perfplan oiv replay --methodology FILE`: ricalcola "
                + "l'anno dagli eventi con le regole del file di metodologia (CSV separato da «;» o .xlsx, campo "
                + "«file» in multipart/form-data, con `asOf` e `knownAt` facoltativi come per il ricalcolo; righe "
                + "«Codice;Padre;Descrizione;Valore», es. «tolleranza;;;0%») lette sopra quelle in vigore, e "
                + "restituisce regole ed esiti affiancati. Non scrive nulla. 400 con riga, colonna e correzione se "
                + "il file è sbagliato.", 400, 404);
            oiv.MapPost("/validate", Validate).Document(Capability.ValidatePlan, "ValidatePlan", "Validazione dell'OIV",
                "L'OIV valida la Relazione di un piano chiuso, con una nota; il registro ne fissa l'hash. "
                + "Solo a piano chiuso (422).", 400, 404, 409, 422);
        });

    static async Task<Results<Ok<OivReplayResponse>, ProblemHttpResult>> Replay(PlanId id, string? asOf,
        string? knownAt, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        CancellationToken ct) =>
        await new OivService(store, clock).ReplayAsync(id, RequestParsing.IsoDate(asOf),
            RequestParsing.IsoInstant(knownAt), ct, WebActor.Of(user)) is { } replay
            ? TypedResults.Ok(OivReplayResponse.Of(replay)) : ApiEndpoints.PlanNotFound(id);

    // The form's fields are bound one by one: the framework does not bind a file inside a form record.
    static async Task<Results<Ok<WhatIfView>, ValidationProblem, ProblemHttpResult>> WhatIf(PlanId id,
        IFormFile? file, [FromForm] string? asOf, [FromForm] string? knownAt, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct)
    {
        if (ApiDocs.Refuse(new WhatIfFormValidator(), new WhatIfForm(file)) is { } refused) return refused;
        var (on, at) = (RequestParsing.IsoDate(asOf), RequestParsing.IsoInstant(knownAt));
        using var upload = await UploadedFile.SaveAsync(file!, ct);
        return await new OivService(store, clock).WhatIfAsync(id, upload.Path, on, at, ct, WebActor.Of(user)) is { } w
            ? TypedResults.Ok(WhatIfView.From(w)) : ApiEndpoints.PlanNotFound(id);
    }

    static async Task<Ok<PlanValidated>> Validate(PlanId id, ValidateRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new OivService(store, clock).ValidateAsync(
            id, request.Note, JwtSettings.ActorOf(user), ct));
}
