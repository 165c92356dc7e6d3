namespace PerformancePlan.Domain.Plans;

/// <summary>One value a target had: in which plan and version, from when, by which act and why.</summary>
public sealed record TargetChange(int TargetYear, YearTarget? Value, string Plan, int Version, string? Act,
    string Reason, LocalDate? EffectiveOn, Instant RecordedAt);

/// <summary>A difference between two versions of a plan.</summary>
public sealed record PlanDifference(string Kind, string Code, string What, string From, string To);

/// <summary>Pure readings of a plan's stream: versions, target lineage, differences.</summary>
public static class PlanHistory
{
    /// <summary>The plan as version <paramref name="version"/> left it (1 = as approved).</summary>
    public static Plan? AtVersion(IEnumerable<object> events, int version) =>
        Plan.Replay(events.TakeWhile(e => e is not PlanAmended a || a.Version <= version));

    /// <summary>
    /// Every value each target of the indicator <paramref name="lineage"/> had in one plan's stream. Targets defined
    /// with the plan count from its approval (version 1); revisions from their amendment's act.
    /// </summary>
    public static IEnumerable<TargetChange> TargetChanges(IReadOnlyList<object> events, string lineage)
    {
        Plan? state = null;
        PlanAmended? amendment = null;
        var initial = new List<(IndicatorDefined Definition, Instant At)>();
        Instant drafted = default;
        foreach (var e in events.OfType<IPlanEvent>())
        {
            var before = state;
            state = Plan.Evolve(state, e);
            switch (e)
            {
                case PlanDrafted d: drafted = d.DraftedAt; break;
                case IndicatorDefined d when amendment is null && state!.IndicatorOf(d.Code)!.Lineage == lineage:
                    initial.Add((d, drafted));
                    break;
                case PlanApproved a:
                    foreach (var (d, at) in initial)
                        foreach (var t in d.Targets)
                            yield return new TargetChange(t.Year, t, state!.Id, 1, a.Act,
                                state.RolledForwardFrom is { } from ? $"riportato dal piano {from}" : "definito nel "
                                    + "piano", a.On, at);
                    initial.Clear();
                    break;
                case PlanAmended a: amendment = a; break;
                case IndicatorDefined d when amendment is not null && state!.IndicatorOf(d.Code)!.Lineage == lineage:
                    foreach (var t in d.Targets)
                        yield return new TargetChange(t.Year, t, state.Id, amendment.Version, amendment.Act,
                            "indicatore aggiunto: " + amendment.Reason, amendment.EffectiveOn, amendment.AmendedAt);
                    break;
                case TargetRevised r when before!.IndicatorOf(r.Indicator)?.Lineage == lineage:
                    yield return new TargetChange(r.Year, r.Revised, state!.Id, amendment?.Version ?? 0,
                        amendment?.Act, r.Reason, amendment?.EffectiveOn, amendment?.AmendedAt ?? drafted);
                    break;
            }
        }
        foreach (var (d, at) in initial)   // a plan still in draft: its targets have no act yet
            foreach (var t in d.Targets)
                yield return new TargetChange(t.Year, t, state!.Id, 0, null, "bozza non ancora approvata", null, at);
    }

    public static IReadOnlyList<PlanDifference> Diff(Plan from, Plan to)
    {
        var diffs = new List<PlanDifference>();
        foreach (var n in to.Nodes.Where(n => from.Node(n.Code) is null))
            diffs.Add(new("aggiunto", n.Code, Labels.Of(n.Level), "", n.Description));
        foreach (var n in from.Nodes.Where(n => to.Node(n.Code) is null))
            diffs.Add(new("ritirato", n.Code, Labels.Of(n.Level), n.Description, ""));
        // Indicators are paired by identity (lineage), so a renumbering reads as one, not as a withdrawal and an
        // addition.
        Indicator? Same(Plan p, Indicator i) => p.Indicators.FirstOrDefault(x => x.Lineage == i.Lineage);
        foreach (var i in to.Indicators.Where(i => Same(from, i) is null))
            diffs.Add(new("aggiunto", i.Code, Labels.Of(i.Level), "", i.Description));
        foreach (var i in from.Indicators.Where(i => Same(to, i) is null))
            diffs.Add(new("ritirato", i.Code, Labels.Of(i.Level), i.Description, ""));
        foreach (var a in from.Indicators)
        {
            if (Same(to, a) is not { } b) continue;
            if (a.Code != b.Code) diffs.Add(new("rinumerato", b.Code, "codice", a.Code, b.Code));
            if (a.Parent != b.Parent) diffs.Add(new("modificato", b.Code, "padre", a.Parent, b.Parent));
            foreach (var year in a.Targets.Select(t => t.Year).Union(b.Targets.Select(t => t.Year)).Order())
                if (a.TargetFor(year) != b.TargetFor(year))
                    diffs.Add(new("modificato", b.Code, $"target {year}", Text(a.TargetFor(year)),
                        Text(b.TargetFor(year))));
            if (!a.Offices.SequenceEqual(b.Offices))
                diffs.Add(new("modificato", b.Code, "uffici", string.Join(' ', a.Offices),
                    string.Join(' ', b.Offices)));
            if (!a.Holders.SequenceEqual(b.Holders))
                diffs.Add(new("modificato", b.Code, "titolari", string.Join(' ', a.Holders),
                    string.Join(' ', b.Holders)));
        }
        foreach (var h in from.HolderCodes.Union(to.HolderCodes))
            foreach (var lineage in from.Indicators.Concat(to.Indicators).Select(i => i.Lineage).Distinct())
            {
                decimal W(Plan p) =>
                    p.Indicators.FirstOrDefault(x => x.Lineage == lineage) is { } x
                        && x.Holders.Contains(h) ? p.WeightOf(h, x.Code) : 0;
                var code = (to.Indicators.FirstOrDefault(x => x.Lineage == lineage)
                    ?? from.Indicators.First(x => x.Lineage == lineage)).Code;
                if (W(from) != W(to))
                    diffs.Add(new("modificato", code, $"peso {h}", ItalianFormat.Percent(W(from)),
                        ItalianFormat.Percent(W(to))));
            }
        if (from.Methodology != to.Methodology)
            diffs.Add(new("modificato", "metodologia", "regole di misurazione", from.Methodology.ToString(),
                to.Methodology.ToString()));
        return diffs;
    }

    public static string Text(YearTarget? t) => t is null ? "—"
        : t.Dates.Count > 0 ? string.Join(" e ", t.Dates.Select(ItalianFormat.Date))
        : ItalianFormat.Decimal(t.Amount ?? 0);
}
