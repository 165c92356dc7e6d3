using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Domain.Results;

/// <summary>A result as typed by its indicator's measure, ready for <see cref="ResultDecider"/>.</summary>
public sealed record ResultDraft(string Indicator, ResultValue Value, LocalDate ReferredTo, string? Period,
    string Note);

/// <summary>A problem with one field of a result: which column, what, and how to fix it.</summary>
public sealed record FieldIssue(string Column, string Value, string Message, string Fix);

/// <summary>
/// Reads a result as people write it (<c>55,5%</c>, <c>12</c>, <c>29/03/2019</c>, period <c>Q1</c>, <c>T3</c> (by
/// the calendar in force, <see cref="MonitoringCalendar"/>) or <c>30/06/2019</c>) against the plan: the indicator's
/// measure types the value; the plan's year and its monitoring (<see cref="MonitoringCalendar.CheckReferenceDate"/>)
/// bound the date.
/// </summary>
public static class ResultInput
{
    /// <summary>The columns of a results file, as users write them: <c>Codice;Valore;Riferito
    /// al;Periodo;Note</c>.</summary>
    public const string Code = "Codice", ValueColumn = "Valore", ReferredTo = "Riferito al", PeriodColumn = "Periodo",
        NoteColumn = "Note";

    /// <summary>
    /// Optional column: the value of reference entered with a result, the benchmark's (<c>media nazionale</c>) or the
    /// baseline year's (<c>-10% rispetto al 2018</c>).
    /// </summary>
    public const string ReferenceColumn = "Valore di riferimento";

    /// <summary>
    /// The largest count or number of days a result may carry (10^15 − 1): beyond it a value is a typing error, and
    /// the scores' arithmetic (decimal, up to 7,9 × 10^28) keeps far from its limit.
    /// </summary>
    public const decimal MaxAmount = 999_999_999_999_999m;

