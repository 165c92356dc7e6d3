using Npgsql;

namespace PerformancePlan.Projections;

/// <summary>
/// The ledger's tables beside Marten's (ADR 0008, 0016): <c>pp_ledger</c> (each stream's chain, and each seal's
/// position and link in the global chain), <c>pp_ledger_head</c> (the global chain's single head row),
/// <c>pp_ledger_checkpoint</c> (signed checkpoints), and the deferred trigger that links every seal at commit.
/// </summary>
public static class LedgerSchema
{
    /// <summary>The global chain's head row.</summary>
    public const string HeadTable = "pp_ledger_head";

    /// <summary>Each administration's chain head: one row per entity (ADR 0024).</summary>
    public const string EntityHeadTable = "pp_ledger_entity_head";

    /// <summary>Signed checkpoints of the head.</summary>
    public const string CheckpointTable = "pp_ledger_checkpoint";

    /// <summary>
    /// Every column of an <c>mt_events</c> row (alias <paramref name="e"/>) that gives the event its meaning, one per
    /// line, as the global chain hashes them: the trigger and the verifier read them through this same expression.
    /// </summary>
    /// <param name="l">The seal's row (alias), when read for a verification: a seal made before the tenants (ADR
    /// 0028) hashed the tenant it had then, kept in its <c>sealed_tenant</c>.</param>
    public static string EventText(string e, string? l = null) =>
        $"concat_ws(E'\\n', {e}.seq_id::text, {e}.stream_id, {e}.version::text, {e}.type, {e}.id::text, "
        + $"coalesce({(l is null ? "" : $"{l}.sealed_tenant, ")}{e}.tenant_id, ''), "
        + $"coalesce({e}.mt_dotnet_type, ''), coalesce({e}.headers::text, ''), "
        + $"coalesce({e}.correlation_id, ''), coalesce({e}.causation_id, ''), "
        + $"to_char({e}.timestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
        + $"coalesce({e}.is_archived, false)::text)";

    /// <summary>
    /// Creates or upgrades the ledger's tables once per schema (serialised by an advisory lock), and links the seals
    /// written before the global chain existed, in sequence order.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await conn.OpenAsync(ct);
        // Done when the newest columns exist and the entity trigger knows every kind of stream of an entity (its
        // plans' and, since ADR 0030, its own): an older pattern is replaced by running the DDL again.
        var sql = $"select to_regclass('{schema}.{EntityHeadTable}') is not null and exists (select 1 from "
            + $"information_schema.columns where table_schema = '{schema}' and table_name = 'pp_ledger' "
            + $"and column_name = 'sealed_tenant') and to_regclass('{schema}.pp_ledger_plan') is not null "
            + "and exists (select 1 from pg_proc p join pg_namespace n on "
            + $"n.oid = p.pronamespace where n.nspname = '{schema}' and p.proname = 'pp_ledger_link_entity' "
            + "and strpos(p.prosrc, $1) > 0)";
        await using (var done = new NpgsqlCommand(sql, conn))
        {
            done.Parameters.Add(new NpgsqlParameter { Value = Entity });
            if ((bool)(await done.ExecuteScalarAsync(ct))!) return;
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(Sql(schema), conn, tx)) await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    const string Entity = PerformancePlan.Domain.Ledger.LedgerEntities.SqlPattern;

