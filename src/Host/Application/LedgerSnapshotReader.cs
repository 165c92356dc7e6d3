using System.Data;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

public sealed partial class LedgerService
{
    /// <summary>Streams read per round trip; seals of the global chain per fetch.</summary>
    const int StreamBatch = 1000, SealBatch = 5000;

    /// <summary>
    /// Streams every row the verification needs into the domain's <see cref="LedgerVerifier"/>, in one
    /// repeatable-read snapshot (a write committing meanwhile cannot look like a deleted event) and in batches, so
    /// memory does not grow with the store (ADR 0023): streams in stream order (their rows, seals, <c>mt_streams</c>
    /// row and digested heads), then the global chain's seals in position order. Checkpoints come with their
    /// signatures checked against the trusted public key.
    /// </summary>
    /// <param name="headsSince">Collect the heads of streams written after this position (for a digest).</param>
    /// <param name="stream">The plan (its streams), or an administration's own stream, or null for the whole store.
    /// </param>
    /// <param name="recorded">Entity heads recorded elsewhere — a successor's record of a merged predecessor (ADR
    /// 0030) — that the entity's chain must still pass through, with how messages name them.</param>
    async Task<LedgerReport> ReadAsync(string? stream, LedgerEvidence evidence, long? headsSince,
        CancellationToken ct, IReadOnlyList<(EntityHead Head, string Which)>? recorded = null)
    {
        await using var conn = DatabaseOf(stream).CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var scope = new Scope(stream);
        var head = (await QueryAsync(conn, tx,
            $"select position, link from {Schema}.{LedgerSchema.HeadTable} where id = 1",
            r => new LedgerChainHead(r.GetInt64(0), r.GetString(1)), ct)).FirstOrDefault();
        var kept = evidence.Digest is { } d ? new KeptDigest(d.Root, d.Heads, d.Position, d.Link, d.Entities) : null;
        var entity = stream is null ? null : LedgerEntities.EntityOf(stream);
        var entityHeads = (await QueryAsync(conn, tx, $"select entity, position, link from {Schema}."
                + $"{LedgerSchema.EntityHeadTable} where {(entity is null ? "true" : "entity = $1")}",
                r => (Entity: r.GetString(0), Head: new LedgerChainHead(r.GetInt64(1), r.GetString(2))), ct,
                parameters: entity is null ? [] : [entity]))
            .ToDictionary(x => x.Entity, x => x.Head, StringComparer.Ordinal);
        var verifier = new LedgerVerifier(stream, head, await CheckpointsAsync(conn, tx, evidence, ct),
            await DigestRootsAsync(conn, tx, ct), kept, headsSince, entityHeads: entityHeads,
            digestedEntities: [.. await DigestedEntitiesAsync(conn, tx, entity, ct), .. recorded ?? []]);
        await StreamsAsync(conn, tx, scope, verifier, ct);
        if (entity is null) await SealsAsync(conn, tx, scope, verifier, ct);
        else await EntitySealsAsync(conn, tx, scope, entity, verifier, ct);
        return verifier.Complete();
    }

