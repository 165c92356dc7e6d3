namespace PerformancePlan.Domain.Entities;

// Events of an administration's own stream: mergers (issue #10). An administration exists in the store from its first
// plan; its stream records only what happens to the administration itself.

/// <summary>An event of an administration's own stream (not of one of its plans).</summary>
public interface IEntityEvent
{
    /// <summary>The administration whose stream holds the event, e.g. <c>cciaa-tno</c>.</summary>
    string Entity { get; }
}

/// <summary>
/// Where a predecessor's ledger chain stood when it was merged: the position (1-based count of its sealed events, 0 for
/// an administration with no history) and the hex link of its entity chain at that position (empty for 0). The
/// successor's verification proves the predecessor's whole history up to the merger against these (ADR 0024, 0030).
/// </summary>
public sealed record PredecessorHead(string Entity, long Position, string Link);

/// <summary>
/// Administrations <see cref="Predecessors"/> were merged into <see cref="Entity"/> (the successor) from
/// <see cref="On"/> (Europe/Rome) by the act <see cref="Act"/>, e.g. CCIAA Massa-Carrara, Lucca and Pisa into CCIAA
/// Toscana Nord-Ovest on 01/07/2022 (D.M. 16/02/2018). Each predecessor's ledger head is recorded: its streams are
/// neither copied nor rewritten.
/// </summary>
public sealed record EntityMerged(string Entity, string Name, LocalDate On, string Act,
    IReadOnlyList<PredecessorHead> Predecessors, string MergedBy, Instant MergedAt) : IEntityEvent;

/// <summary>
/// The administration <see cref="Entity"/> ceased on <see cref="On"/> (Europe/Rome), merged into
/// <see cref="Successor"/> by <see cref="Act"/>: from then on its history is read-only.
/// </summary>
public sealed record EntityDissolved(string Entity, string Successor, LocalDate On, string Act, string DissolvedBy,
    Instant DissolvedAt) : IEntityEvent;
