using PerformancePlan.Domain.Calendar;
using PerformancePlan.Domain.Results;

namespace PerformancePlan.Domain.Scoring;

/// <summary>
/// The methodology of the plan (BRIEF §3) applied to its results: a pure function of the plan and its entries,
/// so the live read model, a rebuild and the OIV's replay all compute the same numbers the same way. Round, then
/// band: every score (an indicator's, each objective's, area's and the entity's) is banded on its figure rounded by
/// the methodology's rule, the figure users read; the means run on the exact figures.
/// </summary>
public static class PlanScoring
{
    public static ObjectiveScores Score(Plan plan, IEnumerable<IndicatorResults> results)
    {
        var byCode = results.ToDictionary(r => r.Indicator);
        // An indicator renumbered in this plan keeps the entries recorded under its earlier codes.
        IndicatorResults? ResultsOf(Indicator i) =>
            i.PreviousCodes.Append(i.Code).Select(byCode.GetValueOrDefault).OfType<IndicatorResults>()
            .Aggregate((IndicatorResults?)null,
                (all, r) => all is null ? r : all with { Entries = all.Entries.AddRange(r.Entries) });
        var m = plan.Methodology;
        var indicators = plan.Indicators.Select(i => ScoreIndicator(plan, i, ResultsOf(i))).ToList();
        var indicatorScores = indicators.ToDictionary(i => i.Code, i => i.Score);
        var nodeScores = new Dictionary<string, Score>();
        foreach (var top in plan.TopNodes) ScoreNode(plan, top, indicatorScores, nodeScores, 0);

        var topCodes = plan.TopNodes.Select(n => n.Code).ToHashSet();
        var entity = Roll(Gather(plan.TopNodes.Select(n => (nodeScores[n.Code], n.Weight)),
            m.RollUpOf(Labels.Of(Level.Entity))), m, Labels.Of(Level.Entity));
        var areas = plan.TopNodes.Select(n => new NodeScore(n.Code, n.Level, nodeScores[n.Code])
            { LevelName = n.LevelName }).ToList();
        var objectives = plan.Nodes.Where(n => !topCodes.Contains(n.Code))
            .Select(n => new NodeScore(n.Code, n.Level, nodeScores[n.Code]) { LevelName = n.LevelName })
            .ToList();
        return new ObjectiveScores(plan.Id, plan.IsClosed, new NodeScore(Codes.EntityCode, Level.Entity, entity),
            areas, objectives, indicators);
    }

    /// <summary>
    /// An objective's score (BRIEF §3, for any hierarchy): the roll-up of its child objectives (mean, or weighted by
    /// their <i>Peso</i>) and the mean of its own indicators, mixed by its level's share when it has both (seed: 40%
    /// operational objectives + 60% strategic indicators); when one side has nothing measured, the other counts 100%.
    /// Banded with its level's tolerance and threshold.
    /// </summary>
    static Score ScoreNode(Plan plan, PlanNode node, IReadOnlyDictionary<string, Score> indicatorScores,
        Dictionary<string, Score> nodeScores, int depth)
    {
        var m = plan.Methodology;
        // A tree cycle cannot be imported; the depth guard keeps a corrupted stream from recursing forever.
        var children = depth > 32 ? [] : plan.Children(node.Code)
            .Select(c => (ScoreNode(plan, c, indicatorScores, nodeScores, depth + 1), c.Weight)).ToList();
        var rollUp = m.RollUpOf(node.LevelName);
        var fromObjectives = Gather(children, rollUp);
        var fromIndicators = Gather(plan.IndicatorsOf(node.Code).Select(i => (indicatorScores[i.Code], i.Weight)),
            rollUp);
        var share = m.ChildObjectivesWeightOf(node.LevelName);
        decimal? raw = (fromObjectives, fromIndicators) switch
        {
            (null, null) => null,
            (null, { } s) => s,
            ({ } o, null) => o,
            ({ } o, { } s) => (share * o + (100 - share) * s) / 100,
        };
        return nodeScores[node.Code] = Roll(raw, m, node.LevelName);
    }

