namespace PerformancePlan.Host.Application.Views;

/// <summary>A recorded value as users write it: <c>29/03/2019</c>, <c>55,5%</c>, <c>12</c>.</summary>
public static class ResultText
{
    public static string Of(ResultValue v, Indicator? indicator = null)
    {
        if (v.Date is { } d) return ItalianFormat.Date(d);
        var amount = v.Amount ?? 0;
        var target = indicator?.Targets.FirstOrDefault();
        if (indicator?.Measure == MeasureKind.YesNo) return amount == 1 ? "sì" : "no";
        if (target?.Milestone is not null) return ItalianFormat.Percent(amount) + " completato";
        if (target?.BaselineYear is { } year)
            return v.Reference is { } b
                ? $"{Plain(amount, indicator)} (nel {year}: {Plain(b, indicator)})"
                : $"{(amount > 0 ? "+" : "")}{ItalianFormat.Percent(amount)} rispetto al {year}";
        var text = indicator?.Measure == MeasureKind.DaysAfterPeriodClose ? ItalianFormat.Decimal(amount)
            : TargetText.Value(amount, indicator);
        return v.Reference is { } r && target?.Benchmark is { } name
            ? $"{text} ({name}: {TargetText.Value(r, indicator)})" : text;
    }

    static string Plain(decimal amount, Indicator? indicator) =>
        ItalianFormat.Decimal(amount) + (indicator?.Unit is { } u ? " " + u : "");

    /// <summary>
    /// An entry's note as a report prints it: a correction says which value it corrects, when that value was recorded
    /// and by whom, and why — in words, never by the corrected entry's id (which its stored note carries).
    /// </summary>
    /// <param name="entry">The entry whose note is printed.</param>
    /// <param name="entries">The indicator's entries, among which the corrected one.</param>
    /// <param name="indicator">The indicator, to print the corrected value with its unit.</param>
    /// <param name="named">False: the user who recorded the corrected value is not named (a publishable report).
    /// </param>
    public static string Note(ResultEntry entry, IEnumerable<ResultEntry> entries, Indicator? indicator = null,
        bool named = true)
    {
        if (entry.Corrects is not { } id) return entry.Note;
        var prefix = $"correzione di {id}";
        var reason = entry.Note.StartsWith(prefix, StringComparison.Ordinal)
            ? entry.Note[prefix.Length..].TrimStart(':', ' ') : entry.Note;
        var old = entries.FirstOrDefault(e => e.EntryId == id);
        var what = old is null ? "correzione di un valore registrato in precedenza"
            : $"correzione del valore {Of(old.Value, indicator)} riferito al {ItalianFormat.Date(old.ReferredTo)}, "
              + $"registrato{(named ? " da " + old.RecordedBy : "")} il {ItalianFormat.LocalTime(old.RecordedAt)}";
        return reason.Length > 0 ? $"{what}: {reason}" : what;
    }
}
