namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// An event of the ledger's own stream (<see cref="LedgerVerification.LedgerStream"/>). A marker only: it adds nothing
/// to the stored JSON nor to the event's type name.
/// </summary>
public interface ILedgerEvent;

/// <summary>
/// A digest of the whole ledger: every stream's head and their Merkle root, recorded in the stream <c>ledger</c>
/// and exported for the OIV to keep outside the system.
/// </summary>
public sealed record LedgerDigested(string Root, IReadOnlyList<LedgerHead> Heads, string DigestedBy, Instant DigestedAt)
    : ILedgerEvent;
