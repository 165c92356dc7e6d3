using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Import;

/// <summary>One finding on an indicator row's measure: the column, its value, what, the fix; an error or a warning.
/// </summary>
public sealed record MeasureFinding(string Column, string Value, string Message, string Fix, bool IsError);

/// <summary>
/// The checks of an indicator row that look at its measure, comparator and targets together: percents above 100 only
/// where the measure allows them, how <c>=</c> scores, the unit, the intermediate targets
/// (<c>Target al gg/mm/aaaa</c>).
/// </summary>
public static partial class MeasureRowChecks
{
    /// <summary>The optional column of the unit of an indicator's values.</summary>
    public const string UnitColumn = "Unità";

    /// <summary>Units recognised in <i>Algoritmo</i> when the cell is only the unit, and the name kept for each.
    /// </summary>
    static readonly IReadOnlyDictionary<string, string> UnitWords = new Dictionary<string, string>(
        StringComparer.OrdinalIgnoreCase)
    {
        ["mq"] = "mq", ["m²"] = "mq", ["m2"] = "mq", ["euro"] = "euro", ["€"] = "euro", ["giorni"] = "giorni",
        ["gg"] = "giorni", ["ore"] = "ore", ["km"] = "km", ["kg"] = "kg", ["mesi"] = "mesi", ["anni"] = "anni",
    };

    /// <summary>
    /// The unit: the <c>Unità</c> cell, else the <i>Algoritmo</i> when it is exactly a unit word (<c>mq</c>,
    /// <c>euro</c>, <c>€</c>, <c>giorni</c>, <c>gg</c>, <c>ore</c>…); null otherwise, and always for si/no.
    /// </summary>
    public static string? UnitOf(RawRow row, MeasureKind measure)
    {
        var given = row[UnitColumn];
        if (given.Length > 0) return UnitWords.TryGetValue(given, out var known) ? known : given;
        return measure is MeasureKind.Count && UnitWords.TryGetValue(row[PlanColumns.Algorithm], out var unit)
            ? unit : null;
    }

    /// <summary>The intermediate-target columns of a sheet (<c>Target al 30/06/2019</c>) with their dates.</summary>
    public static IReadOnlyList<(string Column, LocalDate At)> InterimColumns(IEnumerable<string> headers) =>
        headers.Select(h => (h, m: InterimHeader().Match(h)))
            .Where(x => x.m.Success && ItalianFormat.TryParseDate(x.m.Groups[1].Value, out _))
            .Select(x => (x.h, ItalianFormat.TryParseDate(x.m.Groups[1].Value, out var d) ? d : default))
            .ToList();

    /// <summary>A header that starts with «Target» and is neither <c>Target AAAA</c> nor a readable
    /// <c>Target al gg/mm/aaaa</c>: an error, never a column silently ignored.</summary>
    public static bool IsUnreadableTargetHeader(string header) =>
        header.Trim().StartsWith("Target", StringComparison.OrdinalIgnoreCase)
        && !YearHeader().IsMatch(header.Trim()) && InterimColumns([header.Trim()]).Count == 0;

    /// <summary>The intermediate targets of an indicator row, each with its date; empty when none.</summary>
    public static IReadOnlyList<YearTarget> InterimTargets(RawRow row, MeasureKind measure, Comparator comparator) =>
        InterimColumns(row.Cells.Keys).Where(c => row[c.Column].Length > 0)
            .Select(c => CellParsers.Target(row[c.Column], measure, comparator, c.At.Year).Value is { } t
                ? t with { At = c.At } : null)
            .OfType<YearTarget>().OrderBy(t => t.At).ToList();

    /// <summary>
    /// Whether a percent may go above 100: when the plan year's target is above 100% (an index such as 120%), when
    /// the comparator is a ceiling (<c>&lt;=</c>, <c>&lt;</c>: an occupancy of at most 100% may be 115%), or for a
    /// variation. Otherwise the percent is a share, 0–100.
    /// </summary>
    public static bool PercentAbove100(Comparator comparator, IEnumerable<YearTarget> targets, int planYear) =>
        comparator is Comparator.AtMost or Comparator.LessThan
        || targets.Any(t => t.BaselineYear is not null || t.Benchmark is not null)
        || targets.Any(t => t.Year == planYear && t.At is null && (t.Amount > 100 || t.High > 100));


