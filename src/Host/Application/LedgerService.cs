using System.Data;
using System.Text.Json;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// A digest as exported to a file: the root, the heads of the streams written since the previous digest (every
/// stream's, in files before ADR 0023), and the global chain's count and link the root was taken at.
/// </summary>
public sealed record LedgerDigestFile(string Root, IReadOnlyList<LedgerHead> Heads, Instant At, long? Position = null,
    string? Link = null);

/// <summary>
/// A signed checkpoint as exported to a file the OIV keeps (ADR 0016): the global chain's count and link, when, by
/// whom, why, and the public key that checks its Ed25519 signature.
/// </summary>
public sealed record LedgerCheckpointFile(
    long Number, long Position, string Link, string At, string By, string Reason, string KeyId, string PublicKey,
    string Signature)
{
    /// <summary>The checkpoint as the domain checks it.</summary>
    public LedgerCheckpoint ToCheckpoint() => new(Number, Position, Link, At, By, Reason, KeyId, Signature);
}

/// <summary>What the OIV brings to a verification, all optional.</summary>
/// <param name="Digest">A digest kept outside the system, whose heads the history must still extend.</param>
/// <param name="Checkpoint">A checkpoint kept outside the system, which the global chain must still extend.</param>
/// <param name="PublicKey">The public key (base64) that signs checkpoints, or several separated by commas (after a
/// rotation); by default the configured key's, else the one in <paramref name="Checkpoint"/>.</param>
public sealed record LedgerEvidence(
    LedgerDigestFile? Digest = null, LedgerCheckpointFile? Checkpoint = null, string? PublicKey = null);

/// <summary>
/// Reads the raw rows of the event table and of the ledger's tables (SQL, not Marten's documents) in one snapshot and
/// the digests recorded in the ledger's stream; the domain's <see cref="LedgerVerification"/> judges them (ADR 0008,
/// 0016). Takes signed checkpoints of the global chain's head.
/// </summary>
public sealed partial class LedgerService(IDocumentStore store, IClock clock)
{
    /// <summary>The ledger's own stream, where digests are recorded.</summary>
    public const string LedgerStream = LedgerVerification.LedgerStream;

    string Schema => store.Options.Events.DatabaseSchemaName;

    /// <summary>Verifies one plan's streams (or all, when <paramref name="planId"/> is null).</summary>
    /// <param name="digest">A digest kept outside the system, whose heads the history must still extend.</param>
    public Task<LedgerReport> VerifyAsync(PlanId? planId, LedgerDigestFile? digest, CancellationToken ct) =>
        VerifyWithAsync(planId, new LedgerEvidence(digest), ct);

    /// <summary>Verifies one plan's streams (or all), the global chain and every checkpoint.</summary>
    public Task<LedgerReport> VerifyWithAsync(PlanId? planId, LedgerEvidence evidence, CancellationToken ct) =>
        ReadAsync(planId, evidence, null, ct);

    /// <summary>True when the plan has events (verification of an unknown plan is a mistake, not "0 events").
    /// </summary>
    public async Task<bool> KnowsPlanAsync(PlanId planId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamStateAsync(planId.Value, ct) is not null;
    }

    /// <summary>
    /// Records a digest of the whole ledger in its stream and returns it, for the OIV to keep: the root of every
    /// stream's head, the global chain's count and link, and the heads written since the previous digest (ADR 0023).
    /// </summary>
    /// <exception cref="DomainException">The ledger does not verify: no digest of an altered history.</exception>
    public async Task<LedgerDigestFile> DigestAsync(string by, CancellationToken ct)
    {
        var since = await LastDigestPositionAsync(ct);
        var report = await ReadAsync(null, new LedgerEvidence(), since, ct);
        if (report.FirstBad is { } bad && !report.Verified)
            throw new DomainException($"Il registro non è integro ({bad.Reason}, {bad.Stream} v{bad.Version}): "
                + "nessun digest su una storia alterata.");
        var heads = report.Heads.Where(h => h.Stream != LedgerStream).ToList();
        var at = clock.GetCurrentInstant();
        await using var session = CommandSession.Open(store, by, "ledger digest", at);
        // Appended without an aggregate: two digests at once collide on the ledger's (stream, version) key instead.
        session.Events.Append(LedgerStream,
            new LedgerDigested(report.Head, heads, by, at, report.Position, report.Link));
        await session.SaveChangesAsync(ct);
        return new LedgerDigestFile(report.Head, heads, at, report.Position, report.Link);
    }

    /// <summary>The global position of the last digest that names one; 0 when none does (every head is listed).
    /// </summary>
    async Task<long> LastDigestPositionAsync(CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("select coalesce(max((data->>'position')::bigint), 0) "
            + $"from {Schema}.mt_events where stream_id = '{LedgerStream}' and type = 'ledger_digested'", conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    /// <summary>The JSON of digest and checkpoint files (<see cref="AppJson"/>).</summary>
    public static readonly JsonSerializerOptions FileJson = AppJson.Options;
}
