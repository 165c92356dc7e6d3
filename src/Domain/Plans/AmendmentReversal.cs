namespace PerformancePlan.Domain.Plans;

/// <summary>
/// The changes that undo an amendment made by mistake: from the plan as it is now, back to the values the amended
/// items had before that version (a new amendment, citing the one it reverts; nothing is deleted).
/// </summary>
public static class AmendmentReversal
{
    /// <summary>
    /// Refused when a later version changed the same items (undoing would silently undo that too) or when the version
    /// was already reverted.
    /// </summary>
    public static IReadOnlyList<PlanChange> Changes(Plan before, Plan after, Plan current, int version,
        IEnumerable<PlanAmended> amendments)
    {
        if (amendments.FirstOrDefault(a => a.Reverts == version) is { } done)
            throw new Common.DomainException($"La variazione {version} è già stata annullata dalla versione "
                + $"{done.Version} ({done.Act}).");
        Indicator? SameIn(Plan p, Indicator i) => p.Indicators.FirstOrDefault(x => x.Lineage == i.Lineage);
        foreach (var a in after.Indicators)
        {
            var b = SameIn(before, a);
            var now = SameIn(current, a);
            var touched = b is null || a.Code != b.Code || a.Parent != b.Parent || !a.Targets.SequenceEqual(b.Targets)
                          || !a.Offices.SequenceEqual(b.Offices) || !a.Holders.SequenceEqual(b.Holders);
            if (touched
                && (now is null || now.Code != a.Code || now.Parent != a.Parent || !now.Targets.SequenceEqual(a.Targets)
                            || !now.Offices.SequenceEqual(a.Offices) || !now.Holders.SequenceEqual(a.Holders)))
                throw new Common.DomainException($"{a.Code}, modificato dalla variazione {version}, è stato cambiato "
                    + "ancora da una versione successiva: " +
                    "annullare prima quella, oppure registrare una variazione con i valori voluti.");
        }
        if (before.Methodology != after.Methodology && current.Methodology != after.Methodology)
            throw new Common.DomainException($"La metodologia cambiata dalla variazione {version} è stata cambiata "
                + "ancora: annullare prima la versione successiva.");
        return Changes(before, after);
    }

    static IReadOnlyList<PlanChange> Changes(Plan before, Plan after)
    {
        var changes = new List<PlanChange>();
        Indicator? Same(Plan p, Indicator i) => p.Indicators.FirstOrDefault(x => x.Lineage == i.Lineage);

        // Objectives it withdrew, parents first.
        foreach (var n in before.Nodes.Where(n => after.Node(n.Code) is null))
            changes.Add(new AddDefinition(Definitions.Of(n)));
        foreach (var i in before.Indicators.Where(i => Same(after, i) is null))       // indicators it withdrew
            changes.Add(new AddDefinition(Definitions.Of(i, i.Targets)));
        foreach (var b in before.Indicators)
        {
            if (Same(after, b) is not { } a) continue;
            if (a.Code != b.Code || a.Parent != b.Parent) changes.Add(new Renumber(a.Code, b.Code, b.Parent));
            foreach (var year in b.Targets.Select(t => t.Year).Union(a.Targets.Select(t => t.Year)))
                if (a.TargetFor(year) != b.TargetFor(year))
                    changes.Add(new ReviseTarget(b.Code, year, b.TargetFor(year)));
            if (!a.Offices.SequenceEqual(b.Offices) || !a.Holders.SequenceEqual(b.Holders))
                changes.Add(new Reassign(b.Code, b.Offices, b.Holders));
        }
        foreach (var i in after.Indicators.Where(i => Same(before, i) is null))       // indicators it added
            changes.Add(new Withdraw(i.Code));
        // Objectives it added, children first.
        foreach (var n in after.Nodes.Where(n => before.Node(n.Code) is null).Reverse())
            changes.Add(new Withdraw(n.Code));
        foreach (var holder in before.Weights.Select(w => w.Holder).Union(after.Weights.Select(w => w.Holder)))
        {
            var b = before.Weights.FirstOrDefault(w => w.Holder == holder)?.Weights ?? [];
            var a = after.Weights.FirstOrDefault(w => w.Holder == holder)?.Weights ?? [];
            if (!b.SequenceEqual(a)) changes.Add(new ChangeWeights(holder, b));
        }
        if (before.Methodology != after.Methodology) changes.Add(new ChangeMethodology(before.Methodology));
        return changes;
    }
}
