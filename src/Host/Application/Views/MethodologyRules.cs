using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Host.Application.Views;

/// <summary>A plan's measurement system as Italian sentences, one a rule (what-if replay, side by side).</summary>
public static class MethodologyRules
{
    /// <summary>
    /// The rules of <paramref name="m"/>: tolerance and critical threshold, the 40/60 mix, rounding, then whatever
    /// the plan declares beyond the seed (levels, rules per level, band table, cap, holder weights, calendar).
    /// </summary>
    public static IReadOnlyList<string> Sentences(Methodology m)
    {
        string P(decimal d) => ItalianFormat.Percent(d);
        var lines = new List<string>
        {
            $"Tolleranza {P(m.TolerancePercent)}: raggiunto da {P(100 - m.TolerancePercent)} in su.",
            $"Soglia critica {P(m.CriticalThresholdPercent)}: sotto, assolutamente non raggiunto (parametrata 0).",
            $"Obiettivi con obiettivi e indicatori propri: {P(m.OperationalObjectivesWeightPercent)} dagli obiettivi, "
                + $"{P(m.StrategicIndicatorsWeightPercent)} dagli indicatori.",
            "Figure" + MethodologyText.Rounding(m)["figure".Length..] + ".",
        };
        if (m.Levels is { } levels) lines.Add($"Livelli: {string.Join(" > ", levels)}.");
        foreach (var r in m.LevelRules ?? [])
        {
            var parts = new List<string>();
            if (r.TolerancePercent is { } t) parts.Add($"tolleranza {P(t)}");
            if (r.CriticalThresholdPercent is { } c) parts.Add($"soglia critica {P(c)}");
            if (r.ChildObjectivesWeightPercent is { } w) parts.Add($"{P(w)} dagli obiettivi figli");
            if (r.RollUp is { } u) parts.Add(u == RollUp.WeightedMean ? "media ponderata per Peso" : "media semplice");
            if (r.OwnIndicators is { } o) parts.Add(o ? "con indicatori propri" : "senza indicatori propri");
            var level = r.Level == LevelRule.EveryLevel ? "Ogni livello" : r.Level;
            if (parts.Count > 0) lines.Add($"{level}: {string.Join(", ", parts)}.");
        }
        foreach (var b in m.Bands ?? [])
            lines.Add($"Fascia «{b.Label}»: da {P(b.FromPercent)} a {P(b.ToPercent)}"
                + (b.ParametrataFrom is { } f && b.ParametrataTo is { } to
                    ? $" → {ItalianFormat.Decimal(f)}–{ItalianFormat.Decimal(to)} punti." : "."));
        if (m.OverAchievementCapPercent is { } cap) lines.Add($"Sovraperformance riconosciuta fino a {P(cap)}.");
        if (m.HolderWeighting == HolderWeighting.Relative)
            lines.Add("Pesi dei titolari relativi, normalizzati a 100.");
        var calendar = m.CalendarInForce;
        lines.Add($"Calendario: {MonitoringCalendar.Name(calendar)} "
            + $"({string.Join(", ", MonitoringCalendar.Codes(calendar))}).");
        return lines;
    }
}
