namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// An event of the ledger's own stream (<see cref="LedgerVerification.LedgerStream"/>). A marker only: it adds nothing
/// to the stored JSON nor to the event's type name.
/// </summary>
public interface ILedgerEvent;

/// <summary>
/// A digest of the whole ledger, recorded in the stream <c>ledger</c> and exported for the OIV to keep outside the
/// system: the Merkle root of every stream's head, the global chain's count and link then (ADR 0023), and the heads
/// of the streams written since the previous digest (every head, in digests recorded before ADR 0023).
/// </summary>
/// <param name="Position">Seals in the global chain when it was taken; null in digests before ADR 0023.</param>
/// <param name="Link">The global chain's link at <paramref name="Position"/>.</param>
public sealed record LedgerDigested(string Root, IReadOnlyList<LedgerHead> Heads, string DigestedBy, Instant DigestedAt,
    long? Position = null, string? Link = null) : ILedgerEvent;
