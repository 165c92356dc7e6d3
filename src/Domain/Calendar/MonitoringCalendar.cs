namespace PerformancePlan.Domain.Calendar;

/// <summary>
/// One monitoring period of a plan year: its code (e.g. <c>Q1</c>, <c>T3</c>) and the Europe/Rome date it closes.
/// </summary>
public sealed record MonitoringPeriod(string Code, LocalDate Close);

/// <summary>
/// The monitoring periods of a plan year, as the plan's calendar (<see cref="CalendarKind"/>) sets them: the seed's
/// quadrimesters Q1–Q3 (closing 30/04, 31/08, 31/12) by default; quarters T1–T4 (31/03, 30/06, 30/09, 31/12);
/// semesters S1–S2 (30/06, 31/12); months M1–M12 (the last day of each). Per-period measures ("giorni dalla chiusura
/// del trimestre") are measured once per period; the dashboard's "Ente nel corso dell'anno" chart samples the scores
/// at each close. Pure: the year is an input.
/// </summary>
public static class MonitoringCalendar
{
    /// <summary>The seed's period codes, in order: <c>Q1</c>, <c>Q2</c>, <c>Q3</c>.</summary>
    public static readonly IReadOnlyList<string> Quadrimesters = Codes(CalendarKind.Quadrimesters);

    /// <summary>The period codes of <paramref name="kind"/>, in order (<c>T1</c>…<c>T4</c>, <c>M1</c>…<c>M12</c>).
    /// </summary>
    public static IReadOnlyList<string> Codes(CalendarKind kind) =>
        Enumerable.Range(1, Count(kind)).Select(n => $"{Letter(kind)}{n}").ToList();

    /// <summary>The periods of <paramref name="kind"/> in <paramref name="year"/> with their closing dates, in
    /// order.</summary>
    public static IReadOnlyList<MonitoringPeriod> Periods(int year, CalendarKind kind = CalendarKind.Quadrimesters) =>
        Codes(kind).Select(c => new MonitoringPeriod(c, Close(year, c, kind))).ToList();

    /// <summary>
    /// The date a period of <paramref name="year"/> closes: the last day of its last month (Q1 on 30/04, T3 on
    /// 30/09, M2 on 28 or 29/02). A code not of <paramref name="kind"/> closes on 31/12.
    /// </summary>
    public static LocalDate Close(int year, string period, CalendarKind kind = CalendarKind.Quadrimesters)
    {
        var n = Codes(kind).ToList().IndexOf(period) + 1;
        var month = n == 0 ? 12 : n * 12 / Count(kind);
        return new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
    }

    /// <summary>Whether <paramref name="code"/> (already upper-case) names one of the quadrimesters.</summary>
    public static bool IsPeriod(string code) => Quadrimesters.Contains(code);

    /// <summary>
    /// The period of <paramref name="kind"/> that <paramref name="text"/> names, as its code: <c>t3</c> → <c>T3</c>;
    /// for months also <c>M01</c>, <c>marzo</c>, <c>Mar</c>; null when it names none of them.
    /// </summary>
    public static string? Read(string text, CalendarKind kind)
    {
        var t = text.Trim().ToUpperInvariant();
        if (kind == CalendarKind.Months)
        {
            var name = Array.FindIndex(MonthNames, m => m.Equals(t, StringComparison.OrdinalIgnoreCase)
                || (t.Length == 3 && m.StartsWith(t, StringComparison.OrdinalIgnoreCase)));
            if (name >= 0) return $"M{name + 1}";
            if (t.StartsWith('M') && int.TryParse(t[1..], out var m) && m is >= 1 and <= 12 && t.Length <= 3)
                return $"M{m}";
            return null;
        }
        return Codes(kind).Contains(t) ? t : null;
    }

    /// <summary>The calendar whose codes include <paramref name="text"/> (<c>T3</c> → quarters), or null.</summary>
    public static CalendarKind? KindOf(string text) =>
        Enum.GetValues<CalendarKind>().Cast<CalendarKind?>().FirstOrDefault(k => Read(text, k!.Value) is not null);

