namespace PerformancePlan.Domain.Entities;

/// <summary>
/// What the store knows of one administration from its own stream: its name once a merger named it, the
/// administrations merged into it (with their ledger heads), and, once dissolved, its successor and the date. An
/// administration with no stream is active and has no predecessors.
/// </summary>
public sealed record Administration(string Entity, string? Name, IReadOnlyList<EntityMerged> Mergers,
    EntityDissolved? Dissolution)
{
    /// <summary>Predecessors merged into this administration, in merger order.</summary>
    public IEnumerable<PredecessorHead> Predecessors => Mergers.SelectMany(m => m.Predecessors);

    /// <summary>True once merged into a successor: no new writes, history read-only.</summary>
    public bool IsDissolved => Dissolution is not null;

    /// <summary>A new administration with no history.</summary>
    public static Administration New(string entity) => new(entity, null, [], null);

    /// <summary>The fold of the administration's stream.</summary>
    public static Administration Evolve(Administration? state, IEntityEvent e)
    {
        var s = state ?? New(e.Entity);
        return e switch
        {
            EntityMerged m => s with { Name = m.Name, Mergers = [.. s.Mergers, m] },
            EntityDissolved d => s with { Dissolution = d },
            _ => s,
        };
    }

    /// <summary>
    /// Refuses a write to a dissolved administration, saying where its functions went.
    /// </summary>
    /// <exception cref="DomainException">The administration was merged into a successor.</exception>
    public void RequireActive()
    {
        if (Dissolution is { } d)
            throw new DomainException($"L'ente {Entity} è cessato il {ItalianFormat.Date(d.On.PlusDays(-1))}: dal "
                + $"{ItalianFormat.Date(d.On)} le sue funzioni sono di {d.Successor} ({d.Act}). La sua storia è in "
                + "sola lettura: registrare nei piani del successore.");
    }
}
