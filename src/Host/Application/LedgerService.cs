using System.Data;
using System.Text.Json;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>A digest as exported to a file: the root and every head it commits to.</summary>
public sealed record LedgerDigestFile(string Root, IReadOnlyList<LedgerHead> Heads, Instant At);

/// <summary>
/// Reads the raw rows of the event table (SQL, not Marten's documents) and the sealed hashes in one snapshot, and the
/// digests recorded in the ledger's stream; the domain's <see cref="LedgerVerification"/> judges them (ADR 0008).
/// </summary>
public sealed class LedgerService(IDocumentStore store, IClock clock)
{
    /// <summary>The ledger's own stream, where digests are recorded.</summary>
    public const string LedgerStream = LedgerVerification.LedgerStream;

    string Schema => store.Options.Events.DatabaseSchemaName;

    /// <summary>Verifies one plan's streams (or all, when <paramref name="planId"/> is null).</summary>
    /// <param name="digest">A digest kept outside the system, whose heads the history must still extend.</param>
    public async Task<LedgerReport> VerifyAsync(PlanId? planId, LedgerDigestFile? digest, CancellationToken ct)
    {
        var (rows, sealedHashes) = await ReadAsync(planId, ct);
        var recorded = await RecordedDigestsAsync(planId, ct).ConfigureAwait(false);
        var kept = digest is null ? null : new KeptDigest(digest.Root, digest.Heads);
        return LedgerVerification.Verify(rows, sealedHashes, recorded, kept, planId?.Value);
    }

    /// <summary>Records a digest of the whole ledger in its stream and returns it, for the OIV to keep.</summary>
    /// <exception cref="DomainException">The ledger does not verify: no digest of an altered history.</exception>
    public async Task<LedgerDigestFile> DigestAsync(string by, CancellationToken ct)
    {
        var report = await VerifyAsync(null, null, ct);
        if (report.FirstBad is { } bad && !report.Verified)
            throw new DomainException($"Il registro non è integro ({bad.Reason}, {bad.Stream} v{bad.Version}): "
                + "nessun digest su una storia alterata.");
        var heads = report.Heads.Where(h => h.Stream != LedgerStream).ToList();
        var root = LedgerHash.MerkleRoot(heads);
        var at = clock.GetCurrentInstant();
        await using var session = CommandSession.Open(store, by, "ledger digest", at);
        // Appended without an aggregate: two digests at once collide on the ledger's (stream, version) key instead.
        session.Events.Append(LedgerStream, new LedgerDigested(root, heads, by, at));
        await session.SaveChangesAsync(ct);
        return new LedgerDigestFile(root, heads, at);
    }

    async Task<IReadOnlyList<LedgerDigested>> RecordedDigestsAsync(PlanId? planId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(LedgerStream, token: ct);
        return events.Select(e => e.Data).OfType<LedgerDigested>()
            .Select(d => d with
            {
                Heads = d.Heads.Where(h => planId is null || LedgerVerification.InPlan(h.Stream, planId.Value))
                    .ToList(),
            })
            .ToList();
    }

    async Task<(List<LedgerRow> Rows, Dictionary<(string, long), string> Sealed)> ReadAsync(
        PlanId? planId, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // One snapshot for both tables, so a write committing meanwhile cannot look like a deleted event.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var filter = planId is null ? "" : "where stream_id = @plan or stream_id like @prefix";
        var rows = new List<LedgerRow>();
        await using (var cmd = new NpgsqlCommand(
            "select seq_id, coalesce(stream_id, ''), version, type, data::text, coalesce(headers->>'user', ''), "
            + "coalesce(headers->>'at', ''), coalesce(correlation_id, ''), coalesce(is_archived, false) "
            + $"from {Schema}.mt_events {filter}", conn, tx))
        {
            Filter(cmd, planId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                rows.Add(new LedgerRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                    r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8)));
        }
        var sealedHashes = new Dictionary<(string, long), string>();
        await using (var cmd = new NpgsqlCommand(
            $"select stream_id, version, hash from {Schema}.{LedgerListener.Table} {filter}", conn, tx))
        {
            Filter(cmd, planId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) sealedHashes[(r.GetString(0), r.GetInt64(1))] = r.GetString(2);
        }
        return (rows, sealedHashes);
    }

    static void Filter(NpgsqlCommand cmd, PlanId? planId)
    {
        if (planId is null) return;
        cmd.Parameters.AddWithValue("plan", planId.Value);
        cmd.Parameters.AddWithValue("prefix", planId.Value + "/%");
    }

    /// <summary>The JSON of digest files (<see cref="AppJson"/>).</summary>
    public static readonly JsonSerializerOptions FileJson = AppJson.Options;
}
