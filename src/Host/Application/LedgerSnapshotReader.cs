using System.Data;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

public sealed partial class LedgerService
{
    /// <summary>
    /// Every row the verification needs, in one repeatable-read snapshot, so a write committing meanwhile cannot look
    /// like a deleted event; checkpoints come with their signatures checked against the trusted public key.
    /// </summary>
    async Task<LedgerSnapshot> ReadAsync(LedgerEvidence evidence, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var rows = await QueryAsync(conn, tx,
            "select seq_id, coalesce(stream_id, ''), version, type, data::text, coalesce(headers->>'user', ''), "
            + "coalesce(headers->>'at', ''), coalesce(correlation_id, ''), coalesce(is_archived, false) "
            + $"from {Schema}.mt_events",
            r => new LedgerRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8)), ct);
        var seals = await QueryAsync(conn, tx,
            "select l.stream_id, l.version, l.hash, l.position, l.link, e.seq_id, "
            + $"case when e.seq_id is null then null else {LedgerSchema.EventText("e")} end "
            + $"from {Schema}.{LedgerListener.Table} l left join {Schema}.mt_events e "
            + "on e.stream_id = l.stream_id and e.version = l.version",
            r => new LedgerSeal(r.GetString(0), r.GetInt64(1), r.GetString(2).Trim(), Nullable<long>(r, 3),
                r.IsDBNull(4) ? null : r.GetString(4).Trim(), Nullable<long>(r, 5),
                r.IsDBNull(6) ? null : r.GetString(6)),
            ct);
        var head = (await QueryAsync(conn, tx, $"select position, link from {Schema}.{LedgerSchema.HeadTable}",
            r => new LedgerChainHead(r.GetInt64(0), r.GetString(1)), ct)).FirstOrDefault();
        var streams = await QueryAsync(conn, tx,
            $"select id, version, coalesce(is_archived, false) from {Schema}.mt_streams",
            r => new LedgerStreamState(r.GetString(0), r.GetInt64(1), r.GetBoolean(2)), ct);
        var stored = await QueryAsync(conn, tx,
            "select number, position, link, taken_at, taken_by, reason, key_id, public_key, signature "
            + $"from {Schema}.{LedgerSchema.CheckpointTable}",
            r => new LedgerCheckpointFile(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)), ct);
        var publicKey = TrustedPublicKey(evidence);
        var checkpoints = stored.Select(c => Check(c, publicKey, "registro"))
            .Concat(evidence.Checkpoint is { } kept ? [Check(kept, publicKey, "file")] : []).ToList();
        return new LedgerSnapshot(rows, seals, [], head, streams, checkpoints);
    }

    /// <summary>
    /// The key checkpoints must be signed with: the one the OIV gives, else the configured signing key's, else the
    /// one in the checkpoint file the OIV kept. Never a key read from the database.
    /// </summary>
    static string? TrustedPublicKey(LedgerEvidence evidence) =>
        evidence.PublicKey ?? LedgerKey.Existing()?.PublicKey ?? evidence.Checkpoint?.PublicKey;

    static CheckedCheckpoint Check(LedgerCheckpointFile c, string? publicKey, string source) => new(c.ToCheckpoint(),
        publicKey is null ? null
            : LedgerKey.Verify(publicKey, LedgerHash.CheckpointMessage(c.Position, c.Link, c.At, c.By, c.Reason),
                c.Signature),
        source);

    static long? Nullable<T>(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    static async Task<List<T>> QueryAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }
}
