using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Entities;

namespace PerformancePlan.Domain.Plans;

/// <summary>Draft next year's plan from this one: same tree, horizon moved on a year, targets carried over.</summary>
public sealed record RollPlanForward(string FromPlanId, string ToPlanId, Actor By, Instant Now);

public static class RollForwardDecider
{
    /// <summary>
    /// The next year's draft of <paramref name="from"/>'s administration — or, when that administration was merged,
    /// of its successor <paramref name="successor"/> (issue #10): the successor's first plan carries the predecessor's
    /// indicators over with their lineage, so a target's history crosses the merger.
    /// </summary>
    /// <exception cref="DomainException">No such plan, the next plan exists, or <c>ToPlanId</c> is not the next year's
    /// plan of the administration (or of its successor).</exception>
    public static IReadOnlyList<IPlanEvent> Decide(RollPlanForward c, Plan? from, Plan? existing,
        Administration? successor = null)
    {
        var p = from ?? throw new PlanNotFoundException(c.FromPlanId);
        AccessPolicy.Require(c.By, Capability.RollForwardPlan);
        if (existing is not null) throw new DomainException($"Il piano {c.ToPlanId} esiste già.");
        var year = p.Year + 1;
        var (entity, name) = successor is { } s ? (s.Entity, s.Name ?? p.EntityName) : (p.Entity, p.EntityName);
        if (c.ToPlanId != $"{entity}-{year}")
            throw new DomainException($"Il piano che segue {p.Id} è {entity}-{year}"
                + (successor is null ? "" : $" (l'ente {p.Entity} è confluito in {entity})") + $", non {c.ToPlanId}.");
        var horizon = Enumerable.Range(year, p.Horizon.Count).ToList();

        var events = new List<IPlanEvent>
        {
            new PlanDrafted(c.ToPlanId, entity, name, year, horizon, p.EntityBudget, p.Methodology,
                c.By.User, c.Now) { RolledForwardFrom = p.Id },
        };
        foreach (var node in Ordered(p)) events.Add(Definitions.Of(node));
        foreach (var i in p.Indicators)
            events.Add(Definitions.Of(i, horizon.Select(y => Carry(i, y)).OfType<YearTarget>().ToList(), false));
        events.AddRange(p.Weights);
        return events;
    }

    /// <summary>
    /// The old plan's target for that year, else its latest earlier target with deadlines moved to that year.
    /// </summary>
    public static YearTarget? Carry(Indicator i, int year)
    {
        if (i.TargetFor(year) is { } same) return same;
        var last = i.Targets.Where(t => t.Year < year).MaxBy(t => t.Year);
        return last is null ? null : new YearTarget(year, last.Amount,
            last.Dates.Select(d => d.PlusYears(year - last.Year)).ToList());
    }

    /// <summary>Parents before children, so the new stream reads like the old one.</summary>
    static IEnumerable<PlanNode> Ordered(Plan p)
    {
        IEnumerable<PlanNode> Walk(string parent) => p.Children(parent).SelectMany(n => Walk(n.Code).Prepend(n));
        return Walk(Codes.EntityCode);
    }
}
