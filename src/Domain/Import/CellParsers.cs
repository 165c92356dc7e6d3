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

    public static Parsed<IReadOnlyList<string>> Offices(string text)
    {
        var list = Split(text).Select(o => o.ToUpperInvariant()).Distinct().ToList();
        var bad = list.FirstOrDefault(o => !Codes.IsOffice(o));
        return bad is null
            ? new((IReadOnlyList<string>)list)
            : Fail<IReadOnlyList<string>>($"codice ufficio «{bad}» non valido", "usare codici come «U1.1», «ISR», "
                + "«TUTTI», separati da spazi");
    }

    public static Parsed<IReadOnlyList<string>> Holders(string text)
    {
        var list = new List<string>();
        var warnings = new List<string>();
        foreach (var raw in Split(text))
        {
            if (!Codes.TryParseHolder(raw, out var h, out var normalised))
                return Fail<IReadOnlyList<string>>($"titolare «{raw}» sconosciuto", "usare «SG» o «PO» seguito dal "
                    + "numero, es. «PO3»");
            if (normalised) warnings.Add($"titolare «{raw}» letto come «{h}»");
            if (!list.Contains(h)) list.Add(h);
        }
        return new(list, Warnings: warnings);
    }

    public static Parsed<IReadOnlyList<(string Holder, decimal Weight)>> Weights(string text)
    {
        var list = new List<(string, decimal)>();
        foreach (var part in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2 || !Codes.TryParseHolder(pieces[0], out var h, out _) ||
                !ItalianFormat.TryParsePercent(pieces[1], out var w))
                return Fail<IReadOnlyList<(string, decimal)>>($"peso «{part}» non leggibile", "scrivere titolare:peso "
                    + "separati da spazi, es. «SG:11,4 PO3:20»");
            if (list.Any(x => x.Item1 == h))
                return Fail<IReadOnlyList<(string, decimal)>>($"peso di «{h}» ripetuto", "indicare un solo peso per "
                    + "titolare");
            if (w <= 0 || w > 100)
                return Fail<IReadOnlyList<(string, decimal)>>($"peso {ItalianFormat.Decimal(w)} fuori dall'intervallo",
                    "un peso è maggiore di 0 e al massimo 100");
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

    static IEnumerable<string> Split(string text) =>
        text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^(>=|<=|=>|=<|≥|≤|>|<|=)")] private static partial Regex LeadingComparator();
    [GeneratedRegex(@"^(entro\s+(il\s+)?|n\.\s*)",
        RegexOptions.IgnoreCase)] private static partial Regex LeadingWords();
    [GeneratedRegex(@"\s+e\s+|\s*,\s*|\s*\+\s*", RegexOptions.IgnoreCase)] private static partial Regex DateSeparator();
}
