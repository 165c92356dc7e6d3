namespace PerformancePlan.Host.Application.Views;

/// <summary>
/// A score in a what-if comparison: realization and parametrata (percent 0–100, rounded by the rules that scored
/// it), band code (<c>achieved</c>…) and, under a band table, its outcome label.
/// </summary>
public sealed record WhatIfScoreView(decimal? Raw, decimal? Parametrata, string Band, string? Outcome)
{
    /// <summary>The view of a score.</summary>
    public static WhatIfScoreView From(Score s) =>
        new(s.ShownRaw, s.ShownParametrata, BandNames.Code(s.Band), s.Label);
}

/// <summary>The entity, an objective or an indicator under the rules in force and under the hypothesis.</summary>
public sealed record WhatIfItemView(string Code, string Level, string Description, WhatIfScoreView InForce,
    WhatIfScoreView Hypothesis, bool BandChanged);

/// <summary>
/// <c>perfplan oiv replay --methodology FILE --format json</c> and <c>POST /api/plans/{id}/oiv/what-if</c>: the
/// plan, events replayed, the methodology file, the situation asked (<c>asOf</c>, <c>knownAt</c>), the rules in force
/// and the file's rules as Italian sentences, how many bands change, and every score side by side. Nothing written.
/// </summary>
public sealed record WhatIfView(string Plan, long Events, string File, LocalDate? AsOf, Instant? KnownAt,
    IReadOnlyList<string> RulesInForce, IReadOnlyList<string> RulesHypothesis, int BandsChanged,
    IReadOnlyList<WhatIfItemView> Items)
{
    /// <summary>The view of a what-if replay.</summary>
    public static WhatIfView From(OivWhatIf w) => new(w.Plan.Id, w.Events, w.File, w.AsOf, w.KnownAt,
        w.RulesInForce, w.RulesHypothesis, w.Items.Count(i => i.BandChanged), w.Items.Select(i => new WhatIfItemView(
            i.Code, i.Level, i.Description, WhatIfScoreView.From(i.InForce), WhatIfScoreView.From(i.Hypothesis),
            i.BandChanged)).ToList());
}
