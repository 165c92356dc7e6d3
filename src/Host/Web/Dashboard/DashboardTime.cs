using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>
/// The dashboard's time-travel fields, as the browser's date inputs send them (<c>2019-06-30</c>,
/// <c>2019-06-30T18:00</c>, Rome time) or as a person types them in the address (<c>30/06/2019 18:00</c>, ISO with an
/// offset); unreadable is a 400.
/// </summary>
public static class DashboardTime
{
    /// <summary><c>al</c>: the business date (<see cref="ItalianFormat.TryParseDay"/>), or null if empty.</summary>
    public static LocalDate? AsOf(string? al) => string.IsNullOrEmpty(al) ? null
        : ItalianFormat.TryParseDay(al, out var day) ? day
        : throw Invalid("al", al, "scrivere " + ItalianFormat.DayForms);

    /// <summary>
    /// <c>noto</c>: the instant of knowledge (<see cref="ItalianFormat.TryParseInstant"/>; without an offset, Rome
    /// time), or null if empty.
    /// </summary>
    public static Instant? KnownAt(string? noto) => string.IsNullOrEmpty(noto) ? null
        : ItalianFormat.TryParseInstant(noto, out var at) ? at
        : throw Invalid("noto", noto, "scrivere " + ItalianFormat.InstantForms);

    static InvalidInputException Invalid(string field, string value, string fix) =>
        new([new(IssueSeverity.Error, "richiesta", 0, field, value, "valore non leggibile", fix)]);
}
