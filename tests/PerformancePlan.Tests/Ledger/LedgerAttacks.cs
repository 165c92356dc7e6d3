using Npgsql;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Tests.Ledger;

/// <summary>What a database superuser who knows the algorithm can run: SQL only, no signing key.</summary>
public static class LedgerAttacks
{
    /// <summary>
    /// Recomputes the whole global chain and every entity's chain (ADR 0024) from the rows as they are now (positions
    /// 1…N in sequence order, every link, the heads): a consistent forgery, which only a checkpoint taken before it can
    /// expose.
    /// </summary>
    public static async Task ReLinkGlobalChainAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($$"""
            update {{schema}}.pp_ledger set position = null, link = null, entity = null, entity_position = null,
                entity_link = null;
            update {{schema}}.pp_ledger_head set position = 0, link = '';
            delete from {{schema}}.pp_ledger_entity_head;
            do $d$ declare r record; begin
              for r in select l.stream_id, l.version from {{schema}}.pp_ledger l
                       join {{schema}}.mt_events e on e.stream_id = l.stream_id and e.version = l.version
                       order by e.seq_id loop
                perform {{schema}}.pp_ledger_link(r.stream_id, r.version);
              end loop;
            end $d$;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Recomputes one stream's chain from its rows as they are now and writes every seal (inserting missing ones):
    /// what an attacker does after editing or inserting an event.
    /// </summary>
    public static async Task ReChainStreamAsync(NpgsqlConnection conn, string schema, string stream,
        CancellationToken ct)
    {
        var rows = new List<(long Version, string Canonical)>();
        await using (var cmd = new NpgsqlCommand(
            "select version, type, data::text, coalesce(headers->>'user',''), coalesce(headers->>'at',''), "
            + $"coalesce(correlation_id,'') from {schema}.mt_events where stream_id = '{stream}' order by version",
            conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add((r.GetInt64(0), LedgerHash.CanonicalEvent(r.GetString(1), stream, r.GetInt64(0),
                    r.GetString(3), r.GetString(4), r.GetString(5), LedgerHash.CanonicalJson(r.GetString(2)))));
        var hash = "";
        foreach (var (version, canonical) in rows)
        {
            hash = LedgerHash.Next(hash, canonical);
            await using var upsert = new NpgsqlCommand($"insert into {schema}.pp_ledger (stream_id, version, hash) "
                + $"values ('{stream}', {version}, '{hash}') on conflict (stream_id, version) "
                + "do update set hash = excluded.hash", conn);
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }
}
