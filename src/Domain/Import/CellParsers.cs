using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Import;

/// <summary>The outcome of reading one cell: a value, or an error with its fix; warnings either way.</summary>
public sealed record Parsed<T>(T Value, string? Error = null, string? Fix = null,
    IReadOnlyList<string>? Warnings = null)
{
    public bool Ok => Error is null;
    public IReadOnlyList<string> AllWarnings => Warnings ?? [];
}

/// <summary>Pure readers for the cells of a plan file, shared by the validator and the builder.</summary>
public static partial class CellParsers
{
    static Parsed<T> Fail<T>(string error, string fix) => new(default!, error, fix);

    public static Parsed<decimal?> Budget(string text)
    {
        if (text.Length == 0) return new((decimal?)null);
        if (!ItalianFormat.TryParseEuro(text, out var v))
            return Fail<decimal?>("importo non leggibile", "scrivere l'importo in euro all'italiana, es. «€ "
                + "240.000,00»");
        if (v < 0) return Fail<decimal?>("importo negativo", "un budget è zero o positivo");
        return new((decimal?)v);
    }

    public static Parsed<IReadOnlyList<Perspective>> Perspectives(string text)
    {
        var list = new List<Perspective>();
        foreach (var part in text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Labels.TryParsePerspective(part, out var p))
                return Fail<IReadOnlyList<Perspective>>($"prospettiva «{part}» sconosciuta",
                    "usare " + string.Join(", ",
                        Labels.PerspectiveNames.Values.Select(v => $"«{v}»")) + ", separate da « / »");
            if (!list.Contains(p)) list.Add(p);
        }
        return new((IReadOnlyList<Perspective>)list);
    }

    /// <summary>A <i>Peso</i> cell: the node's weight in its parent, a positive number (empty: none).</summary>
    public static Parsed<decimal?> NodeWeight(string text)
    {
        if (text.Trim().Length == 0) return new((decimal?)null);
        if (!ItalianFormat.TryParsePercent(text, out var w) || w <= 0 || w > 1_000_000)
            return Fail<decimal?>("peso non leggibile",
                "scrivere un numero positivo, es. «2» o «30%», o lasciare vuoto");
        return new((decimal?)w);
    }

    /// <summary>An <i>Uffici</i> cell (<see cref="CodeLists"/>): office codes, checked against the registry if
    /// any.</summary>
    public static Parsed<IReadOnlyList<string>> Offices(string text, PlanRegistry? registry = null) =>
        CodeLists.Read(text, RegistryKind.Office, registry ?? PlanRegistry.Empty);

    /// <summary>A <i>Titolari</i> cell (<see cref="CodeLists"/>): holder codes, <c>P02</c> read as
    /// <c>PO2</c>.</summary>
    public static Parsed<IReadOnlyList<string>> Holders(string text, PlanRegistry? registry = null) =>
        CodeLists.Read(text, RegistryKind.Holder, registry ?? PlanRegistry.Empty);

    /// <summary>
    /// A <i>Pesi</i> cell: <c>holder:weight</c> pairs (<c>SG:11,4 PO3:20</c>; a holder may be a name,
    /// <c>Segretario Generale:50</c>); weights are positive (percent up to 100 unless the plan's weights are relative).
    /// </summary>
    public static Parsed<IReadOnlyList<(string Holder, decimal Weight)>> Weights(string text,
        PlanRegistry? registry = null, HolderWeighting weighting = HolderWeighting.Percent)
    {
        var list = new List<(string, decimal)>();
        var t = text.Trim();
        var matches = WeightPair().Matches(t);
        if (t.Length > 0 && (matches.Count == 0 || WeightPair().Replace(t, "").Trim().Length > 0))
            return Fail<IReadOnlyList<(string, decimal)>>($"pesi «{t}» non leggibili", "scrivere titolare:peso "
                + "separati da spazi, es. «SG:11,4 PO3:20»");
        foreach (Match m in matches)
        {
            var part = m.Value.Trim();
            var holders = Holders(m.Groups[1].Value, registry);
            if (!holders.Ok || holders.Value.Count != 1 || !ItalianFormat.TryParsePercent(m.Groups[2].Value, out var w))
                return Fail<IReadOnlyList<(string, decimal)>>($"peso «{part}» non leggibile", "scrivere titolare:peso "
                    + "separati da spazi, es. «SG:11,4 PO3:20»");
            var h = holders.Value[0];
            if (list.Any(x => x.Item1 == h))
                return Fail<IReadOnlyList<(string, decimal)>>($"peso di «{h}» ripetuto", "indicare un solo peso per "
                    + "titolare");
            if (w <= 0 || (w > 100 && weighting == HolderWeighting.Percent))
                return Fail<IReadOnlyList<(string, decimal)>>($"peso {ItalianFormat.Decimal(w)} fuori dall'intervallo",
                    "un peso è maggiore di 0 e al massimo 100 (o dichiarare pesi relativi: riga Metodologia «pesi "
                        + "titolari» = «relativi»)");
            list.Add((h, w));
        }
        return new((IReadOnlyList<(string, decimal)>)list);
    }

    /// <summary>
    /// Reads a target for <paramref name="year"/>, typed by the measure. Accepts a leading comparator equal to the
    /// row's (<c>&gt;=80%</c>) and the words <c>entro il</c> and <c>n.</c>; a deadline without a year takes the
    /// target's year. Warns about a deadline outside the target's year (the seed has one before the plan year).
    /// </summary>
    public static Parsed<YearTarget?> Target(string text, MeasureKind measure, Comparator comparator, int year)
    {
        if (text.Length == 0) return new((YearTarget?)null);
        var t = text.Trim();
        var lead = LeadingComparator().Match(t);
        if (lead.Success)
        {
            var symbol = lead.Groups[1].Value;
            if (!MeasureLabels.TryParseComparator(symbol, out var c) || c != comparator)
                return Fail<YearTarget?>($"il target indica «{symbol}» ma la colonna Comparatore dice "
                    + $"«{MeasureLabels.Of(comparator)}»",
                    "allineare il target e il Comparatore, oppure scrivere il target senza simbolo");
            t = t[lead.Length..].Trim();
        }
        t = LeadingWords().Replace(t, "").Trim();
        if (ShapedTarget(text, t, measure, year) is { } shaped) return shaped;
        var looksLikeDate = t.Contains('/');
        var name = MeasureLabels.Of(measure);
        switch (measure)
        {
            case MeasureKind.Percent:
                if (looksLikeDate && MeasureValues.Ratio(t) is null)
                    return Mismatch(text, name, "una data", "«scadenza»");
                return Amount(year, MeasureValues.Percent(t));
            case MeasureKind.Count:
                if (looksLikeDate) return Mismatch(text, name, "una data", "«scadenza»");
                if (t.EndsWith('%')) return Mismatch(text, name, "una percentuale", "«percentuale»");
                return Amount(year, MeasureValues.Number(t));
            case MeasureKind.DaysAfterPeriodClose:
                if (looksLikeDate) return Mismatch(text, name, "una data", "«scadenza»");
                if (t.EndsWith('%')) return Mismatch(text, name, "una percentuale", "«percentuale»");
                if (!ItalianFormat.TryParseDecimal(t, out var n))
                    return Fail<YearTarget?>("numero non leggibile", "scrivere un numero intero, es. «12»");
                if (n < 0 || n != decimal.Truncate(n))
                    return Fail<YearTarget?>("i giorni sono un intero non negativo",
                        "scrivere un numero intero, es. «12»");
                return new((YearTarget?)YearTarget.OfAmount(year, n));
            default:
                var parts = measure == MeasureKind.Deadlines ? DateSeparator().Split(t) : [t];
                if (measure == MeasureKind.Deadline && DateSeparator().Split(t).Length > 1)
                    return Fail<YearTarget?>("più date per la misura «scadenza»", "usare la misura «scadenze» o "
                        + "indicare una sola data");
                var dates = new List<LocalDate>();
                var warnings = new List<string>();
                foreach (var part in parts.Select(s => LeadingWords().Replace(s.Trim(),
                    "").Trim()).Where(s => s.Length > 0))
                {
                    if (!ItalianFormat.TryParseDate(part, out var d, year))
                        return part.Contains('/')
                            ? Fail<YearTarget?>($"«{part}» non è una data esistente", "scrivere una data reale come "
                                + "gg/mm/aaaa, es. «31/03/" + year + "»")
                            : Mismatch(text, name, "un valore che non è una data", "«numero» o «percentuale»");
                    if (d.Year != year)
                        warnings.Add($"la scadenza {ItalianFormat.Date(d)} non cade nell'anno del target ({year})");
                    dates.Add(d);
                }
                if (dates.Count == 0) return Fail<YearTarget?>("nessuna data", "scrivere la scadenza come gg/mm/aaaa");
                return new(YearTarget.OfDates(year, [.. dates.Distinct().Order()]), Warnings: warnings);
        }
    }

    static Parsed<YearTarget?> Amount(int year, Parsed<decimal?> value) => value.Ok
        ? new(YearTarget.OfAmount(year, value.Value!.Value)) : Fail<YearTarget?>(value.Error!, value.Fix ?? "");

    static Parsed<YearTarget?> Mismatch(string text, string measure, string what, string suggestion) =>
        Fail<YearTarget?>($"la misura è «{measure}» ma il target «{text}» è {what}",
            $"correggere il target oppure la Misura (ad esempio {suggestion})");


    [GeneratedRegex(@"\s*([^:\s][^:]*?)\s*:\s*([0-9]+(?:[.,][0-9]+)?\s*%?)")]
    private static partial Regex WeightPair();
    [GeneratedRegex(@"^(>=|<=|=>|=<|≥|≤|>|<|=)")] private static partial Regex LeadingComparator();
    [GeneratedRegex(@"^(entro\s+(il\s+)?|n\.\s*)",
        RegexOptions.IgnoreCase)] private static partial Regex LeadingWords();
    [GeneratedRegex(@"\s+e\s+|\s*,\s*|\s*\+\s*", RegexOptions.IgnoreCase)] private static partial Regex DateSeparator();
}