    /// <param name="reference">The value of reference (<see cref="ReferenceColumn"/>): required for a benchmark
    /// target, optional for a baseline-relative one, refused elsewhere; empty when not given.</param>
    public static (ResultDraft? Draft, IReadOnlyList<FieldIssue> Issues) Read(
        Plan plan, string code, string value, string on, string period, string note, LocalDate today,
        string reference = "")
    {
        var issues = new List<FieldIssue>();
        var indicator = FindIndicator(plan, code, issues);
        var date = ReadDate(on, plan, today, issues);
        if (indicator is null) return (null, issues);
        var typed = MeasureInput.ReadValue(plan, indicator, value, reference, today, issues);
        var p = ReadPeriod(plan, indicator, period, issues);
        var calendar = MonitoringCalendar.Of(plan, indicator);
        var name = MonitoringCalendar.PeriodName(calendar);
        if (p is not null && date is not null && indicator.Measure == MeasureKind.DaysAfterPeriodClose
            && date < MonitoringCalendar.Close(plan.Year, p, calendar))
            issues.Add(new FieldIssue(ReferredTo, on, $"il {name} {p} si chiude il "
                + $"{ItalianFormat.Date(MonitoringCalendar.Close(plan.Year, p, calendar))}: il risultato si riferisce "
                + "a una data successiva",
                $"indicare come data di riferimento la chiusura del {name} o una data successiva"));
        // Control characters (NUL, escape sequences) are never part of a note: PostgreSQL refuses NUL, and an
        // escape sequence would act on the terminal of whoever reads the audit trail.
        if (note.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            issues.Add(new FieldIssue(NoteColumn, new string(note.Select(c => char.IsControl(c) ? '·' : c).ToArray()),
                "la nota contiene caratteri di controllo (mostrati come ·)",
                "scrivere la nota come testo semplice, senza caratteri speciali copiati da altri programmi"));
        return issues.Count == 0 && typed is not null && date is not null
            ? (new ResultDraft(indicator.Code, typed, date.Value, p, note.Trim()), issues)
            : (null, issues);
    }

    /// <summary>
    /// The indicator a code names: as written (any plan's code), else corrected by the seed's grammar
    /// (<c>01.2.4-a</c> → <c>O1.2.4-a</c>), else the same code in other letter case.
    /// </summary>
    static Indicator? FindIndicator(Plan plan, string code, List<FieldIssue> issues)
    {
        var t = code.Trim();
        var found = plan.IndicatorOf(t)
            ?? (Codes.TryParseIndicator(t, out var parsed, out _) ? plan.IndicatorOf(parsed.Value) : null)
            ?? plan.Indicators.FirstOrDefault(i => string.Equals(i.Code, t, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return found;
        issues.Add(new FieldIssue(Code, code, code.Length == 0 ? "codice mancante" : $"indicatore sconosciuto nel "
            + $"piano {plan.Id}",
            "usare il codice di un indicatore del piano, es. "
                + $"«{plan.Indicators.FirstOrDefault()?.Code ?? "O1.2.3-a"}»"));
        return null;
    }

    static LocalDate? ReadDate(string on, Plan plan, LocalDate today, List<FieldIssue> issues)
    {
        if (!ItalianFormat.TryParseDay(on, out var date))
        {
            issues.Add(new FieldIssue(ReferredTo, on, on.Length == 0 ? "data mancante" : "non è una data esistente",
                "scrivere la data a cui il risultato si riferisce come gg/mm/aaaa, es. «30/04/" + plan.Year + "»"));
            return null;
        }
        var close = ItalianFormat.Date(MonitoringCalendar.MonitoringEnds(plan.Year));
        switch (MonitoringCalendar.CheckReferenceDate(plan.Year, date, today))
        {
            case ReferenceDateCheck.BeforeYear:
                issues.Add(new FieldIssue(ReferredTo, on, $"data anteriore all'anno del piano ({plan.Year})",
                    $"un risultato del piano {plan.Id} si riferisce al {plan.Year} o dopo"));
                break;
            case ReferenceDateCheck.AfterMonitoring:
                issues.Add(new FieldIssue(ReferredTo, on, $"data oltre il monitoraggio del {plan.Year}, che si "
                    + $"chiude il {close} (termine della Relazione sulla Performance)",
                    $"i risultati del piano {plan.Id} si riferiscono al {plan.Year} o al più al {close}; "
                    + "il periodo dice quale parte dell'anno misurano"));
                break;
            case ReferenceDateCheck.Future:
                issues.Add(new FieldIssue(ReferredTo, on, $"data futura (oggi è {ItalianFormat.Date(today)})",
                    "un risultato si registra quando è stato misurato"));
                break;
        }
        return date;
    }

    static string? ReadPeriod(Plan plan, Indicator indicator, string text, List<FieldIssue> issues)
    {
        var t = text.Trim().ToUpperInvariant();
        var deadlines = indicator.TargetFor(plan.Year)?.Dates ?? [];
        switch (indicator.Measure)
        {
            case MeasureKind.DaysAfterPeriodClose:
                var calendar = MonitoringCalendar.Of(plan, indicator);
                if (MonitoringCalendar.Read(text, calendar) is { } code) return code;
                var other = t.Length == 0 ? null : MonitoringCalendar.KindOf(text);
                issues.Add(new FieldIssue(PeriodColumn, text,
                    t.Length == 0 ? "periodo mancante"
                    : other is { } k ? $"«{text.Trim()}» è un periodo dei {MonitoringCalendar.Name(k)}, ma "
                        + (indicator.Calendar is null ? $"il calendario del piano {plan.Id} è a "
                            : $"l'indicatore {indicator.Code} si misura per ") + MonitoringCalendar.Name(calendar)
                    : "periodo sconosciuto",
                    $"indicare il {MonitoringCalendar.PeriodName(calendar)}: "
                        + MonitoringCalendar.Describe(plan.Year, calendar)));
                return null;
            case MeasureKind.Deadlines:
                if (int.TryParse(t, out var position) && position >= 1 && position <= deadlines.Count)
                    return position.ToString();
                if (ItalianFormat.TryParseDate(text, out var date) && deadlines.Contains(date))
                    return (deadlines.ToList().IndexOf(date) + 1).ToString();
                if (t is "S1" or "S2")
                {
                    var first = t == "S1";
                    var i = deadlines.ToList().FindIndex(d => first ? d.Month <= 6 : d.Month > 6);
                    if (i >= 0) return (i + 1).ToString();
                }
                issues.Add(new FieldIssue(PeriodColumn, text, t.Length == 0 ? "periodo mancante: la misura ha più "
                    + "scadenze" : "non è una delle scadenze dell'indicatore",
                    "indicare la scadenza: " + string.Join(", ", deadlines.Select((d, i) => $"«{i + 1}» o "
                        + $"«{ItalianFormat.Date(d)}»"))));
                return null;
            default:
                if (t.Length == 0) return null;
                issues.Add(new FieldIssue(PeriodColumn, text, $"la misura «{MeasureLabels.Of(indicator.Measure)}» non "
                    + "ha periodi", "lasciare vuota la colonna Periodo"));
                return null;
        }
    }
}
