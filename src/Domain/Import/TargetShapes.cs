using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Import;

public static partial class CellParsers
{
    /// <summary>
    /// The targets that are more than one value: sì/no, a range <c>tra 80% e 90%</c>, a variation
    /// <c>-10% rispetto al 2018</c>, a benchmark <c>media nazionale</c>, a milestone <c>realizzazione progetto</c>.
    /// Null when <paramref name="t"/> (the cell without comparator and leading words) is none of these. A milestone is
    /// text naming an act of completion (realizzazione, completamento, attuazione, adozione, avvio, progetto…), so
    /// a stray word (<c>tanto</c>) stays an unreadable number rather than becoming a milestone.
    /// </summary>
    static Parsed<YearTarget?>? ShapedTarget(string text, string t, MeasureKind measure, int year)
    {
        if (measure == MeasureKind.YesNo)
            return MeasureValues.YesNo(t) is { } yes ? new(YearTarget.OfAmount(year, yes ? 1 : 0))
                : Fail<YearTarget?>("per la misura «si/no» il target è «SI» o «NO»", "scrivere «SI» o «NO»");
        if (measure is not (MeasureKind.Percent or MeasureKind.Count)) return null;
        Parsed<decimal?> Value(string v) =>
            measure == MeasureKind.Percent ? MeasureValues.Percent(v) : MeasureValues.Number(v);
        if (RangeShape().Match(t) is { Success: true } range)
        {
            var (low, high) = (Value(range.Groups[1].Value), Value(range.Groups[2].Value));
            if (!low.Ok || !high.Ok) return Fail<YearTarget?>($"intervallo «{t}» non leggibile: "
                + (low.Ok ? high : low).Error, "scrivere l'intervallo come «tra 80% e 90%» o «tra 10 e 20»");
            if (low.Value > high.Value) return Fail<YearTarget?>($"intervallo «{t}» con gli estremi invertiti",
                "scrivere prima il valore minore, es. «tra 80% e 90%»");
            return new(YearTarget.OfAmount(year, low.Value!.Value) with { High = high.Value });
        }
        if (BaselineShape().Match(t) is { Success: true } baseline)
        {
            var baseYear = int.Parse(baseline.Groups[2].Value);
            if (!ItalianFormat.TryParseDecimal(baseline.Groups[1].Value.Replace(" ", "").Replace('−', '-'),
                    out var variation) || Math.Abs(variation) > MeasureValues.MaxPercent)
                return Fail<YearTarget?>($"variazione «{baseline.Groups[1].Value}%» non leggibile",
                    "scrivere la variazione in percentuale, es. «-10% rispetto al 2018»");
            if (baseYear >= year)
                return Fail<YearTarget?>($"l'anno di riferimento {baseYear} non precede l'anno del target ({year})",
                    $"indicare un anno precedente, es. «-10% rispetto al {year - 1}»");
            return new(YearTarget.OfAmount(year, variation) with { BaselineYear = baseYear });
        }
        if (!TextShape().IsMatch(t)) return null;
        if (BenchmarkWords().IsMatch(t))
            return new(new YearTarget(year, null, []) { Benchmark = t }, Warnings:
                [$"target «{t}» letto come valore di riferimento esterno: ogni risultato va registrato con il valore "
                    + "di riferimento dell'anno (colonna «Valore di riferimento»)"]);
        if (!MilestoneWords().IsMatch(t)) return null;
        return new(new YearTarget(year, null, []) { Milestone = t }, Warnings:
            [$"target testuale «{t}» letto come traguardo: il risultato è la percentuale di completamento (0–100%) "
                + "oppure «fatto» / «non fatto»"]);
    }

    [GeneratedRegex(@"^tra\s+(.+?)\s+e\s+(.+)$", RegexOptions.IgnoreCase)] private static partial Regex RangeShape();
    [GeneratedRegex(@"^([+\-−]?\s*[0-9.,]+)\s*%\s+rispetto\s+(?:al|all'|a)\s*([0-9]{4})$",
        RegexOptions.IgnoreCase)]
    private static partial Regex BaselineShape();
    [GeneratedRegex(@"^[\p{L}][\p{L}\s'’]*$")] private static partial Regex TextShape();
    [GeneratedRegex(@"\b(realizzazion\w*|realizzar\w*|complet\w*|attuazion\w*|adozion\w*|avvio|progett\w*|"
        + @"conclusion\w*|approvazion\w*|predisposizion\w*|redazion\w*|implementazion\w*|rilascio|messa)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex MilestoneWords();
    [GeneratedRegex(@"\b(media|mediana|nazionale|regionale|benchmark|riferimento)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BenchmarkWords();
}
