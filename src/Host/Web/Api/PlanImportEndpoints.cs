using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Form of <c>POST /api/plans/import</c> (multipart/form-data): the plan file (CSV separated by <c>;</c> or .xlsx,
/// as for <c>perfplan plan import</c>), the entity code (default <c>cciaa-ms</c>), and <c>dryRun</c> to check only.
/// </summary>
public sealed record PlanImportForm(IFormFile? File, string? Entity, bool? DryRun);

/// <summary>
/// What an import did: the plan id, <c>imported</c>, <c>alreadyImported</c> (same content: nothing written) or
/// <c>validated</c> (dry run), the file's rows, the events written, and the warnings as Italian sentences.
/// </summary>
public sealed record PlanImportResponse(
    string Plan, string Status, int Rows, int EventsWritten, IReadOnlyList<string> Warnings)
{
    /// <summary>The response for an outcome that is not a refusal.</summary>
    public static PlanImportResponse Of(PlanImportOutcome o) => new(o.PlanId!, o.Status switch
    {
        ImportStatus.Imported => "imported",
        ImportStatus.AlreadyImported => "alreadyImported",
        _ => "validated",
    }, o.Definition?.Rows ?? 0, o.EventsWritten, o.Warnings.Select(w => w.ToString()).ToList());
}

/// <summary>The file must be there; the entity, if given, a code such as <c>cciaa-ms</c>.</summary>
public sealed class PlanImportFormValidator : AbstractValidator<PlanImportForm>
{
    /// <summary>A non-empty file, a well-formed entity code.</summary>
    public PlanImportFormValidator()
    {
        RuleFor(f => f.File).Must(f => f is { Length: > 0 })
            .WithMessage("allegare il file del piano (campo «file»): CSV separato da ; oppure .xlsx");
        RuleFor(f => f.Entity).Must(e => string.IsNullOrWhiteSpace(e) || EntityId.TryParse(e, out _))
            .WithMessage("il codice dell'ente è in minuscolo con trattini, es. cciaa-ms");
    }
}

/// <summary><c>POST /api/plans/import</c>: a plan from a file, all or nothing, as <c>perfplan plan import</c>.
/// </summary>
public static class PlanImportEndpoints
{
    /// <summary>Maps the import (tag «Piani»), for administrators.</summary>
    public static IEndpointRouteBuilder MapPlanImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plans/import", Import).WithTags("Piani")
            .DisableAntiforgery()   // the token travels in the Authorization header, never in a cookie: no CSRF
            .Document(Capability.ImportPlan, "ImportPlan", "Importa un piano da file",
                "Carica un piano (CSV separato da «;» o .xlsx, come `perfplan plan import`) in multipart/form-data: "
                + "il file è validato per intero e, se contiene anche un solo errore, non si scrive nulla (400 con "
                + "l'elenco degli errori per colonna e riga). 201 se importato; 200 se era già importato con lo "
                + "stesso contenuto o con `dryRun=true` (solo verifica).", 409, 422);
        return app;
    }

    // The form's fields are bound one by one: the framework does not bind a file inside a form record.
    static async Task<Results<Created<PlanImportResponse>, Ok<PlanImportResponse>, ValidationProblem>> Import(
        IFormFile? file, [FromForm] string? entity, [FromForm] bool? dryRun, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct)
    {
        var form = new PlanImportForm(file, entity, dryRun);
        if (ApiDocs.Refuse(new PlanImportFormValidator(), form) is { } refused) return refused;
        using var upload = await UploadedFile.SaveAsync(form.File!, ct);
        var outcome = await new PlanImportService(store, clock).ImportAsync(upload.Path,
            string.IsNullOrWhiteSpace(entity) ? EntityId.Default : EntityId.Parse(entity),
            JwtSettings.ActorOf(user), dryRun ?? false, ct);
        if (outcome.Status == ImportStatus.Invalid) throw new InvalidInputException(outcome.Errors);
        var response = PlanImportResponse.Of(outcome);
        return outcome.Status == ImportStatus.Imported
            ? TypedResults.Created($"/api/plans/{outcome.PlanId}", response) : TypedResults.Ok(response);
    }
}
