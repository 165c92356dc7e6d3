namespace PerformancePlan.Domain.Entities;

/// <summary>
/// The index of mergers every door reads (ADR 0030): the dissolved administration <see cref="Id"/> (e.g.
/// <c>cciaa-ms</c>) and its <see cref="Successor"/> from <see cref="On"/> (Europe/Rome) by <see cref="Act"/>. Written
/// with <see cref="EntityDissolved"/> in the merger's transaction; one row per dissolved administration, in no
/// administration's tenant, so a successor's users find the predecessors they may read.
/// </summary>
public sealed record Succession(string Id, string Successor, LocalDate On, string Act)
{
    /// <summary>The succession an event of dissolution records.</summary>
    public static Succession Of(EntityDissolved d) => new(d.Entity, d.Successor, d.On, d.Act);
}
