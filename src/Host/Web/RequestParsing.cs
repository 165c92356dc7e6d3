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

    /// <summary>
    /// A day from a query string, as a person types it: ISO <c>aaaa-mm-gg</c> or <c>gg/mm/aaaa</c>; null when absent.
    /// </summary>
    /// <exception cref="InvalidInputException">The text is present and not an existing day.</exception>
    public static LocalDate? IsoDate(string? text, string field = "asOf") =>
        string.IsNullOrEmpty(text) ? null
            : ItalianFormat.TryParseDay(text, out var day) ? day
            : throw Invalid(field, text, "scrivere " + ItalianFormat.DayForms);

    /// <summary>
    /// An instant from a query string, as a person types it (<see cref="ItalianFormat.TryParseInstant"/>): ISO with
    /// <c>Z</c> or an offset — its <c>+</c> encoded as <c>%2B</c> or left as typed, which arrives as a space —,
    /// <c>gg/mm/aaaa hh:mm</c> in Europe/Rome, or a day, meaning its end; null when absent.
    /// </summary>
    /// <exception cref="InvalidInputException">The text is present and not an instant.</exception>
    public static Instant? IsoInstant(string? text, string field = "knownAt") =>
        string.IsNullOrEmpty(text) ? null
            : ItalianFormat.TryParseInstant(text, out var at) ? at
            : throw Invalid(field, text, "scrivere " + ItalianFormat.InstantForms);

    /// <summary>The stream version an <c>If-Match</c> header expects (<c>"3"</c> or <c>W/"3"</c>); null without one.
    /// </summary>
    /// <exception cref="InvalidInputException">An If-Match that is not a version this API gave (400).</exception>
    public static long? ExpectedVersion(HttpRequest request)
    {
        if (request.Headers.IfMatch.FirstOrDefault() is not { } etag) return null;
        return long.TryParse(etag.Trim('"', 'W', '/'), out var v) && v >= 0 ? v
            : throw Invalid("If-Match", etag, "usare l'ETag restituito dalla lettura dei risultati, es. \"3\"");
    }

    /// <summary>The error for a request value that cannot be read, with how to write it.</summary>
    public static InvalidInputException Invalid(string field, string value, string fix) =>
        new([new(IssueSeverity.Error, "richiesta", 0, field, value, "valore non leggibile", fix)]);
}
