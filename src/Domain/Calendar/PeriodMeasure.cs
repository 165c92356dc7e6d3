using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Calendar;

/// <summary>
/// The calendar a plan row's <i>Misura</i> names for itself (<c>giorni dalla chiusura del trimestre</c>), and the
/// hint when an indicator's words speak of another calendar than the one it will be measured by.
/// </summary>
public static partial class PeriodMeasure
{
    /// <summary>
    /// The measure's name without the period (<c>giorni dalla chiusura del trimestre</c> → <c>giorni dalla
    /// chiusura</c>) and the calendar it names; the text itself and null when it names none.
    /// </summary>
    public static (string Measure, CalendarKind? Calendar) Split(string misura)
    {
        var m = OwnPeriod().Match(misura);
        if (!m.Success) return (misura, null);
        return (m.Groups[1].Value, m.Groups[2].Value.ToLowerInvariant() switch
        {
            "trimestre" => CalendarKind.Quarters,
            "semestre" => CalendarKind.Semesters,
            "mese" => CalendarKind.Months,
            _ => CalendarKind.Quadrimesters,
        });
    }

    /// <summary>
    /// The calendar the words of an indicator (its <i>Algoritmo</i> and <i>Descrizione</i>) speak of: quarters for
    /// «trimestr…», semesters for «semestr…», months for «mensil…» or «mese»; null when they speak of none.
    /// </summary>
    public static CalendarKind? Mentioned(string algorithm, string description)
    {
        var text = algorithm + " " + description;
        return Quarter().IsMatch(text) ? CalendarKind.Quarters
            : Semester().IsMatch(text) ? CalendarKind.Semesters
            : Month().IsMatch(text) ? CalendarKind.Months
            : null;
    }

    /// <summary>
    /// The warning for a per-period measure whose words speak of another calendar than <paramref name="inForce"/>,
    /// as (message, fix); null when they agree or say nothing.
    /// </summary>
    public static (string Message, string Fix)? Mismatch(string algorithm, string description, CalendarKind inForce)
    {
        if (Mentioned(algorithm, description) is not { } said || said == inForce) return null;
        var name = MonitoringCalendar.PeriodName(said);
        return ($"l'indicatore parla di {MonitoringCalendar.Name(said)}, ma sarà misurato per "
            + $"{MonitoringCalendar.Name(inForce)} ({string.Join(", ", MonitoringCalendar.Codes(inForce))})",
            $"scrivere in Misura «giorni dalla chiusura del {name}», o aggiungere al piano la riga di metodologia "
            + $"«calendario» = «{MonitoringCalendar.Name(said)}»");
    }

    [GeneratedRegex(@"^\s*(giorni dalla chiusura)\s+(?:del(?:lo)?\s+)?(quadrimestre|trimestre|semestre|mese)\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex OwnPeriod();

    [GeneratedRegex(@"(?<![a-z])trimestr", RegexOptions.IgnoreCase)] private static partial Regex Quarter();

    [GeneratedRegex(@"(?<![a-z])semestr", RegexOptions.IgnoreCase)] private static partial Regex Semester();

    [GeneratedRegex(@"mensil|(?<![a-z])mes[ei](?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Month();
}
