using NodaTime.Text;
using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>The dashboard's time-travel fields as the browser's date inputs send them; unreadable is a 400.</summary>
public static class DashboardTime
{
    static readonly LocalDateTimePattern Minute =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary><c>al</c>: the business date (aaaa-mm-gg), or null if empty.</summary>
    public static LocalDate? AsOf(string? al) => string.IsNullOrEmpty(al) ? null
        : LocalDatePattern.Iso.Parse(al) is { Success: true } r ? r.Value
        : throw Invalid("al", al, "data ISO aaaa-mm-gg, es. 2019-06-30");

    /// <summary><c>noto</c>: the instant of knowledge (aaaa-mm-ggThh:mm, Rome time), or null if empty.</summary>
    public static Instant? KnownAt(string? noto) => string.IsNullOrEmpty(noto) ? null
        : Minute.Parse(noto) is { Success: true } r ? r.Value.InZoneLeniently(ItalianFormat.Rome).ToInstant()
        : throw Invalid("noto", noto, "data e ora aaaa-mm-ggThh:mm");

    static InvalidInputException Invalid(string field, string value, string fix) =>
        new([new(IssueSeverity.Error, "richiesta", 0, field, value, "valore non leggibile", fix)]);
}
