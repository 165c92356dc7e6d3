using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Entities;

/// <summary>
/// Merge <paramref name="Predecessors"/> into <paramref name="Successor"/> (named <paramref name="Name"/>) from
/// <paramref name="On"/> (Europe/Rome) by the act <paramref name="Act"/>.
/// </summary>
public sealed record MergeEntities(string Successor, string Name, IReadOnlyList<string> Predecessors, LocalDate On,
    string Act, Actor By, Instant Now);

/// <summary>What a merger writes: the successor's event and each predecessor's dissolution.</summary>
public sealed record MergerDecision(EntityMerged Merged, IReadOnlyList<EntityDissolved> Dissolved);

/// <summary>Mergers of administrations (issue #10; ADR 0030).</summary>
public static class MergerDecider
{
    /// <summary>
    /// Decides a merger from the administrations' states (<paramref name="states"/>, by code; missing means no history
    /// of its own stream) and the predecessors' ledger heads as they stand now (<paramref name="heads"/>; missing means
    /// no sealed event). The merger is recorded on or after its date (an act is not dated in the future), so each
    /// predecessor's recorded head is its last: from the merger on it takes no writes.
    /// </summary>
    /// <exception cref="ForbiddenException">The user may not merge administrations.</exception>
    /// <exception cref="DomainException">No predecessor, the successor among them, a predecessor named twice or already
    /// dissolved, a dissolved successor, no act, no name, or a date in the future.</exception>
    public static MergerDecision Decide(MergeEntities c, IReadOnlyDictionary<string, Administration> states,
        IReadOnlyDictionary<string, PredecessorHead> heads)
    {
        AccessPolicy.Require(c.By, Capability.MergeEntities);
        if (c.Predecessors.Count == 0)
            throw new DomainException("Indicare almeno un ente che confluisce (--from), es. --from cciaa-ms cciaa-lu.");
        if (c.Predecessors.Contains(c.Successor))
            throw new DomainException($"L'ente {c.Successor} non può confluire in se stesso: togliere {c.Successor} "
                + "da --from.");
        if (c.Predecessors.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"L'ente {twice.Key} è indicato due volte in --from.");
        if (Of(states, c.Successor).Dissolution is { } gone)
            throw new DomainException($"L'ente {c.Successor} è cessato il {ItalianFormat.Date(gone.On.PlusDays(-1))} "
                + $"(confluito in {gone.Successor}): non può ricevere altri enti.");
        foreach (var p in c.Predecessors)
            if (Of(states, p).Dissolution is { } d)
                throw new DomainException($"L'ente {p} è già confluito in {d.Successor} dal {ItalianFormat.Date(d.On)} "
                    + $"({d.Act}).");
        if (string.IsNullOrWhiteSpace(c.Act))
            throw new DomainException("Indicare l'atto della fusione, es. «D.M. 16/02/2018».");
        if (string.IsNullOrWhiteSpace(c.Name))
            throw new DomainException($"Indicare la denominazione dell'ente {c.Successor} (--name), es. «Camera di "
                + "Commercio della Toscana Nord-Ovest».");
        var today = c.Now.InZone(ItalianFormat.Rome).Date;
        if (c.On > today)
            throw new DomainException($"La fusione dal {ItalianFormat.Date(c.On)} è futura (oggi è "
                + $"{ItalianFormat.Date(today)}): si registra dalla sua data in poi, quando gli enti che confluiscono "
                + "smettono di scrivere.");
        var act = c.Act.Trim();
        var recorded = c.Predecessors.Select(p => heads.GetValueOrDefault(p) ?? new PredecessorHead(p, 0, ""))
            .ToList();
        return new MergerDecision(
            new EntityMerged(c.Successor, c.Name.Trim(), c.On, act, recorded, c.By.User, c.Now),
            [.. c.Predecessors.Select(p => new EntityDissolved(p, c.Successor, c.On, act, c.By.User, c.Now))]);
    }

    /// <summary>
    /// Every administration whose history <paramref name="entity"/> carries on, itself first, then its predecessors
    /// and theirs (a predecessor may itself have absorbed others), each once.
    /// </summary>
    public static IReadOnlyList<string> LineageOf(string entity, Func<string, Administration> state)
    {
        var seen = new List<string>();
        var queue = new Queue<string>([entity]);
        while (queue.TryDequeue(out var e))
        {
            if (seen.Contains(e)) continue;
            seen.Add(e);
            foreach (var p in state(e).Predecessors) queue.Enqueue(p.Entity);
        }
        return seen;
    }

    static Administration Of(IReadOnlyDictionary<string, Administration> states, string entity) =>
        states.GetValueOrDefault(entity) ?? Administration.New(entity);
}
