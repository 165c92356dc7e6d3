namespace PerformancePlan.Domain.Plans;

/// <summary>What an indicator measures, and so how its target and results are typed (<i>Misura</i>).</summary>
public enum MeasureKind { Percent, Count, Deadline, Deadlines, DaysAfterPeriodClose, YesNo }

/// <summary>How a result is compared with the target.</summary>
public enum Comparator { AtLeast, GreaterThan, EqualTo, AtMost, LessThan }

public static class MeasureLabels
{
    /// <summary>The Italian name of each measure, as the <i>Misura</i> column writes it.</summary>
    public static readonly IReadOnlyDictionary<MeasureKind, string> Names = Labels.Table(
        (MeasureKind.Percent, "percentuale"), (MeasureKind.Count, "numero"), (MeasureKind.Deadline, "scadenza"),
        (MeasureKind.Deadlines, "scadenze"), (MeasureKind.DaysAfterPeriodClose, "giorni dalla chiusura"),
        (MeasureKind.YesNo, "si/no"));

    /// <summary>The symbol of each comparator, as the <i>Comparatore</i> column writes it.</summary>
    public static readonly IReadOnlyDictionary<Comparator, string> Symbols = Labels.Table(
        (Comparator.AtLeast, ">="), (Comparator.GreaterThan, ">"), (Comparator.EqualTo, "="), (Comparator.AtMost, "<="),
        (Comparator.LessThan, "<"));

    public static string Of(MeasureKind kind) => Names[kind];
    public static string Of(Comparator c) => Symbols[c];

    /// <summary>Reads a <i>Misura</i> cell; <c>sì/no</c>, <c>SI/NO</c>, <c>si / no</c> are the same measure.</summary>
    public static bool TryParseMeasure(string text, out MeasureKind kind)
    {
        var t = text.Trim();
        if (t.Replace(" ", "").Replace("ì", "i").Replace("Ì", "I").Equals("si/no", StringComparison.OrdinalIgnoreCase))
            t = Names[MeasureKind.YesNo];
        foreach (var (k, v) in Names)
            if (string.Equals(v, t, StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
        kind = default;
        return false;
    }

    public static bool TryParseComparator(string text, out Comparator c)
    {
        var t = text.Trim().Replace("≥", ">=").Replace("≤", "<=").Replace("=>", ">=").Replace("=<", "<=");
        foreach (var (k, v) in Symbols)
            if (v == t) { c = k; return true; }
        c = default;
        return false;
    }

    /// <summary>Deadlines and days are "no later than" by nature.</summary>
    public static bool IsTimeBound(MeasureKind kind) =>
        kind is MeasureKind.Deadline or MeasureKind.Deadlines or MeasureKind.DaysAfterPeriodClose;
}

/// <summary>
/// The target of one year of the horizon. <see cref="Amount"/> holds percents (up to 10 000), counts, days, the
/// variation in percent of a baseline-relative target, and 1 (sì) or 0 (no) for <see cref="MeasureKind.YesNo"/>;
/// <see cref="Dates"/> holds one deadline, or several. The optional parts below say what else the target is; they are
/// null (and left out of the stored JSON) for a plain value, so older events read unchanged.
/// </summary>
public sealed record YearTarget(int Year, decimal? Amount, IReadOnlyList<LocalDate> Dates)
{
    public static YearTarget OfAmount(int year, decimal amount) => new(year, amount, []);
    public static YearTarget OfDates(int year, params LocalDate[] dates) => new(year, null, dates);

    /// <summary>A range (<c>tra 80% e 90%</c>): <see cref="Amount"/> is its low end, this its high end.</summary>
    public decimal? High { get; init; }

    /// <summary>
    /// Baseline-relative (<c>-10% rispetto al 2018</c>): the baseline year; <see cref="Amount"/> is the variation in
    /// percent the target asks for (negative for a reduction).
    /// </summary>
    public int? BaselineYear { get; init; }

    /// <summary>
    /// A benchmark (<c>media nazionale</c>), as the plan names it; its value comes with each result
    /// (<see cref="Results.ResultValue.Reference"/>). <see cref="Amount"/> is null.
    /// </summary>
    public string? Benchmark { get; init; }

    /// <summary>
    /// A milestone written as text (<c>realizzazione progetto</c>): results are a completion percent or
    /// fatto/non fatto. <see cref="Amount"/> is null.
    /// </summary>
    public string? Milestone { get; init; }

    /// <summary>An intermediate target (<c>Target al 30/06/2019</c>): the date it is due; null for a year's.</summary>
    public LocalDate? At { get; init; }

    public bool Equals(YearTarget? other) =>
        other is not null && Year == other.Year && Amount == other.Amount && Dates.SequenceEqual(other.Dates)
        && High == other.High && BaselineYear == other.BaselineYear && Benchmark == other.Benchmark
        && Milestone == other.Milestone && At == other.At;

    public override int GetHashCode() => HashCode.Combine(Year, Amount, Dates.Count);
}
