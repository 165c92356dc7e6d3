namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// One row of <c>pp_ledger</c> as read back: the stream's seal and, from the global chain (ADR 0016), its position,
/// its link, and the event's columns as the chain hashes them (<see cref="EventText"/> is null when the event row is
/// gone).
/// </summary>
/// <param name="Position">1, 2, 3… in the order the seals were committed; null if never linked.</param>
/// <param name="Link">SHA-256 of the previous link and <see cref="LedgerHash.GlobalCanonical"/> of this row.</param>
/// <param name="Sequence">The event's global sequence, when its row exists.</param>
/// <param name="EventText">Every column that gives the event its meaning, one per line, as PostgreSQL prints them.
/// </param>
/// <param name="Entity">The entity whose chain holds the seal (ADR 0024), null for streams of no plan.</param>
/// <param name="EntityPosition">1, 2, 3… among the entity's seals.</param>
/// <param name="EntityLink">SHA-256 of the entity chain's previous link and this row, as the global link.</param>
public sealed record LedgerSeal(
    string Stream, long Version, string Hash, long? Position, string? Link, long? Sequence, string? EventText,
    string? Entity = null, long? EntityPosition = null, string? EntityLink = null);

/// <summary>The global chain's head as the database keeps it: how many seals, and the last link.</summary>
public sealed record LedgerChainHead(long Position, string Link);

/// <summary>A stream's row in <c>mt_streams</c>: the version writers check against, and the archived flag.</summary>
public sealed record LedgerStreamState(string Stream, long Version, bool Archived);

/// <summary>
/// A signed checkpoint of the global chain's head (ADR 0016): after <paramref name="Position"/> seals the chain's link
/// was <paramref name="Link"/>; signed with Ed25519 by a key that is not in the database.
/// </summary>
/// <param name="Number">Its number in the database (1, 2, 3…), or 0 for one whose origin is not known.</param>
/// <param name="At">When it was taken (ISO instant), signed.</param>
/// <param name="Reason">Why: the command it followed (e.g. <c>plan approve</c>) or <c>ledger checkpoint</c>.</param>
/// <param name="KeyId">The signing key's fingerprint (16 hex digits of SHA-256 of the public key).</param>
/// <param name="Signature">Ed25519 signature of <see cref="LedgerHash.CheckpointMessage"/>, base64.</param>
public sealed record LedgerCheckpoint(
    long Number, long Position, string Link, string At, string By, string Reason, string KeyId, string Signature);

/// <summary>A checkpoint with its signature already checked by whoever holds the public key.</summary>
/// <param name="Authentic">True: signed by the trusted key; false: not; null: no public key to check it with.</param>
/// <param name="Source">Where it came from, for messages: «registro» or «file».</param>
public sealed record CheckedCheckpoint(LedgerCheckpoint Checkpoint, bool? Authentic, string Source);
