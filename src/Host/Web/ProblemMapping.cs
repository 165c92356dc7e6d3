using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Web;

/// <summary>
/// Errors as RFC 9457 problem details, each kind to its own status: invalid input 400 with field errors, a role that
/// does not allow it 403, unknown 404, a stale write 412 (with If-Match) or 409, a broken rule of the plan 422.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            InvalidInputException e => new ValidationProblemDetails(e.Issues
                .GroupBy(i => i.Column.Length > 0 ? i.Column : "file")
                .ToDictionary(g => g.Key, g => g.Select(Message).ToArray()))
                { Status = 400, Title = "Dati non validi: nessun evento scritto" },
            ForbiddenException e => new() { Status = 403, Title = "Operazione non consentita", Detail = e.Message },
            PlanNotFoundException e => Api.ApiEndpoints.PlanNotFoundProblem(e.Plan),
            NotFoundException e => new() { Status = 404, Title = "Non trovato", Detail = e.Message },
            DomainException e => new() { Status = 422, Title = "Regola del piano violata", Detail = e.Message },
            StaleVersionException e => new()
            {
                Status = http.Request.Headers.IfMatch.Count > 0 ? 412 : 409, Title = "Modificato nel frattempo",
                Detail = $"I risultati sono ora alla versione {e.Current}, non alla {e.Expected} attesa: nessun evento "
                    + $"scritto. Rileggere e ripetere con If-Match \"{e.Current}\".",
            },
            ConcurrencyException or ExistingStreamIdCollisionException => new()
            {
                Status = http.Request.Headers.IfMatch.Count > 0 ? 412 : 409, Title = "Modificato nel frattempo",
                Detail = "Qualcun altro ha registrato sugli stessi dati: nessun evento scritto. Rileggere e ripetere.",
            },
            _ => Internal(http, exception),
        };
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// An error nobody foresaw: logged (JSON, stderr) with the request's correlation id, which the client receives
    /// too, so an operator can find it; the client never sees the exception.
    /// </summary>
    ProblemDetails Internal(HttpContext http, Exception exception)
    {
        var correlation = http.TraceIdentifier;
        log.LogError(exception, "Errore interno {CorrelationId} su {Method} {Path}", correlation, http.Request.Method,
            http.Request.Path);
        return new ProblemDetails
        {
            Status = 500, Title = "Errore interno",
            Detail = $"Riferimento per l'assistenza: {correlation} (nel registro del servizio).",
            Extensions = { ["correlationId"] = correlation },
        };
    }

    /// <summary>An issue as a field error; a row of an uploaded file is named first: «riga 5, valore «x»: …».
    /// </summary>
    static string Message(ImportIssue i)
    {
        var value = i.Value.Length > 0 ? $", valore «{i.Value}»" : "";
        var where = i.Row > 0 ? $"riga {i.Row}{value}: " : "";
        return $"{where}{i.Message}. {i.Fix}".Trim();
    }
}
