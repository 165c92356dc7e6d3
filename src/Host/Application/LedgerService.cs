using System.Text.Json;
using Marten;
using NodaTime;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>Something wrong in the ledger, located: stream, version, global sequence (when the row exists), what.</summary>
public sealed record LedgerProblem(string Stream, long Version, long? Sequence, string Reason);

/// <param name="Head">The Merkle root of every stream's head: what the OIV keeps outside the system.</param>
public sealed record LedgerReport(bool Verified, long Events, string Head, LedgerProblem? FirstBad, IReadOnlyList<LedgerProblem> Problems,
    IReadOnlyList<LedgerHead> Heads);

/// <summary>A digest as exported to a file: the root and every head it commits to.</summary>
public sealed record LedgerDigestFile(string Root, IReadOnlyList<LedgerHead> Heads, Instant At);

/// <summary>
/// Recomputes every chain from the raw rows of the event table (SQL, not Marten's documents), compares it with the
/// sealed hashes and with the digests recorded or kept outside, and names the first bad event (ADR 0008).
/// </summary>
public sealed class LedgerService(IDocumentStore store, IClock clock)
{
    public const string LedgerStream = "ledger";
    string Schema => store.Options.Events.DatabaseSchemaName;

    sealed record Row(long Sequence, string Stream, long Version, string Type, string Data, string User, string At, string Correlation, bool Archived);

    public async Task<LedgerReport> VerifyAsync(string? planId, LedgerDigestFile? digest, CancellationToken ct)
    {
        var (rows, sealedHashes) = await ReadAsync(planId, ct);
        var problems = new List<LedgerProblem>();
        var heads = new List<LedgerHead>();
        var computed = new Dictionary<(string, long), string>();
        foreach (var stream in rows.GroupBy(r => r.Stream).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var hash = "";
            long expected = 1;
            LedgerProblem? first = null;
            long previousSequence = 0;
            foreach (var row in stream.OrderBy(r => r.Version))
            {
                if (row.Version != expected && first is null)
                    first = new(row.Stream, expected, row.Sequence, $"manca la versione {expected}: un evento è stato cancellato");
                if (row.Sequence < previousSequence && first is null)
                    first = new(row.Stream, row.Version, row.Sequence, "evento riordinato: la sua sequenza precede quella della versione precedente");
                if (row.Archived && first is null)
                    first = new(row.Stream, row.Version, row.Sequence, "evento marcato come archiviato: nascosto alle letture");
                previousSequence = row.Sequence;
                expected = row.Version + 1;
                hash = LedgerHash.Next(hash, LedgerHash.CanonicalEvent(row.Type, row.Stream, row.Version, row.User, row.At, row.Correlation, LedgerHash.CanonicalJson(row.Data)));
                computed[(row.Stream, row.Version)] = hash;
                if (first is not null) continue;
                if (!sealedHashes.TryGetValue((row.Stream, row.Version), out var sealedHash))
                    first = new(row.Stream, row.Version, row.Sequence, "evento senza sigillo nel registro: inserito fuori dall'applicazione");
                else if (sealedHash != hash)
                    first = new(row.Stream, row.Version, row.Sequence, "contenuto, tipo, autore o data diversi da quelli sigillati: evento modificato o spostato");
            }
            var lastSealed = sealedHashes.Keys.Where(k => k.Item1 == stream.Key).Select(k => k.Item2).DefaultIfEmpty(0).Max();
            if (first is null && lastSealed >= expected)
                first = new(stream.Key, expected, null, $"il registro sigilla la versione {lastSealed} ma gli eventi finiscono alla {expected - 1}: eventi cancellati");
            if (first is not null) problems.Add(first);
            heads.Add(new LedgerHead(stream.Key, expected - 1, hash));
        }
        foreach (var vanished in sealedHashes.Keys.Select(k => k.Item1).Distinct().Where(s => rows.All(r => r.Stream != s)))
            problems.Add(new(vanished, 1, null, "lo stream è sigillato nel registro ma non ha più eventi: eventi cancellati"));

        foreach (var recorded in await RecordedDigestsAsync(planId, ct).ConfigureAwait(false))
            problems.AddRange(Extends(recorded.Heads, computed, $"digest registrato il {recorded.DigestedAt}"));
        if (digest is not null)
        {
            if (LedgerHash.MerkleRoot(digest.Heads) != digest.Root)
                problems.Add(new("digest", 0, null, "il file di digest non è integro: la radice non corrisponde alle teste"));
            problems.AddRange(Extends(digest.Heads.Where(h => planId is null || InPlan(h.Stream, planId)), computed, "digest esterno"));
        }
        var firstBad = problems.OrderBy(p => p.Sequence ?? long.MaxValue).ThenBy(p => p.Stream, StringComparer.Ordinal).FirstOrDefault();
        // The head is the root over every stream but the ledger's own: the same value `ledger digest` exports.
        return new LedgerReport(problems.Count == 0, rows.Count, LedgerHash.MerkleRoot(heads.Where(h => h.Stream != LedgerStream)), firstBad, problems, heads);
    }

