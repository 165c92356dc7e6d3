namespace PerformancePlan.Domain.Scoring;

/// <summary>
/// How far an indicator's result realises its target, as a percentage capped to 0–100 (seed, section 4;
/// BRIEF §3). Pure arithmetic: which result counts, and when a missing one counts 0, is decided elsewhere.
/// </summary>
public static class Realization
{
    /// <summary>
    /// Percent, count and days: <c>&gt;=</c>/<c>&gt;</c> proportional, <c>=</c> by distance, <c>&lt;=</c> inverse.
    /// A target of 0 leaves no proportion: the comparison itself decides, 100 when met and 0 when not, so
    /// <c>&gt; 0</c> with 0 is not achieved while <c>&gt;= 0</c>, <c>= 0</c> and <c>&lt;= 0</c> with 0 are.
    /// A ratio too large for decimal arithmetic (a value far beyond its target, as stored before values were bounded)
    /// is decided by the comparison too, never by an exception that would stop every score of the plan.
    /// </summary>
    public static decimal OfAmount(Comparator comparator, decimal target, decimal actual)
    {
        if (target == 0) return Meets(comparator, target, actual) ? 100 : 0;
        try
        {
            return Cap(comparator switch
            {
                Comparator.AtLeast or Comparator.GreaterThan => 100 * actual / target,
                Comparator.EqualTo => 100 * (1 - Math.Abs(actual - target) / target),
                _ => actual <= target ? 100 : 100 * target / actual,
            });
        }
        catch (OverflowException)
        {
            return Meets(comparator, target, actual) ? 100 : 0;
        }
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the comparison with <paramref name="target"/>.</summary>
    public static bool Meets(Comparator comparator, decimal target, decimal actual) => comparator switch
    {
        Comparator.AtLeast => actual >= target,
        Comparator.GreaterThan => actual > target,
        Comparator.EqualTo => actual == target,
        _ => actual <= target,
    };

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