    /// <summary>
    /// The measured children's parametrata gathered: their mean, or their mean weighted by <i>Peso</i> (a child
    /// without weight weighs 1); pending and neutralised children are left out; null when none is measured.
    /// </summary>
    static decimal? Gather(IEnumerable<(Score Score, decimal? Weight)> children, RollUp rollUp)
    {
        var measured = children.Where(c => c.Score.IsMeasured).ToList();
        if (rollUp == RollUp.Mean) return Realization.Mean(measured.Select(c => c.Score.Parametrata!.Value));
        var total = measured.Sum(c => c.Weight ?? 1);
        return measured.Count == 0 || total == 0 ? null
            : measured.Sum(c => (c.Weight ?? 1) * c.Score.Parametrata!.Value) / total;
    }

    public static IReadOnlyList<HolderScorecard> Scorecards(Plan plan, ObjectiveScores scores) =>
        plan.HolderCodes.Select(h => Scorecard(plan, scores, h)).ToList();

    public static HolderScorecard Scorecard(Plan plan, ObjectiveScores scores, string holder)
    {
        var items = scores.Indicators.Where(i => plan.IndicatorOf(i.Code)!.Holders.Contains(holder))
            .Select(i => new ScorecardItem(i.Code, plan.WeightOf(holder, i.Code), i.Score)).ToList();
        var measured = items.Where(i => i.Score.IsMeasured && i.Weight > 0).ToList();
        var total = measured.Sum(i => i.Weight);
        return new HolderScorecard(plan.Id, holder,
            total == 0 ? null : measured.Sum(i => i.Weight * i.Score.Parametrata!.Value) / total, items)
        {
            Decimals = plan.Methodology.Decimals,
        };
    }

    static IndicatorScore ScoreIndicator(Plan plan, Indicator i, IndicatorResults? results)
    {
        var target = i.TargetFor(plan.Year);
        var used = results?.Current(plan.ClosedAt) ?? [];
        if (plan.NeutralizationOf(i.Code) is not null)
            return new IndicatorScore(i.Code, i.Level, i.Parent, i.Measure, i.Comparator, target, used, [],
                Scoring.Score.Neutralized);
        var m = plan.Methodology;
        var periods = target is null ? []
            : Realize(i, target, used, plan.IsClosed, m.RealizationCap, m.CalendarInForce);
        var r = Realization.Mean(periods.Where(p => p.Realization is not null).Select(p => p.Realization!.Value));
        if (r is null && plan.IsClosed) r = 0;
        // At the close a per-period measure realises 0 for each missing period; with no entry, the 0 is the rule's.
        var zeroAtClose = plan.IsClosed && used.Count == 0;
        var score = r is null ? Scoring.Score.Pending : Scoring.Score.Rounded(r.Value, m, i.LevelName);
        return new IndicatorScore(i.Code, i.Level, i.Parent, i.Measure, i.Comparator, target, used, periods, score)
        {
            ZeroAtClose = zeroAtClose,
        };
    }

    /// <summary>One realization per deadline or period (the whole indicator is one period otherwise).</summary>
    static IReadOnlyList<PeriodRealization> Realize(Indicator i, YearTarget t, IReadOnlyList<ResultEntry> used,
        bool closed, decimal cap, CalendarKind calendar = CalendarKind.Quadrimesters)
    {
        decimal? Missing() => closed ? 0 : null;
        switch (i.Measure)
        {
            case MeasureKind.Deadlines:
                return t.Dates.Select((d, k) =>
                {
                    var e = used.FirstOrDefault(x => x.Period == (k + 1).ToString());
                    return new PeriodRealization((k + 1).ToString(),
                        e?.Value.Date is { } c ? Realization.OfDeadline(d, c) : Missing());
                }).ToList();
            case MeasureKind.DaysAfterPeriodClose:
                return MonitoringCalendar.Codes(i.Calendar ?? calendar).Select(q =>
                {
                    var e = used.FirstOrDefault(x => x.Period == q);
                    return new PeriodRealization(q,
                        e?.Value.Amount is { } days ? Realization.OfAmount(Comparator.AtMost, t.Amount ?? 0,
                            days) : Missing());
                }).ToList();
            default:
                var entry = used.FirstOrDefault();
                decimal? r = entry is null ? null
                    : i.Measure == MeasureKind.Deadline ? (entry.Value.Date is { } c
                        && t.Dates.Count > 0 ? Realization.OfDeadline(t.Dates[0], c) : null)
                    : Realization.Of(i.Measure, i.Comparator, t, entry.Value, cap);
                return [new PeriodRealization("", r)];
        }
    }

    static Score Roll(decimal? raw, Methodology m, string level) =>
        raw is null ? Scoring.Score.Pending : Scoring.Score.Rounded(raw.Value, m, level);
}
