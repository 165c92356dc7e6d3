using PerformancePlan.Domain.Results;

namespace PerformancePlan.Domain.Scoring;

/// <summary>
/// How far an indicator's result realises its target, as a percentage capped to 0–100 or a given cap (seed, section 4;
/// BRIEF §3). Pure arithmetic: which result counts, and when a missing one counts 0, is decided elsewhere.
/// </summary>
public static class Realization
{
    /// <summary>The default ceiling of a realization: 100 (a methodology may allow over-achievement above it).
    /// </summary>
    public const decimal DefaultCap = 100;

    /// <summary>
    /// Percent, count and days: <c>&gt;=</c>/<c>&gt;</c> proportional, <c>=</c> by distance, <c>&lt;=</c>/<c>&lt;</c>
    /// inverse; the result is capped to 0–<paramref name="cap"/> (percent).
    /// A target of 0 leaves no proportion: the comparison itself decides, 100 when met and 0 when not, so
    /// <c>&gt; 0</c> and <c>&lt; 0</c> with 0 are not achieved while <c>&gt;= 0</c>, <c>= 0</c> and <c>&lt;= 0</c>
    /// with 0 are. A negative target is read on magnitudes when the result is negative too (<c>&lt;= -10</c> with -5
    /// is <c>&gt;= 10</c> with 5: 50); with a result of 0 or above the comparison decides.
    /// A ratio too large for decimal arithmetic (a value far beyond its target, as stored before values were bounded)
    /// is decided by the comparison too, never by an exception that would stop every score of the plan.
    /// </summary>
    public static decimal OfAmount(Comparator comparator, decimal target, decimal actual, decimal cap = DefaultCap)
    {
        if (target == 0) return Meets(comparator, target, actual) ? 100 : 0;
        if (target < 0)
            return actual < 0 ? OfAmount(Mirror(comparator), -target, -actual, cap)
                : Meets(comparator, target, actual) ? 100 : 0;
        try
        {
            return Cap(comparator switch
            {
                Comparator.AtLeast or Comparator.GreaterThan => 100 * actual / target,
                Comparator.EqualTo => 100 * (1 - Math.Abs(actual - target) / target),
                _ => actual <= target ? 100 : 100 * target / actual,
            }, cap);
        }
        catch (OverflowException)
        {
            return Meets(comparator, target, actual) ? 100 : 0;
        }
    }

    /// <summary>
    /// A range <c>tra low e high</c>: 100 inside (ends included); below <paramref name="low"/> the <c>&gt;=</c> rule
    /// on low, above <paramref name="high"/> the <c>&lt;=</c> rule on high.
    /// </summary>
    public static decimal OfRange(decimal low, decimal high, decimal actual, decimal cap = DefaultCap) =>
        actual < low ? OfAmount(Comparator.AtLeast, low, actual, cap)
        : actual > high ? OfAmount(Comparator.AtMost, high, actual, cap)
        : 100;

    /// <summary>
    /// <c>=</c> on a percentage (<c>=90%</c>, "the target value"): at or above the target 100, below it the
    /// <c>&gt;=</c> rule. Identical to the distance rule for every target of 100%.
    /// </summary>
    public static decimal OfPercentEqual(decimal target, decimal actual) =>
        actual >= target ? 100 : OfAmount(Comparator.AtLeast, target, actual);

    /// <summary>
    /// The variation in percent of <paramref name="value"/> from <paramref name="baseline"/>: (value − baseline) /
    /// baseline × 100; null for a baseline of 0, from which no variation in percent can be taken.
    /// </summary>
    public static decimal? Variation(decimal value, decimal baseline) =>
        baseline == 0 ? null : 100 * (value - baseline) / Math.Abs(baseline);

    /// <summary>
    /// A result scored against a target that is not a deadline, by the target's kind: sì/no (100 when equal, else 0),
    /// range, baseline-relative (<see cref="OfAmount"/> on the variation, so a reduction target is realised in
    /// proportion to the reduction achieved), benchmark (<see cref="OfAmount"/> against the value recorded with the
    /// result), milestone (the completion percent), <c>=</c> on a percentage (<see cref="OfPercentEqual"/>), else
    /// <see cref="OfAmount"/>. Null when the result carries no amount or the benchmark's value is missing.
    /// </summary>
    public static decimal? Of(MeasureKind measure, Comparator comparator, YearTarget target, ResultValue value,
        decimal cap = DefaultCap)
    {
        if (value.Amount is not { } actual) return null;
        if (target.Milestone is not null) return Cap(actual, DefaultCap);
        if (target.Benchmark is not null)
            return value.Reference is { } reference ? OfAmount(comparator, reference, actual, cap) : null;
        if (target.Amount is not { } amount) return null;
        if (measure == MeasureKind.YesNo) return actual == amount ? 100 : 0;
        if (target.High is { } high) return OfRange(amount, high, actual, cap);
        if (target.BaselineYear is not null)
            return (value.Reference is { } b ? Variation(actual, b) : actual) is { } v
                ? OfAmount(comparator, amount, v, cap) : null;
        if (measure == MeasureKind.Percent && comparator == Comparator.EqualTo) return OfPercentEqual(amount, actual);
        return OfAmount(comparator, amount, actual, cap);
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the comparison with <paramref name="target"/>.</summary>
    public static bool Meets(Comparator comparator, decimal target, decimal actual) => comparator switch
    {
        Comparator.AtLeast => actual >= target,
        Comparator.GreaterThan => actual > target,
        Comparator.EqualTo => actual == target,
        Comparator.LessThan => actual < target,
        _ => actual <= target,
    };

    /// <summary>The comparison read on the opposite numbers: <c>a &lt;= b</c> is <c>-a &gt;= -b</c>.</summary>
    static Comparator Mirror(Comparator c) => c switch
    {
        Comparator.AtLeast => Comparator.AtMost,
        Comparator.GreaterThan => Comparator.LessThan,
        Comparator.AtMost => Comparator.AtLeast,
        Comparator.LessThan => Comparator.GreaterThan,
        _ => c,
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

    static decimal Cap(decimal r, decimal cap = DefaultCap) => Math.Clamp(r, 0, cap);
}
