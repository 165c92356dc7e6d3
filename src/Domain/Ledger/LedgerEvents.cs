namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// An event of the ledger's own stream (<see cref="LedgerVerification.LedgerStream"/>). A marker only: it adds nothing
/// to the stored JSON nor to the event's type name.
/// </summary>
public interface ILedgerEvent;

/// <summary>
/// A digest of the whole ledger, recorded in the stream <c>ledger</c> and exported for the OIV to keep outside the
/// system: the Merkle root of every stream's head, the global chain's count and link then (ADR 0023), and each
/// administration's chain head (ADR 0024) — a few lines per entity, whatever the number of streams. Digests recorded
/// before ADR 0024 list stream heads instead (those written since the previous digest; before ADR 0023, every one).
/// </summary>
/// <param name="Heads">Stream heads, in digests before ADR 0024; empty since.</param>
/// <param name="Position">Seals in the global chain when it was taken; null in digests before ADR 0023.</param>
/// <param name="Link">The global chain's link at <paramref name="Position"/>.</param>
/// <param name="Entities">Each entity chain's head then (ADR 0024); null in digests before it.</param>
public sealed record LedgerDigested(string Root, IReadOnlyList<LedgerHead> Heads, string DigestedBy, Instant DigestedAt,
    long? Position = null, string? Link = null, IReadOnlyList<EntityHead>? Entities = null) : ILedgerEvent;

/// <summary>An administration's chain head (ADR 0024): after <paramref name="Position"/> seals, its link.</summary>
public sealed record EntityHead(string Entity, long Position, string Link);
