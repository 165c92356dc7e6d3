using NodaTime.Text;
using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Web;

/// <summary>
/// Dates, instants and versions as HTTP requests write them, parsed once at the edge. What cannot be read raises an
/// <see cref="InvalidInputException"/> naming the field, which <see cref="ProblemMapping"/> turns into a 400.
/// </summary>
public static class RequestParsing
{
    /// <summary>An Italian date <c>gg/mm/aaaa</c> from a request body.</summary>
    /// <exception cref="InvalidInputException">The text is not an existing date.</exception>
    public static LocalDate ItalianDate(string text, string field) =>
        ItalianFormat.TryParseDate(text, out var date) ? date
            : throw new InvalidInputException([new(IssueSeverity.Error, "richiesta", 0, field, text,
                "non è una data esistente", "scrivere gg/mm/aaaa")]);

    /// <summary>An ISO date <c>aaaa-mm-gg</c> from a query string; null when absent.</summary>
    /// <exception cref="InvalidInputException">The text is present and not an ISO date.</exception>
    public static LocalDate? IsoDate(string? text, string field = "asOf") =>
        string.IsNullOrEmpty(text) ? null
            : LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value
            : throw Invalid(field, text, "data ISO aaaa-mm-gg, es. 2019-06-30");

    /// <summary>An ISO 8601 instant (<c>2019-06-30T18:00:00Z</c>) from a query string; null when absent.</summary>
    /// <exception cref="InvalidInputException">The text is present and not an ISO instant.</exception>
    public static Instant? IsoInstant(string? text, string field = "knownAt") =>
        string.IsNullOrEmpty(text) ? null
            : InstantPattern.ExtendedIso.Parse(text) is { Success: true } r ? r.Value
            : throw Invalid(field, text, "istante ISO 8601, es. 2019-06-30T18:00:00Z");

    /// <summary>The stream version an <c>If-Match</c> header expects (<c>"3"</c> or <c>W/"3"</c>); null without one.
    /// </summary>
    public static long? ExpectedVersion(HttpRequest request) =>
        request.Headers.IfMatch.FirstOrDefault() is { } etag && long.TryParse(etag.Trim('"', 'W', '/'), out var v)
            ? v : null;

    /// <summary>The error for a request value that cannot be read, with how to write it.</summary>
    public static InvalidInputException Invalid(string field, string value, string fix) =>
        new([new(IssueSeverity.Error, "richiesta", 0, field, value, "valore non leggibile", fix)]);
}
