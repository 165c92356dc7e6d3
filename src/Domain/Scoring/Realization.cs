namespace PerformancePlan.Domain.Scoring;

/// <summary>
/// How far an indicator's result realises its target, as a percentage capped to 0–100 (seed, section 4;
/// BRIEF §3). Pure arithmetic: which result counts, and when a missing one counts 0, is decided elsewhere.
/// </summary>
public static class Realization
{
    /// <summary>
    /// Percent, count and days: <c>&gt;=</c>/<c>&gt;</c> proportional, <c>=</c> by distance, <c>&lt;=</c> inverse.
    /// </summary>
    public static decimal OfAmount(Comparator comparator, decimal target, decimal actual) => Cap(comparator switch
    {
        Comparator.AtLeast or Comparator.GreaterThan => target == 0 ? 100 : 100 * actual / target,
        Comparator.EqualTo => target == 0 ? (actual == 0 ? 100 : 0) : 100 * (1 - Math.Abs(actual - target) / target),
        _ => actual <= target ? 100 : target == 0 ? 0 : 100 * target / actual,
    });

    /// <summary>
    /// A deadline D met on C: 100 when C ≤ D, else (D − S) / (C − S) in days, S = 1 January of D's year.
    /// </summary>
    public static decimal OfDeadline(LocalDate deadline, LocalDate completed)
    {
        if (completed <= deadline) return 100;
        var start = new LocalDate(deadline.Year, 1, 1);
        var allowed = Period.Between(start, deadline, PeriodUnits.Days).Days;
        var taken = Period.Between(start, completed, PeriodUnits.Days).Days;
        return Cap(taken <= 0 ? 0 : 100m * allowed / taken);
    }

    /// <summary>The mean over several deadlines or periods; null when none has a value.</summary>
    public static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    static decimal Cap(decimal r) => Math.Clamp(r, 0, 100);
}
