namespace PerformancePlan.Host.Application.Views;

/// <summary>
/// One difference between two versions of a plan, in the words users read (<c>plan diff</c>): what changed, from
/// what to what, and <paramref name="Sentence"/>, the same as one Italian line (<c>Tolleranza: 10% → 5%</c>). Never a
/// type name: a change of the methodology is one row per rule.
/// </summary>
public sealed record PlanDifferenceView(string Kind, string Code, string What, string From, string To,
    string Sentence);

/// <summary>The differences of <see cref="PlanHistory.Diff"/>, described for people.</summary>
public static class PlanDiffView
{
    const string MethodologyCode = "metodologia";
    const string Rules = "regole di misurazione";

    /// <summary>The rules of a methodology as users name them; values are percentages.</summary>
    static readonly (string Name, Func<Methodology, decimal> Value)[] RuleNames =
    [
        ("tolleranza", m => m.TolerancePercent),
        ("soglia critica", m => m.CriticalThresholdPercent),
        ("peso degli obiettivi operativi negli obiettivi strategici", m => m.OperationalObjectivesWeightPercent),
        ("peso degli indicatori strategici negli obiettivi strategici", m => m.StrategicIndicatorsWeightPercent),
    ];

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/>, one row per change.</summary>
    public static IReadOnlyList<PlanDifferenceView> Of(Plan from, Plan to) =>
        PlanHistory.Diff(from, to).SelectMany(d => d.Code == MethodologyCode
            ? MethodologyChanges(from.Methodology, to.Methodology)
            : [new PlanDifferenceView(d.Kind, d.Code, d.What, d.From, d.To, SentenceOf(d))]).ToList();

    /// <summary>Each rule that changed, as <c>Tolleranza: 10% → 5%</c>.</summary>
    public static IEnumerable<PlanDifferenceView> MethodologyChanges(Methodology from, Methodology to)
    {
        var changed = RuleNames.Where(r => r.Value(from) != r.Value(to)).ToList();
        foreach (var (name, value) in changed)
        {
            var (a, b) = (ItalianFormat.Percent(value(from)), ItalianFormat.Percent(value(to)));
            yield return new("modificato", MethodologyCode, Rules, $"{name} {a}", $"{name} {b}",
                $"{char.ToUpperInvariant(name[0])}{name[1..]}: {a} → {b}");
        }
        if (changed.Count == 0 && from != to)   // a rule this view does not name yet: say so, never print the type
            yield return new("modificato", MethodologyCode, Rules, "", "",
                "Regole di misurazione modificate: vedere «perfplan plan show» delle due versioni");
    }

    static string SentenceOf(PlanDifference d) => d.Kind switch
    {
        "aggiunto" => $"Nuovo elemento: {d.What} {d.Code} «{d.To}»",
        "ritirato" => $"Elemento ritirato: {d.What} {d.Code} «{d.From}»",
        "rinumerato" => $"Indicatore {d.From} rinumerato {d.To}",
        _ => $"{d.Code}, {d.What}: {Or(d.From)} → {Or(d.To)}",
    };

    static string Or(string text) => text.Length > 0 ? text : "—";
}