    /// <summary>Findings on an indicator row whose measure, comparator and cells have each been read.</summary>
    public static IEnumerable<MeasureFinding> Check(RawRow row, MeasureKind measure, Comparator comparator,
        IReadOnlyList<int> horizon)
    {
        var columns = horizon.Select(y => (Column: PlanColumns.Target(y), Year: y, Interim: false))
            .Concat(InterimColumns(row.Cells.Keys).Select(c => (c.Column, c.At.Year, Interim: true))).ToList();
        var targets = columns.Where(c => row[c.Column].Length > 0).Select(c => (c.Column,
            Target: CellParsers.Target(row[c.Column], measure, comparator, c.Year).Value, c.Interim))
            .Where(x => x.Target is not null).ToList();
        var yearTargets = targets.Where(x => !x.Interim).Select(x => x.Target!);
        if (measure == MeasureKind.Percent && !PercentAbove100(comparator, yearTargets, horizon[0]))
            foreach (var (c, _, _) in targets.Where(x => x.Target!.Amount > 100 || x.Target.High > 100))
                yield return new(c, row[c], "percentuale fuori da 0–100", "una quota è tra 0% e 100%; oltre 100% "
                    + $"solo se il target del {horizon[0]} è oltre 100% (un indice) o il comparatore è «<=»", true);
        if (comparator != Comparator.EqualTo) yield break;
        foreach (var (c, t, _) in targets)
            if (measure == MeasureKind.Percent && t!.Amount is { } a && t.High is null && t.BaselineYear is null
                && EqualsWarning(measure, a) is { } w)
                yield return new(c, row[c], w, "", false);
    }

    /// <summary>
    /// Warnings on counts with <c>=</c>, in a plan that writes <c>=</c> as "the target value" on a percentage below
    /// 100 (<c>=90%</c>): there a reader may expect the same of <c>=22</c>, which keeps the distance rule. A plan that
    /// uses <c>=</c> only literally (the seed's <c>=100%</c>, <c>=2</c>) gets none.
    /// </summary>
    public static IEnumerable<ImportIssue> CountEqualsWarnings(IReadOnlyList<PlanRow> rows, string file)
    {
        var targetValue = rows.Any(r => r.Measure == MeasureKind.Percent && r.Comparator == Comparator.EqualTo
            && r.Targets.Any(t => t.Amount is > 0 and < 100 && t.High is null && t.BaselineYear is null));
        if (!targetValue) yield break;
        foreach (var r in rows.Where(r => r.Measure == MeasureKind.Count && r.Comparator == Comparator.EqualTo))
            foreach (var t in r.Targets.Where(t => t.Amount > 0 && t.High is null && t.BaselineYear is null))
                yield return new ImportIssue(IssueSeverity.Warning, file, r.Number, PlanColumns.Target(t.Year),
                    ItalianFormat.Decimal(t.Amount!.Value), EqualsWarning(MeasureKind.Count, t.Amount.Value)!, "");
    }

    /// <summary>How <c>=</c> will score, with an example figure; null where it says nothing new (<c>=100%</c>).
    /// </summary>
    static string? EqualsWarning(MeasureKind measure, decimal target)
    {
        if (measure == MeasureKind.Percent && target is > 0 and < 100)
        {
            var above = Math.Min(100, target + 5);
            var below = Math.Round(target * 0.9m, 2);
            return $"«=» su percentuale: un risultato pari o superiore al target vale 100, uno inferiore in "
                + $"proporzione (es. {ItalianFormat.Percent(above)} con target {ItalianFormat.Percent(target)} vale "
                + $"100; {ItalianFormat.Percent(below)} vale 90)";
        }
        if (measure != MeasureKind.Count || target <= 0) return null;
        var example = Math.Ceiling(target * 4 / 3);
        var r = Math.Round(Scoring.Realization.OfAmount(Comparator.EqualTo, target, example), 2);
        return $"«=» su numero: conta la distanza dal target, in più o in meno (es. {ItalianFormat.Decimal(example)} "
            + $"con target {ItalianFormat.Decimal(target)} vale {ItalianFormat.Decimal(r)}); per «almeno» usare «>=»";
    }

    [GeneratedRegex(@"^Target\s+al\s+(\S+)$", RegexOptions.IgnoreCase)] private static partial Regex InterimHeader();
    [GeneratedRegex(@"^Target\s+[0-9]{4}$", RegexOptions.IgnoreCase)] private static partial Regex YearHeader();
}
