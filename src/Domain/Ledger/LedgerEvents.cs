using NodaTime;

namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// A digest of the whole ledger: every stream's head and their Merkle root, recorded in the stream <c>ledger</c>
/// and exported for the OIV to keep outside the system.
/// </summary>
public sealed record LedgerDigested(string Root, IReadOnlyList<LedgerHead> Heads, string DigestedBy, Instant DigestedAt);
