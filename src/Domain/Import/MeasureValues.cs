using System.Text.RegularExpressions;
using PerformancePlan.Domain.Results;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// Readers of the values a measure admits, shared by targets (plan file, amendments) and results: percents (a ratio
/// <c>56/60</c> included), numbers (decimal and negative), sì/no, and a milestone's completion.
/// </summary>
public static partial class MeasureValues
{
    /// <summary>The largest percent a target or a result may carry (10 000%): beyond, a typing error.</summary>
    public const decimal MaxPercent = 10_000m;

    static Parsed<decimal?> Fail(string error, string fix) => new(null, error, fix);

    /// <summary>A percent 0–10 000 (<c>115%</c>, <c>80,5</c>), or a ratio <c>56/60</c> (93,33…).</summary>
    public static Parsed<decimal?> Percent(string text)
    {
        var t = text.Trim();
        if (Ratio(t) is { } ratio) return ratio;
        if (!ItalianFormat.TryParsePercent(t, out var p))
            return Fail("percentuale non leggibile", "scrivere ad esempio «80%», «80,00%» o un rapporto «56/60»");
        if (p < 0)
            return Fail("percentuale negativa, fuori da 0–100", "una percentuale è tra 0% e 100% (una variazione "
                + "negativa si scrive nel target, es. «-10% rispetto al 2018»)");
        if (p > MaxPercent)
            return Fail($"percentuale oltre {ItalianFormat.Percent(MaxPercent)}",
                $"una percentuale è tra 0% e {ItalianFormat.Percent(MaxPercent)} (oltre 100% solo dove la misura lo "
                + "consente, es. un tasso di affollamento)");
        return new(p);
    }

    /// <summary>
    /// <c>numeratore/denominatore</c> read as a percent (<c>56/60</c> → 93,33…), or null when the text is not two
    /// numbers around one <c>/</c> (a date has two). A denominator written <c>06</c> reads as a month: refused.
    /// </summary>
    public static Parsed<decimal?>? Ratio(string text)
    {
        var m = RatioShape().Match(text.Trim());
        if (!m.Success || !ItalianFormat.TryParseDecimal(m.Groups[1].Value, out var a)
            || !ItalianFormat.TryParseDecimal(m.Groups[2].Value, out var b)) return null;
        if (m.Groups[2].Value.StartsWith('0') && b != 0)
            return Fail($"«{text.Trim()}» sembra una data (giorno/mese), non un rapporto",
                "scrivere la percentuale, es. «80%», o il rapporto senza zeri iniziali, es. «56/60»");
        if (b == 0)
            return Fail("rapporto con denominatore zero", "un rapporto «56/60» ha un denominatore maggiore di 0");
        var p = 100 * a / b;
        return p > MaxPercent
            ? Fail($"il rapporto vale {ItalianFormat.Percent(Math.Round(p, 2))}, oltre "
                + ItalianFormat.Percent(MaxPercent), "controllare numeratore e denominatore")
            : new(p);
    }

    /// <summary>A number, decimal and possibly negative (<c>4,5</c>, <c>-8</c>, <c>1.355</c>), within ±10^15.</summary>
    public static Parsed<decimal?> Number(string text)
    {
        if (!ItalianFormat.TryParseDecimal(text.Trim().Replace('−', '-'), out var n))
            return Fail("numero non leggibile", "scrivere un numero, es. «12», «4,5» o «-8»");
        if (Math.Abs(n) > ResultInput.MaxAmount)
            return Fail($"numero fuori misura (oltre {ItalianFormat.Decimal(ResultInput.MaxAmount)})",
                "controllare il valore: probabilmente mancano una virgola o delle cifre in meno");
        return new(n);
    }

    /// <summary><c>sì</c>, <c>si</c>, <c>SI</c> → true; <c>no</c> → false (any case); null otherwise.</summary>
    public static bool? YesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sì" or "si" or "sí" => true,
        "no" => false,
        _ => null,
    };

    /// <summary>
    /// A milestone's completion: a percent 0–100, or <c>fatto</c>/<c>sì</c>/<c>completato</c> (100) and
    /// <c>non fatto</c>/<c>no</c>/<c>non completato</c> (0).
    /// </summary>
    public static Parsed<decimal?> Completion(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (YesNo(t) is { } yes) return new(yes ? 100 : 0);
        if (t is "fatto" or "completato" or "realizzato" or "concluso") return new(100m);
        if (t is "non fatto" or "non completato" or "non realizzato" or "non concluso") return new(0m);
        var p = Percent(t);
        if (!p.Ok) return Fail("completamento non leggibile", "scrivere la percentuale di completamento (0–100%), "
            + "oppure «fatto» o «non fatto»");
        return p.Value > 100 ? Fail("completamento oltre 100%", "un traguardo è completato al più al 100%") : p;
    }

    [GeneratedRegex(@"^([0-9.,]+)\s*/\s*([0-9.,]+)$")] private static partial Regex RatioShape();
}
