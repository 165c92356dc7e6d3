using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Application.Exports;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// <c>/api/plans/{id}/exports/scores|audit?format=csv|xlsx</c>: the files of <c>perfplan export</c>, written by the
/// same <see cref="ExportWriter"/>. Scores are as public as <c>/scores</c>; the audit trail is for auditors.
/// </summary>
public static class ExportEndpoints
{
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const string Format = "`format=csv` (predefinito: separato da «;», virgola decimale, UTF-8 con BOM) "
        + "oppure `format=xlsx`.";

    /// <summary>Maps the exports group (tag «Esportazioni»).</summary>
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/plans/{id}/exports", "Esportazioni", exports =>
        {
            exports.MapGet("/scores", Scores).Produces<Stream>(StatusCodes.Status200OK, "text/csv", Xlsx)
                .Document(Capability.ReadScores, "ExportScores", "Esporta i punteggi (CSV o XLSX)",
                    "Come `perfplan export scores`: ente, aree, obiettivi e indicatori con target, risultati, % di "
                    + $"realizzazione, % parametrata ed esito. {Format}", 400, 404);
            exports.MapGet("/audit", Audit).Produces<Stream>(StatusCodes.Status200OK, "text/csv", Xlsx)
                .Document(Capability.ReadAudit, "ExportAudit", "Esporta la traccia di audit (CSV o XLSX)",
                    "Come `perfplan export audit`: ogni evento del piano e dei risultati, con chi, quando, atto e "
                    + $"motivo. {Format}", 400, 404);
        });

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Scores(PlanId id, string? format,
        IQuerySession session, CancellationToken ct) =>
        await ExportQueries.ScoresAsync(session, id, ct) is { } rows
            ? await FileAsync(rows, id, "punteggi", "Punteggi", format, ct) : ApiEndpoints.PlanNotFound(id);

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Audit(PlanId id, string? format,
        IQuerySession session, CancellationToken ct)
    {
        if (await ExportQueries.AuditAsync(session, id, ct) is not { } rows) return ApiEndpoints.PlanNotFound(id);
        return await FileAsync(rows, id, "audit", "Traccia di audit", format, ct);
    }

    static async Task<FileContentHttpResult> FileAsync(IEnumerable<IExportRow> rows, PlanId id, string name,
        string sheet, string? format, CancellationToken ct)
    {
        var kind = Parse(format);
        using var file = new MemoryStream();
        await ExportWriter.WriteAsync(file, rows.ToList(), kind, sheet, ct);
        return TypedResults.File(file.ToArray(), ExportWriter.ContentType(kind),
            $"{id}-{name}{ExportWriter.Extension(kind)}");
    }

    /// <exception cref="InvalidInputException">Neither <c>csv</c> nor <c>xlsx</c> (400).</exception>
    static ExportFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => throw RequestParsing.Invalid("format", format, "scrivere format=csv oppure format=xlsx"),
    };
}
