namespace PerformancePlan.Domain.Calendar;

/// <summary>
/// One monitoring period of a plan year: its code (e.g. <c>Q1</c>) and the Europe/Rome date it closes.
/// </summary>
public sealed record MonitoringPeriod(string Code, LocalDate Close);

/// <summary>
/// The monitoring periods of a plan year (seed section 4: the quadrimestres closing on 30/04, 31/08 and 31/12).
/// Per-period measures ("giorni dalla chiusura del quadrimestre") are measured once per period; the dashboard's
/// "Ente nel corso dell'anno" chart samples the scores at each close. Pure: the year is an input.
/// </summary>
public static class MonitoringCalendar
{
    /// <summary>The period codes, in order: <c>Q1</c>, <c>Q2</c>, <c>Q3</c>.</summary>
    public static readonly IReadOnlyList<string> Quadrimesters = ["Q1", "Q2", "Q3"];

    /// <summary>The quadrimestres of <paramref name="year"/> with their closing dates, in order.</summary>
    public static IReadOnlyList<MonitoringPeriod> Periods(int year) =>
        Quadrimesters.Select(q => new MonitoringPeriod(q, Close(year, q))).ToList();

    /// <summary>
    /// The date a period of <paramref name="year"/> closes: Q1 on 30/04, Q2 on 31/08, anything else (Q3) on 31/12.
    /// </summary>
    public static LocalDate Close(int year, string period) => period switch
    {
        "Q1" => new LocalDate(year, 4, 30),
        "Q2" => new LocalDate(year, 8, 31),
        _ => new LocalDate(year, 12, 31),
    };

    /// <summary>Whether <paramref name="code"/> (already upper-case) names one of the periods.</summary>
    public static bool IsPeriod(string code) => Quadrimesters.Contains(code);

    /// <summary>The first date a result of the plan of <paramref name="year"/> may refer to: 1 January.</summary>
    public static LocalDate FirstReferenceDate(int year) => new(year, 1, 1);

    /// <summary>
    /// The last date a result of the plan of <paramref name="year"/> may refer to: 30 June of the following year,
    /// the legal deadline of the <i>Relazione sulla Performance</i> (art. 10 d.lgs. 150/2009) that closes the
    /// year's monitoring. The third quadrimestre's "days after close" is measured in January, a deadline may be met
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
