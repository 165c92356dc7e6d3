namespace PerformancePlan.Domain.Plans;

/// <summary>What an indicator measures, and so how its target and results are typed (<i>Misura</i>).</summary>
public enum MeasureKind { Percent, Count, Deadline, Deadlines, DaysAfterPeriodClose }

/// <summary>How a result is compared with the target.</summary>
public enum Comparator { AtLeast, GreaterThan, EqualTo, AtMost }

public static class MeasureLabels
{
    public static readonly IReadOnlyDictionary<MeasureKind, string> Names = new Dictionary<MeasureKind, string>
    {
        [MeasureKind.Percent] = "percentuale",
        [MeasureKind.Count] = "numero",
        [MeasureKind.Deadline] = "scadenza",
        [MeasureKind.Deadlines] = "scadenze",
        [MeasureKind.DaysAfterPeriodClose] = "giorni dalla chiusura",
    };

    public static readonly IReadOnlyDictionary<Comparator, string> Symbols = new Dictionary<Comparator, string>
    {
        [Comparator.AtLeast] = ">=",
        [Comparator.GreaterThan] = ">",
        [Comparator.EqualTo] = "=",
        [Comparator.AtMost] = "<=",
    };

    public static string Of(MeasureKind kind) => Names[kind];
    public static string Of(Comparator c) => Symbols[c];

    public static bool TryParseMeasure(string text, out MeasureKind kind)
    {
        foreach (var (k, v) in Names)
            if (string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
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
/// The target of one year of the horizon. <see cref="Amount"/> holds percents (0–100), counts and days;
/// <see cref="Dates"/> holds one deadline, or several.
/// </summary>
public sealed record YearTarget(int Year, decimal? Amount, IReadOnlyList<LocalDate> Dates)
{
    public static YearTarget OfAmount(int year, decimal amount) => new(year, amount, []);
    public static YearTarget OfDates(int year, params LocalDate[] dates) => new(year, null, dates);

    public bool Equals(YearTarget? other) =>
        other is not null && Year == other.Year && Amount == other.Amount && Dates.SequenceEqual(other.Dates);

    public override int GetHashCode() => HashCode.Combine(Year, Amount, Dates.Count);
}
