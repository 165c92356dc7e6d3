using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// The in-year changes of an approved plan, as <c>plan amend</c>, <c>target revise</c>, <c>plan revert-amendment</c>
/// and <c>indicator neutralize</c>: each a new version (or a neutralisation) decided by the domain, which checks the
/// user's role.
/// </summary>
public static class AmendmentEndpoints
{

    /// <summary>Maps the amendments group (tag «Variazioni»).</summary>
    public static IEndpointRouteBuilder MapAmendmentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans/{id}", "Variazioni", plan =>
        {
            // The token travels in the Authorization header, never in a cookie: no CSRF.
            plan.MapPost("/amendments", Amend).DisableAntiforgery().Write(Capability.AmendPlan, "AmendPlan",
                "Variazione del piano da file",
                "Come `perfplan plan amend`: un file CSV/XLSX con le colonne del piano più «Operazione» (modifica, "
                + "aggiungi, ritira), l'atto, la data da cui è in vigore (gg/mm/aaaa) e il motivo, in "
                + "multipart/form-data. Tutto o niente: 201 con la nuova versione.");
            plan.MapPost("/indicators/{code}/target", ReviseTarget).Write(Capability.AmendPlan, "ReviseTarget",
                "Modifica il target di un indicatore", "Come `perfplan target revise`: il nuovo target di un anno "
                + "(80% · 12 · 31/03/2019) con atto, data e motivo; è una variazione, 201 con la nuova versione.");
            plan.MapPost("/amendments/{version:int}/revert", RevertAmendment).Write(Capability.AmendPlan,
                "RevertAmendment",
                "Annulla una variazione errata", "Come `perfplan plan revert-amendment`: una nuova variazione che "
                + "ripristina i valori precedenti alla versione indicata e la cita. 201 con la nuova versione.");
            plan.MapPost("/indicators/{code}/neutralize", Neutralize).Write(Capability.NeutralizeIndicator,
                "NeutralizeIndicator",
                "Sterilizza un indicatore", "Come `perfplan indicator neutralize`: l'indicatore esce da ogni media "
                + "dalla data dell'atto (o dall'inizio, senza data).");
        });

    // Every amendment: its capability, an unknown plan (404), a conflict (409) or a broken rule (422).
    static RouteHandlerBuilder Write(this RouteHandlerBuilder endpoint, Capability capability, string operationId,
        string summary, string description) => endpoint.Document(capability, operationId, summary, description,
        404, 409, 422);

    // The form's fields are bound one by one: the framework does not bind a file inside a form record.
    static async Task<Results<Created<AmendmentResponse>, ValidationProblem>> Amend(PlanId id, IFormFile? file,
        [FromForm] string? act, [FromForm] string? on, [FromForm] string? reason, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct)
    {
        var form = new AmendmentForm(file, act, on, reason);
        if (ApiDocs.Refuse(new AmendmentFormValidator(), form) is { } refused) return refused;
        using var upload = await UploadedFile.SaveAsync(form.File!, ct);
        var e = await new AmendmentService(store, clock).AmendFromFileAsync(id, upload.Path, form.Act!,
            RequestParsing.ItalianDate(form.On!, "on"), string.IsNullOrWhiteSpace(form.Reason)
                ? "variazione in itinere" : form.Reason, JwtSettings.ActorOf(user), ct);
        return Created(e);
    }

    static async Task<Results<Created<AmendmentResponse>, ValidationProblem>> ReviseTarget(PlanId id, string code,
        ReviseTargetRequest request, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        CancellationToken ct)
    {
        if (ApiDocs.Refuse(new ReviseTargetRequestValidator(), request) is { } refused) return refused;
        var e = await new AmendmentService(store, clock).ReviseTargetAsync(id, code, request.Year, request.Value,
            request.Act, RequestParsing.ItalianDate(request.On, "on"), request.Reason, JwtSettings.ActorOf(user), ct);
        return Created(e);
    }

    static async Task<Results<Created<AmendmentResponse>, ValidationProblem>> RevertAmendment(PlanId id,
        int version, RevertAmendmentRequest request, ClaimsPrincipal user, IDocumentStore store,
        [FromServices] IClock clock, CancellationToken ct)
    {
        if (ApiDocs.Refuse(new RevertAmendmentRequestValidator(), request) is { } refused) return refused;
        var e = await new AmendmentService(store, clock).RevertAmendmentAsync(id, version, request.Act,
            RequestParsing.ItalianDate(request.On, "on"), request.Reason, JwtSettings.ActorOf(user), ct);
        return Created(e);
    }

    static async Task<Results<Ok<NeutralizedIndicator>, ValidationProblem>> Neutralize(PlanId id, string code,
        NeutralizeRequest request, ClaimsPrincipal user, IDocumentStore store, [FromServices] IClock clock,
        CancellationToken ct)
    {
        if (ApiDocs.Refuse(new NeutralizeRequestValidator(), request) is { } refused) return refused;
        LocalDate? on = string.IsNullOrWhiteSpace(request.On) ? null : RequestParsing.ItalianDate(request.On, "on");
        var e = await new PlanLifecycleService(store, clock).NeutralizeAsync(id, code, request.Act, request.Reason,
            JwtSettings.ActorOf(user), ct, on);
        return TypedResults.Ok(NeutralizedIndicator.Of(e));
    }

    static Created<AmendmentResponse> Created(PlanAmended e) =>
        TypedResults.Created($"/api/plans/{e.PlanId}/versions", AmendmentResponse.Of(e));
}