    /// <summary>The DDL of the ledger's tables in <paramref name="s"/> (part of the schema's version).</summary>
    public static string Sql(string s) => $$"""
        select pg_advisory_xact_lock(hashtext('{{s}}.pp_ledger'));
        create table if not exists {{s}}.pp_ledger (stream_id varchar not null, version bigint not null,
            hash char(64) not null, sealed_at timestamptz not null default now(), primary key (stream_id, version));
        alter table {{s}}.pp_ledger add column if not exists position bigint, add column if not exists link text;
        create unique index if not exists pp_ledger_position on {{s}}.pp_ledger (position);
        create table if not exists {{s}}.{{HeadTable}} (id int primary key check (id = 1), position bigint not null,
            link text not null);
        insert into {{s}}.{{HeadTable}} values (1, 0, '') on conflict do nothing;
        alter table {{s}}.pp_ledger add column if not exists entity text,
            add column if not exists entity_position bigint, add column if not exists entity_link text;
        drop index if exists {{s}}.pp_ledger_stream_prefix;
        create unique index if not exists pp_ledger_entity_position on {{s}}.pp_ledger (entity, entity_position);
        create table if not exists {{s}}.{{EntityHeadTable}} (entity text primary key, position bigint not null,
            link text not null);
        create or replace function {{s}}.pp_ledger_link_entity(p_stream varchar, p_version bigint, ev text)
        returns void language plpgsql as $f$
        declare ent text; h record; nxt text;
        begin
          ent := substring(p_stream from '{{PerformancePlan.Domain.Ledger.LedgerEntities.SqlPattern}}');
          if ent is null then return; end if;
          insert into {{s}}.{{EntityHeadTable}} values (ent, 0, '') on conflict do nothing;
          update {{s}}.{{EntityHeadTable}} set position = position + 1 where entity = ent
            returning position, link into h;
          select encode(sha256(convert_to(h.link || E'\n' || h.position::text || E'\n' || l.hash || E'\n' || ev,
              'UTF8')), 'hex') into nxt
            from {{s}}.pp_ledger l where l.stream_id = p_stream and l.version = p_version;
          update {{s}}.pp_ledger set entity = ent, entity_position = h.position, entity_link = nxt
            where stream_id = p_stream and version = p_version;
          update {{s}}.{{EntityHeadTable}} set link = nxt where entity = ent;
        end $f$;
        create or replace function {{s}}.pp_ledger_link(p_stream varchar, p_version bigint) returns void
        language plpgsql as $f$
        declare h record; ev text; nxt text;
        begin
          select {{EventText("e")}} into ev from {{s}}.mt_events e
            where e.stream_id = p_stream and e.version = p_version;
          if ev is null then
            raise exception 'pp_ledger: sigillo senza evento (%, %)', p_stream, p_version;
          end if;
          update {{s}}.{{HeadTable}} set position = position + 1 where id = 1 returning position, link into h;
          select encode(sha256(convert_to(h.link || E'\n' || h.position::text || E'\n' || l.hash || E'\n' || ev,
              'UTF8')), 'hex') into nxt
            from {{s}}.pp_ledger l where l.stream_id = p_stream and l.version = p_version;
          update {{s}}.pp_ledger set position = h.position, link = nxt
            where stream_id = p_stream and version = p_version;
          update {{s}}.{{HeadTable}} set link = nxt where id = 1;
          perform {{s}}.pp_ledger_link_entity(p_stream, p_version, ev);
        end $f$;
        create or replace function {{s}}.pp_ledger_chain() returns trigger language plpgsql as $f$
        begin perform {{s}}.pp_ledger_link(new.stream_id, new.version); return null; end $f$;
        do $d$ begin
          if not exists (select 1 from pg_trigger
                         where tgname = 'pp_ledger_chain' and tgrelid = '{{s}}.pp_ledger'::regclass) then
            create constraint trigger pp_ledger_chain after insert on {{s}}.pp_ledger
              deferrable initially deferred for each row execute function {{s}}.pp_ledger_chain();
          end if;
        end $d$;
        do $d$ declare r record; begin
          for r in select l.stream_id, l.version, {{EventText("e")}} as ev from {{s}}.pp_ledger l
                   join {{s}}.mt_events e on e.stream_id = l.stream_id and e.version = l.version
                   where l.position is not null and l.entity_position is null order by l.position loop
            perform {{s}}.pp_ledger_link_entity(r.stream_id, r.version, r.ev);
          end loop;
        end $d$;
        do $d$ declare r record; begin
          for r in select l.stream_id, l.version from {{s}}.pp_ledger l
                   join {{s}}.mt_events e on e.stream_id = l.stream_id and e.version = l.version
                   where l.position is null order by e.seq_id loop
            perform {{s}}.pp_ledger_link(r.stream_id, r.version);
          end loop;
        end $d$;
        alter table {{s}}.pp_ledger add column if not exists sealed_tenant text;
        update {{s}}.pp_ledger l set sealed_tenant = e.tenant_id from {{s}}.mt_events e
          where e.stream_id = l.stream_id and e.version = l.version and l.sealed_tenant is null
            and e.tenant_id = '{{Tenancy.Installation}}' and l.stream_id ~ '{{Entity}}';
        with moved as (update {{s}}.mt_streams set tenant_id = substring(id from '{{Entity}}')
            where tenant_id = '{{Tenancy.Installation}}' and id ~ '{{Entity}}' returning 1)
        update {{s}}.mt_events set tenant_id = substring(stream_id from '{{Entity}}')
          where tenant_id = '{{Tenancy.Installation}}' and stream_id ~ '{{Entity}}';
        create index if not exists pp_ledger_plan on {{s}}.pp_ledger (({{ReadIndex.PlanKey("stream_id")}}));
        create table if not exists {{s}}.{{CheckpointTable}} (number bigserial primary key, position bigint not null,
            link text not null, taken_at text not null, taken_by text not null, reason text not null,
            key_id text not null, public_key text not null, signature text not null);
        """;
}
