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

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/>, one row per change.</summary>
    public static IReadOnlyList<PlanDifferenceView> Of(Plan from, Plan to) =>
        PlanHistory.Diff(from, to).SelectMany(d => d.Code == MethodologyCode
            ? MethodologyChanges(from.Methodology, to.Methodology)
            : [new PlanDifferenceView(d.Kind, d.Code, d.What, d.From, d.To, SentenceOf(d))]).ToList();

    /// <summary>Each rule that changed, as <c>Tolleranza: 10% → 5%</c>.</summary>
    public static IEnumerable<PlanDifferenceView> MethodologyChanges(Methodology from, Methodology to)
    {
        var before = MethodologyText.Rules(from).ToDictionary(r => r.Name, r => r.Value);
        var after = MethodologyText.Rules(to).ToDictionary(r => r.Name, r => r.Value);
        foreach (var name in before.Keys.Concat(after.Keys).Distinct())
        {
            var (a, b) = (before.GetValueOrDefault(name, "—"), after.GetValueOrDefault(name, "—"));
            if (a == b) continue;
            yield return new("modificato", MethodologyCode, Rules, $"{name} {a}", $"{name} {b}",
                $"{char.ToUpperInvariant(name[0])}{name[1..]}: {a} → {b}");
        }
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