    /// <summary>The calendar's Italian name in the plural: <c>quadrimestri</c>, <c>trimestri</c>…</summary>
    public static string Name(CalendarKind kind) => kind switch
    {
        CalendarKind.Quarters => "trimestri",
        CalendarKind.Semesters => "semestri",
        CalendarKind.Months => "mesi",
        _ => "quadrimestri",
    };

    /// <summary>One period's Italian name: <c>quadrimestre</c>, <c>trimestre</c>, <c>semestre</c>, <c>mese</c>.
    /// </summary>
    public static string PeriodName(CalendarKind kind) => kind switch
    {
        CalendarKind.Quarters => "trimestre",
        CalendarKind.Semesters => "semestre",
        CalendarKind.Months => "mese",
        _ => "quadrimestre",
    };

    /// <summary>
    /// The valid codes as a user reads them: <c>«T1» (chiuso il 31/03), «T2» (30/06), «T3» (30/09) o «T4»
    /// (31/12)</c>.
    /// </summary>
    public static string Describe(int year, CalendarKind kind)
    {
        var items = Periods(year, kind).Select((p, k) =>
            $"«{p.Code}» ({(k == 0 ? "chiuso il " : "")}{ItalianFormat.Date(p.Close)[..5]})").ToList();
        return string.Join(", ", items[..^1]) + " o " + items[^1];
    }

    /// <summary>The calendar of an indicator's per-period measure: its own, else the plan's.</summary>
    public static CalendarKind Of(Plan plan, Indicator indicator) =>
        indicator.Calendar ?? plan.Methodology.CalendarInForce;

    static int Count(CalendarKind kind) => kind switch
    {
        CalendarKind.Quarters => 4,
        CalendarKind.Semesters => 2,
        CalendarKind.Months => 12,
        _ => 3,
    };

    static char Letter(CalendarKind kind) => kind switch
    {
        CalendarKind.Quarters => 'T',
        CalendarKind.Semesters => 'S',
        CalendarKind.Months => 'M',
        _ => 'Q',
    };

    static readonly string[] MonthNames = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
        "agosto", "settembre", "ottobre", "novembre", "dicembre"];

    /// <summary>The first date a result of the plan of <paramref name="year"/> may refer to: 1 January.</summary>
    public static LocalDate FirstReferenceDate(int year) => new(year, 1, 1);

    /// <summary>
    /// The last date a result of the plan of <paramref name="year"/> may refer to: 30 June of the following year,
    /// the legal deadline of the <i>Relazione sulla Performance</i> (art. 10 d.lgs. 150/2009) that closes the
    /// year's monitoring. The last period's "days after close" is measured in January, a deadline may be met
    /// late in the next year: both still measure the plan's year, which the period (not the date) says.
    /// </summary>
    public static LocalDate MonitoringEnds(int year) => new(year + 1, 6, 30);

    /// <summary>
    /// Whether a result of the plan of <paramref name="year"/> may refer to <paramref name="date"/>: from
    /// 1 January of the year to <see cref="MonitoringEnds"/>, and never after <paramref name="today"/>
    /// (Europe/Rome). Checked in this order: a date both beyond the monitoring and future is beyond the monitoring.
    /// </summary>
    public static ReferenceDateCheck CheckReferenceDate(int year, LocalDate date, LocalDate today) =>
        date < FirstReferenceDate(year) ? ReferenceDateCheck.BeforeYear
        : date > MonitoringEnds(year) ? ReferenceDateCheck.AfterMonitoring
        : date > today ? ReferenceDateCheck.Future
        : ReferenceDateCheck.Valid;
}

/// <summary>Where a result's reference date stands against its plan year's monitoring.</summary>
public enum ReferenceDateCheck
{
    /// <summary>In the plan year or in its monitoring, and not in the future.</summary>
    Valid,
    /// <summary>Before 1 January of the plan year.</summary>
    BeforeYear,
    /// <summary>After 30 June of the following year: that year's monitoring is over.</summary>
    AfterMonitoring,
    /// <summary>After today.</summary>
    Future,
}