    /// <summary>Every head of a digest must still be in the chain, with the same hash: history only grows.</summary>
    static IEnumerable<LedgerProblem> Extends(IEnumerable<LedgerHead> heads, Dictionary<(string, long), string> computed, string which) =>
        heads.Where(h => h.Version > 0 && (!computed.TryGetValue((h.Stream, h.Version), out var now) || now != h.Hash))
            .Select(h => new LedgerProblem(h.Stream, h.Version, null,
                computed.ContainsKey((h.Stream, h.Version))
                    ? $"la storia non estende il {which}: lo stream è stato riscritto fino alla versione {h.Version}"
                    : $"la versione {h.Version} presente nel {which} non esiste più"));

    public async Task<LedgerDigestFile> DigestAsync(string by, CancellationToken ct)
    {
        var report = await VerifyAsync(null, null, ct);
        if (!report.Verified)
            throw new PerformancePlan.Domain.Common.DomainException($"Il registro non è integro ({report.FirstBad!.Reason}, {report.FirstBad.Stream} v{report.FirstBad.Version}): nessun digest su una storia alterata.");
        var heads = report.Heads.Where(h => h.Stream != LedgerStream).ToList();
        var root = LedgerHash.MerkleRoot(heads);
        var at = clock.GetCurrentInstant();
        await using var session = CommandSession.Open(store, by, "ledger digest", at);
        // Appended without an aggregate: two digests at once collide on the ledger's (stream, version) key instead.
        session.Events.Append(LedgerStream, new LedgerDigested(root, heads, by, at));
        await session.SaveChangesAsync(ct);
        return new LedgerDigestFile(root, heads, at);
    }

    async Task<IReadOnlyList<LedgerDigested>> RecordedDigestsAsync(string? planId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(LedgerStream, token: ct);
        return events.Select(e => e.Data).OfType<LedgerDigested>()
            .Select(d => d with { Heads = d.Heads.Where(h => planId is null || InPlan(h.Stream, planId)).ToList() }).ToList();
    }

    async Task<(List<Row> Rows, Dictionary<(string, long), string> Sealed)> ReadAsync(string? planId, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // One snapshot for both tables, so a write committing meanwhile cannot look like a deleted event.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var filter = planId is null ? "" : "where stream_id = @plan or stream_id like @prefix";
        var rows = new List<Row>();
        await using (var cmd = new NpgsqlCommand(
            $"select seq_id, coalesce(stream_id, ''), version, type, data::text, coalesce(headers->>'user', ''), coalesce(headers->>'at', ''), " +
            $"coalesce(correlation_id, ''), coalesce(is_archived, false) from {Schema}.mt_events {filter}", conn, tx))
        {
            if (planId is not null) { cmd.Parameters.AddWithValue("plan", planId); cmd.Parameters.AddWithValue("prefix", planId + "/%"); }
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                rows.Add(new Row(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8)));
        }
        var sealedHashes = new Dictionary<(string, long), string>();
        await using (var cmd = new NpgsqlCommand($"select stream_id, version, hash from {Schema}.{LedgerListener.Table} {filter}", conn, tx))
        {
            if (planId is not null) { cmd.Parameters.AddWithValue("plan", planId); cmd.Parameters.AddWithValue("prefix", planId + "/%"); }
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) sealedHashes[(r.GetString(0), r.GetInt64(1))] = r.GetString(2);
        }
        return (rows, sealedHashes);
    }

    static bool InPlan(string stream, string planId) => stream == planId || stream.StartsWith(planId + "/", StringComparison.Ordinal);

    public static readonly JsonSerializerOptions FileJson = AppJson.Options;
}
