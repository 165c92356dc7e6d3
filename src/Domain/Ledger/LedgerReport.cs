namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// One raw row of the event table as the ledger hashes it: global sequence, stream, version, type name, data as
/// JSON text, the sealed headers (who, when as ISO instant), the operation (correlation id) and the archived flag.
/// </summary>
public sealed record LedgerRow(
    long Sequence, string Stream, long Version, string Type, string Data, string User, string At, string Correlation,
    bool Archived);

/// <summary>
/// Something wrong in the ledger, located: stream, version, global sequence (when the row exists), what (Italian).
/// </summary>
public sealed record LedgerProblem(string Stream, long Version, long? Sequence, string Reason);

/// <summary>What a verification found, over <paramref name="Events"/> rows.</summary>
/// <param name="Verified">True when no problem was found.</param>
/// <param name="Head">The Merkle root of every stream's head but the ledger's own: what the OIV keeps outside.</param>
/// <param name="FirstBad">The earliest problem by global sequence (problems without a row come last).</param>
/// <param name="Heads">The recomputed heads collected (every stream's, the ledger's own included, or those written
/// since a position: <see cref="LedgerVerifier"/>), sorted by stream.</param>
public sealed record LedgerReport(
    bool Verified, long Events, string Head, LedgerProblem? FirstBad, IReadOnlyList<LedgerProblem> Problems,
    IReadOnlyList<LedgerHead> Heads)
{
    /// <summary>Seals in the global chain (every stream, every plan): its running count.</summary>
    public long Position { get; init; }

    /// <summary>The latest checkpoint the chain still extends and whose signature was proved, if any.</summary>
    public LedgerCheckpoint? LastCheckpoint { get; init; }

    /// <summary>Seals after <see cref="LastCheckpoint"/> (all of them when there is none): not yet provable.</summary>
    public long SealedSinceCheckpoint { get; init; }

    /// <summary>Checkpoints that could not be checked because no public key was given.</summary>
    public int UncheckedCheckpoints { get; init; }

    /// <summary>Streams with events that were verified.</summary>
    public long Streams { get; init; }

    /// <summary>The global chain's last link as read (after <see cref="Position"/> seals).</summary>
    public string Link { get; init; } = "";

    /// <summary>Each entity chain's head as read (ADR 0024), by entity: what a digest records.</summary>
    public IReadOnlyList<EntityHead> Entities { get; init; } = [];
}

/// <summary>
/// A digest kept outside the system (a file the OIV holds): the root, the heads it lists, and (since ADR 0023) the
/// global chain's count and link when it was taken, against which the root is recomputed.
/// </summary>
public sealed record KeptDigest(string Root, IReadOnlyList<LedgerHead> Heads, long? Position = null,
    string? Link = null, IReadOnlyList<EntityHead>? Entities = null);