    async Task StreamsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Scope scope, LedgerVerifier verifier,
        CancellationToken ct)
    {
        var digested = $"from {Schema}.mt_events d cross join jsonb_array_elements(d.data->'heads') h "
            + $"where d.stream_id = '{LedgerStream}' and d.type = 'ledger_digested'";
        // The scope in every branch, so a plan's streams are found through each table's plan index (ADR 0022, 0029).
        await ExecuteAsync(conn, tx, "declare pp_streams no scroll cursor for select s from ("
            + $"select id as s from {Schema}.mt_streams where {scope.On("id")} "
            + $"union select stream_id from {Schema}.mt_events where {scope.On("stream_id")} "
            + $"union select stream_id from {Schema}.{LedgerListener.Table} where {scope.On("stream_id")} "
            + $"union select h->>'stream' {digested} and {scope.On("h->>'stream'")}) u where s is not null "
            + "order by s collate \"C\"", scope, ct);
        await ExecuteAsync(conn, tx, "declare pp_expected no scroll cursor for select h->>'stream', "
            + $"(h->>'version')::bigint, h->>'hash', d.data->>'digestedAt' {digested} and {scope.On("h->>'stream'")} "
            + "order by h->>'stream' collate \"C\", d.version", scope, ct);
        var expected = new Peeking<(string Stream, DigestedHead Head)>(conn, tx, "pp_expected",
            r => (r.GetString(0), new DigestedHead(r.GetInt64(1), r.GetString(2),
                LedgerVerification.Recorded(r.GetString(3)))));
        while (true)
        {
            var ids = await QueryAsync(conn, tx, $"fetch {StreamBatch} from pp_streams", r => r.GetString(0), ct);
            if (ids.Count == 0) break;
            var rows = (await BatchAsync(conn, tx,
                "select seq_id, stream_id, version, type, data::text, coalesce(headers->>'user', ''), "
                + "coalesce(headers->>'at', ''), coalesce(correlation_id, ''), coalesce(is_archived, false) "
                + $"from {Schema}.mt_events where stream_id = any($1) order by stream_id, version", ids,
                r => new LedgerRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                    r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8)), ct)).ToLookup(x => x.Stream);
            var seals = (await BatchAsync(conn, tx, "select stream_id, version, hash, position "
                + $"from {Schema}.{LedgerListener.Table} where stream_id = any($1) order by stream_id, version", ids,
                r => (Stream: r.GetString(0), Seal: new StreamSeal(r.GetInt64(1), r.GetString(2).Trim(),
                    Nullable<long>(r, 3))), ct)).ToLookup(x => x.Stream, x => x.Seal);
            var declared = (await BatchAsync(conn, tx, "select id, version, coalesce(is_archived, false) "
                + $"from {Schema}.mt_streams where id = any($1)", ids,
                r => new LedgerStreamState(r.GetString(0), r.GetInt64(1), r.GetBoolean(2)), ct))
                .ToDictionary(s => s.Stream, StringComparer.Ordinal);
            var heads = (await expected.UpToAsync(x => string.CompareOrdinal(x.Stream, ids[^1]) <= 0, ct))
                .ToLookup(x => x.Stream, x => x.Head);
            foreach (var id in ids)
                verifier.Add(new StreamHistory(id, rows[id].ToList(), seals[id].ToList(),
                    declared.GetValueOrDefault(id), heads[id].ToList()));
        }
        await ExecuteAsync(conn, tx, "close pp_streams; close pp_expected", scope, ct);
    }

    /// <summary>The columns of a seal as <see cref="ReadSeal"/> reads them; out of scope only whether the event
    /// still exists matters: its columns are not read.</summary>
    string SealColumns(Scope scope) =>
        "select l.stream_id, l.version, l.hash, l.position, l.link, e.seq_id, case when e.seq_id is "
        + $"null then null when {scope.On("l.stream_id")} then {LedgerSchema.EventText("e", "l")} else '' end, "
        + $"l.entity, l.entity_position, l.entity_link from {Schema}.{LedgerListener.Table} l "
        + $"left join {Schema}.mt_events e on e.stream_id = l.stream_id and e.version = l.version ";

    static LedgerSeal ReadSeal(NpgsqlDataReader r) => new(r.GetString(0), r.GetInt64(1), r.GetString(2).Trim(),
        Nullable<long>(r, 3), r.IsDBNull(4) ? null : r.GetString(4).Trim(), Nullable<long>(r, 5),
        r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), Nullable<long>(r, 8),
        r.IsDBNull(9) ? null : r.GetString(9).Trim());

    /// <summary>
    /// A plan's verification (ADR 0024): its entity's chain in entity order, every event of the entity hashed; of the
    /// global chain only the seals the head, the checkpoints and the digests name, and the plan's unlinked seals.
    /// </summary>
    async Task EntitySealsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Scope scope, string entity,
        LedgerVerifier verifier, CancellationToken ct)
    {
        var all = new Scope(null);
        await ExecuteAsync(conn, tx, "declare pp_entity no scroll cursor for " + SealColumns(all)
            + "where l.entity = $1 order by l.entity_position", all, ct, [entity]);
        while (true)
        {
            var seals = await QueryAsync(conn, tx, $"fetch {SealBatch} from pp_entity", ReadSeal, ct);
            foreach (var s in seals) verifier.AddEntitySeal(s);
            if (seals.Count < SealBatch) break;
        }
        await ExecuteAsync(conn, tx, "close pp_entity", all, ct);
        // The plan's seals first, then the unlinked among them: asked together, the planner takes the position index
        // for "is null", whose entries include every seal's before its commit linked it (until vacuum: millions).
        foreach (var unlinked in await QueryAsync(conn, tx, "with mine as materialized (select stream_id, version, "
            + $"position from {Schema}.{LedgerListener.Table} where {scope.On("stream_id")}) " + SealColumns(scope)
            + "join mine m on m.stream_id = l.stream_id and m.version = l.version where m.position is null limit 1",
            ReadSeal, ct, scope))
            verifier.Add(unlinked);
        var wanted = verifier.WantedPositions.ToArray();
        foreach (var seal in await QueryAsync(conn, tx, SealColumns(all) + "where l.position = any(array_append($1, "
            + $"(select max(position) from {Schema}.{LedgerListener.Table}))) order by l.position", ReadSeal, ct,
            parameters: [wanted]))
            verifier.Add(seal);
    }

    async Task SealsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Scope scope, LedgerVerifier verifier,
        CancellationToken ct)
    {
        var columns = SealColumns(scope);
        LedgerSeal Read(NpgsqlDataReader r) => ReadSeal(r);
        foreach (var unlinked in await QueryAsync(conn, tx, columns
            + $"where l.position is null and {scope.On("l.stream_id")} limit 1", Read, ct, scope))
            verifier.Add(unlinked);
        await ExecuteAsync(conn, tx, "declare pp_seals no scroll cursor for " + columns
            + "where l.position is not null order by l.position", scope, ct);
        while (true)
        {
            var seals = await QueryAsync(conn, tx, $"fetch {SealBatch} from pp_seals", Read, ct);
            foreach (var s in seals) verifier.Add(s);
            if (seals.Count < SealBatch) break;
        }
        await ExecuteAsync(conn, tx, "close pp_seals", scope, ct);
    }

    /// <summary>The entity heads recorded digests name (ADR 0024): of every entity, or of one.</summary>
    async Task<IReadOnlyList<(EntityHead Head, string Which)>> DigestedEntitiesAsync(NpgsqlConnection conn,
        NpgsqlTransaction tx, string? entity, CancellationToken ct) =>
        await QueryAsync(conn, tx, "select d.data->>'digestedAt', h->>'entity', (h->>'position')::bigint, h->>'link' "
            + $"from {Schema}.mt_events d cross join jsonb_array_elements(d.data->'entities') h "
            + $"where d.stream_id = '{LedgerStream}' and d.type = 'ledger_digested' "
            + "and jsonb_typeof(d.data->'entities') = 'array' "
            + (entity is null ? "" : "and h->>'entity' = $1 ") + "order by d.version",
            r => (new EntityHead(r.GetString(1), r.GetInt64(2), r.GetString(3)),
                LedgerVerification.Recorded(r.GetString(0))), ct, parameters: entity is null ? [] : [entity]);

    /// <summary>The recorded digests that name a position (ADR 0023): their roots and links are checked.</summary>
    async Task<IReadOnlyList<DigestRoot>> DigestRootsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        CancellationToken ct) =>
        await QueryAsync(conn, tx, "select data->>'digestedAt', (data->>'position')::bigint, data->>'root', "
            + $"data->>'link' from {Schema}.mt_events where stream_id = '{LedgerStream}' "
            + "and type = 'ledger_digested' and data ? 'position' and data->'position' <> 'null' order by version",
            r => new DigestRoot(LedgerVerification.Recorded(r.GetString(0)), r.GetInt64(1), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3)), ct);

    async Task<IReadOnlyList<CheckedCheckpoint>> CheckpointsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        LedgerEvidence evidence, CancellationToken ct)
    {
        var stored = await QueryAsync(conn, tx,
            "select number, position, link, taken_at, taken_by, reason, key_id, public_key, signature "
            + $"from {Schema}.{LedgerSchema.CheckpointTable}",
            r => new LedgerCheckpointFile(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)), ct);
        var all = stored.Select(c => (File: c, Source: "registro"))
            .Concat(evidence.Checkpoint is { } kept ? [(kept, "file")] : []).ToList();
        var trusted = LedgerKeyRotation.Trusted(TrustedPublicKeys(evidence), all.Select(c => c.File));
        return all.Select(c => Check(c.File, trusted, c.Source)).ToList();
    }

    /// <summary>
    /// The keys checkpoints must be signed with: those the OIV gives (<c>--public-key</c>, one or more), else the
    /// configured signing key's, else the one in the checkpoint file the OIV kept. Never a key read from the database
    /// — though a trusted key's signed rotation may name another (<see cref="LedgerKeyRotation.Trusted"/>).
    /// </summary>
    static IReadOnlyList<string> TrustedPublicKeys(LedgerEvidence evidence) =>
        evidence.PublicKey is { Length: > 0 } given
            ? given.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : (LedgerKey.Existing()?.PublicKey ?? evidence.Checkpoint?.PublicKey) is { } k ? [k] : [];

    static CheckedCheckpoint Check(LedgerCheckpointFile c, IReadOnlySet<string> trusted, string source) =>
        new(c.ToCheckpoint(), trusted.Count == 0 ? null : LedgerKeyRotation.SignedByAny(c, trusted), source);

    static long? Nullable<T>(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    static async Task<List<T>> QueryAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, Scope? scope = null, object[]? parameters = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        scope?.Bind(cmd);
        foreach (var p in parameters ?? []) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }

    static async Task<List<T>> BatchAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql,
        List<string> ids, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }

    static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, Scope scope,
        CancellationToken ct, object[]? parameters = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        scope.Bind(cmd);
        foreach (var p in parameters ?? []) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The plan's streams in SQL (<c>$1</c> the plan: its key, ADR 0029), or all.</summary>
    sealed record Scope(string? Plan)
    {
        public string On(string column) => Plan is null ? "true" : $"{ReadIndex.PlanKey(column)} = $1";

        public void Bind(NpgsqlCommand cmd)
        {
            if (Plan is null || !cmd.CommandText.Contains("$1")) return;
            cmd.Parameters.Add(new NpgsqlParameter { Value = Plan });
        }
    }

    /// <summary>A cursor read ahead in batches, handing out its rows up to a key.</summary>
    sealed class Peeking<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string cursor,
        Func<NpgsqlDataReader, T> read)
    {
        readonly Queue<T> _buffer = new();
        bool _done;

        public async Task<List<T>> UpToAsync(Func<T, bool> within, CancellationToken ct)
        {
            var taken = new List<T>();
            while (true)
            {
                if (_buffer.Count == 0 && !_done)
                {
                    var next = await QueryAsync(conn, tx, $"fetch {SealBatch} from {cursor}", read, ct);
                    _done = next.Count < SealBatch;
                    foreach (var x in next) _buffer.Enqueue(x);
                }
                if (_buffer.Count == 0 || !within(_buffer.Peek())) return taken;
                taken.Add(_buffer.Dequeue());
            }
        }
    }
}
