using PerformancePlan.Domain.Import;

namespace PerformancePlan.Domain.Results;

/// <summary>
/// Reads a result's value as its indicator's measure and target type it (docs/measures.md): a percent (a ratio
/// <c>56/60</c> too; above 100 only where the measure allows), a number (decimal or negative only where the targets
/// are), sì/no, a milestone's completion, a completion date; with the value of reference a benchmark needs.
/// </summary>
public static class MeasureInput
{
    /// <summary>The typed value, or null with the problems added to <paramref name="issues"/>.</summary>
    public static ResultValue? ReadValue(Plan plan, Indicator indicator, string text, string reference,
        LocalDate today, List<FieldIssue> issues)
    {
        var name = MeasureLabels.Of(indicator.Measure);
        void Fail(string message, string fix) =>
            issues.Add(new FieldIssue(ResultInput.ValueColumn, text, message, fix));
        if (text.Trim().Length == 0) { Fail("valore mancante", "scrivere il valore misurato; «0» è uno zero misurato, "
            + "una riga assente è «non rilevato»"); return null; }
        var target = indicator.TargetFor(plan.Year);
        var refValue = ReadReference(indicator, target, reference, issues);
        if (refValue is { Ok: false }) return null;
        if (target?.Milestone is not null)
            return Typed(MeasureValues.Completion(text), Fail);
        if (target?.BaselineYear is not null)
            return refValue is null ? Typed(Variation(text), Fail)
                : Typed(MeasureValues.Number(text.Trim()), Fail) is { } year ? year with { Reference = refValue.Value }
                : null;
        var looksLikeDate = text.Contains('/');
        switch (indicator.Measure)
        {
            case MeasureKind.YesNo:
                if (MeasureValues.YesNo(text) is { } yes) return new ResultValue(yes ? 1 : 0, null);
                Fail("per la misura «si/no» il valore è «sì» o «no»", "scrivere «sì» o «no»");
                return null;
            case MeasureKind.Percent:
                if (looksLikeDate && MeasureValues.Ratio(text) is null) { Fail($"una data per la misura «{name}»",
                    "scrivere una percentuale, es. «55,5%», o un rapporto, es. «56/60»"); return null; }
                var p = MeasureValues.Percent(text);
                if (p.Ok && p.Value > 100 && !MeasureRowChecks.PercentAbove100(indicator.Comparator,
                        indicator.Targets, plan.Year))
                    p = new(null, "percentuale fuori da 0–100", "per questo indicatore la percentuale è una quota, tra "
                        + "0% e 100%; oltre 100% solo se il target è oltre 100% o il comparatore è «<=»");
                return Typed(p, Fail) is { } percent ? percent with { Reference = refValue?.Value } : null;
            case MeasureKind.Count or MeasureKind.DaysAfterPeriodClose:
                var what = indicator.Measure == MeasureKind.Count ? "un conteggio" : "un numero di giorni";
                if (looksLikeDate) { Fail($"una data dove serve {what}",
                    "scrivere un numero intero, es. «12»"); return null; }
                var n = MeasureValues.Number(text);
                if (!n.Ok) { Fail(n.Error!, n.Fix!); return null; }
                var v = n.Value!.Value;
                var decimals = indicator.Measure == MeasureKind.Count && (indicator.Unit is not null
                    || indicator.Targets.Any(t => t.Amount is { } a && a != decimal.Truncate(a))
                    || refValue is not null);
                var negatives = indicator.Measure == MeasureKind.Count && (refValue is not null
                    || indicator.Targets.Any(t => t.Amount <= 0 || t.BaselineYear is not null));
                if ((v < 0 && !negatives) || (v != decimal.Truncate(v) && !decimals))
                {
                    Fail($"{what} è un intero non negativo", "scrivere un numero intero, es. «12»; decimali e "
                        + "valori negativi sono ammessi quando i target li prevedono (es. «4,5», o «<= 0»)");
                    return null;
                }
                return new ResultValue(v, null) { Reference = refValue?.Value };
            default:
                if (!ItalianFormat.TryParseDate(text, out var d))
                {
                    Fail(looksLikeDate ? "non è una data esistente" : $"la misura «{name}» vuole la data di "
                        + "completamento",
                        "scrivere la data in cui l'attività è stata completata, come gg/mm/aaaa");
                    return null;
                }
                if (d > today) { Fail($"data di completamento futura (oggi è {ItalianFormat.Date(today)})",
                    "registrare il risultato quando l'attività è completata"); return null; }
                if (d.Year < plan.Year) { Fail($"data di completamento anteriore all'anno del piano ({plan.Year})",
                    $"scrivere la data, nel {plan.Year} o dopo, in cui l'attività è stata completata"); return null; }
                return new ResultValue(null, d);
        }
    }

    /// <summary>
    /// The value of reference: required for a benchmark, optional for a baseline (the baseline year's value, non-zero),
    /// refused elsewhere. Null when not given and not required.
    /// </summary>
    static Parsed<decimal?>? ReadReference(Indicator indicator, YearTarget? target, string text,
        List<FieldIssue> issues)
    {
        var t = text.Trim();
        Parsed<decimal?> Fail(string message, string fix)
        {
            issues.Add(new FieldIssue(ResultInput.ReferenceColumn, t, message, fix));
            return new(null, message, fix);
        }
        if (target?.Benchmark is { } benchmark && t.Length == 0)
            return Fail($"manca il valore di riferimento: il target è «{benchmark}»",
                $"indicare il valore di «{benchmark}» dell'anno nella colonna «{ResultInput.ReferenceColumn}» (da riga "
                + "di comando --reference), es. «75%»");
        if (t.Length == 0) return null;
        if (target?.Benchmark is null && target?.BaselineYear is null)
            return Fail("valore di riferimento non previsto per questo indicatore",
                "il valore di riferimento serve solo per target come «media nazionale» o «-10% rispetto al 2018»: "
                + "lasciare vuoto");
        var read = indicator.Measure == MeasureKind.Percent && target?.Benchmark is not null
            ? MeasureValues.Percent(t) : MeasureValues.Number(t.TrimEnd('%').Trim());
        if (!read.Ok) return Fail("valore di riferimento non leggibile: " + read.Error, read.Fix ?? "");
        if (target?.BaselineYear is { } year && read.Value == 0)
            return Fail($"valore del {year} pari a zero: non se ne può calcolare la variazione",
                $"indicare il valore del {year}, diverso da zero, o registrare direttamente la variazione "
                + "(es. «-12%»)");
        return read;
    }

    /// <summary>A variation in percent, as entered (<c>-12%</c>), within ±10 000%.</summary>
    static Parsed<decimal?> Variation(string text) =>
        ItalianFormat.TryParsePercent(text.Trim().Replace('−', '-'), out var v)
            && Math.Abs(v) <= MeasureValues.MaxPercent
            ? new(v)
            : new(null, "variazione non leggibile", "scrivere la variazione rispetto all'anno di riferimento in "
                + "percentuale, es. «-12%», oppure il valore dell'anno con il valore di riferimento dell'anno base");

    static ResultValue? Typed(Parsed<decimal?> p, Action<string, string> fail)
    {
        if (p.Ok) return new ResultValue(p.Value, null);
        fail(p.Error!, p.Fix ?? "");
        return null;
    }
}
