using Npgsql;

namespace PerformancePlan.Tests.Ledger;

/// <summary>What a database superuser who knows the algorithm can run: SQL only, no signing key.</summary>
public static class LedgerAttacks
{
    /// <summary>
    /// Recomputes the whole global chain from the rows as they are now (positions 1…N in sequence order, every
    /// link, the head): a consistent forgery, which only a checkpoint taken before it can expose.
    /// </summary>
    public static async Task ReLinkGlobalChainAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($$"""
            update {{schema}}.pp_ledger set position = null, link = null;
            update {{schema}}.pp_ledger_head set position = 0, link = '';
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
}
