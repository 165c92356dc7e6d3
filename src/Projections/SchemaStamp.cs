using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;
using Npgsql;

namespace PerformancePlan.Projections;

/// <summary>
/// Schema creation once (ADR 0023): <see cref="MigrateAsync"/> creates or upgrades Marten's tables and the ledger's
/// and stamps the schema with its version (a hash of the DDL this build would create); an ordinary command checks the
/// stamp with one query (<see cref="EnsureAsync"/>) instead of Marten's introspection of every table, and migrates
/// only a fresh or older schema.
/// </summary>
public static class SchemaStamp
{
    /// <summary>The stamp's table, one row.</summary>
    public const string Table = "pp_schema_version";

    /// <summary>
    /// Takes PostgreSQL's statistics of the events, streams and seals of every database of <paramref name="store"/>:
    /// the plan-key indexes' expressions have statistics only after an analyze (ADR 0029), and a store grown a hundred
    /// times since the last one (a bulk load, <c>perfplan bench</c>'s generation) is planned on stale row counts until
    /// autovacuum catches up.
    /// </summary>
    public static async Task AnalyzeAsync(IDocumentStore store, CancellationToken ct = default)
    {
        foreach (var database in await Tenancy.DatabasesAsync(store))
        {
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            await AnalyzeAsync(conn, store.Options.Events.DatabaseSchemaName, ct);
        }
    }

    static async Task AnalyzeAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var analyze = new NpgsqlCommand($"analyze {schema}.mt_events, {schema}.mt_streams, "
            + $"{schema}.{LedgerListener.Table}", conn);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The projections' documents compressed with LZ4 where the server offers it (PostgreSQL 14 or later built with
    /// lz4, as Debian's is; elsewhere the default, pglz, stays): a plan document is about 50 kB of JSON, stored
    /// compressed out of line, and pglz was 13 s of an 82 s rebuild at 5 million events (ADR 0033). Values written
    /// before keep their compression until rewritten (<c>perfplan rebuild</c> rewrites them all).
    /// </summary>
    static string CompressionSql(IDocumentStore store) => CompressionSql(
        store.Options.Schema.For(typeof(PerformancePlan.Domain.Plans.Plan)),
        store.Options.Schema.For(typeof(PerformancePlan.Domain.Results.IndicatorResults)));

    static string CompressionSql(string plans, string results) => $$"""
        do $d$ begin
          if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals))
          then
            alter table {{plans}} alter column data set compression lz4;
            alter table {{results}} alter column data set compression lz4;
          end if;
        end $d$;
        """;

    /// <summary>The version of the schema this build creates: SHA-256 of Marten's script and the ledger's DDL.
    /// </summary>
    public static string Version(IDocumentStore store)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var ddl = store.Storage.ToDatabaseScript() + "\n" + LedgerSchema.Sql(schema) + "\n" + CompressionSql(store);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ddl)))[..16];
    }

    /// <summary>Creates or upgrades every table of every database of the store (ADR 0031), then stamps each
    /// schema with <see cref="Version"/>.</summary>
    public static async Task MigrateAsync(IDocumentStore store, CancellationToken ct = default)
    {
        foreach (var database in await Tenancy.DatabasesAsync(store)) await MigrateAsync(store, database, ct);
    }

    static async Task MigrateAsync(IDocumentStore store, Marten.Storage.IMartenDatabase database,
        CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using (var keys = database.CreateConnection())
            await KeyStreamsByTenantAsync(keys, schema, ct);
        await database.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate, ct: ct);
        await using var conn = database.CreateConnection();
        await LedgerSchema.ApplyAsync(conn, schema, ct);
        await MoveDocumentsToTheirTenantsAsync(store, conn, ct);
        await using (var compression = new NpgsqlCommand(CompressionSql(store), conn))
            await compression.ExecuteNonQueryAsync(ct);
        // ADR 0029: the entry's index is on the events now, a plan's rows are found by its key, not by prefix.
        var retired = ReadIndex.RetiredPrefixes.Select(i => $"{schema}.{i}")
            .Append($"{store.Options.DatabaseSchemaName}.{ReadIndex.RetiredResultEntries}");
        await using (var drop = new NpgsqlCommand($"drop index if exists {string.Join(", ", retired)}", conn))
            await drop.ExecuteNonQueryAsync(ct);
        // The plan indexes' expressions get their statistics (how many plans) only from an analyze: without them
        // PostgreSQL guesses a plan's rows from the table's size and parallel plans start (ADR 0029).
        await AnalyzeAsync(conn, schema, ct);
        await using (var create = new NpgsqlCommand($"create table if not exists {schema}.{Table} (id int primary key "
            + "check (id = 1), version text not null, migrated_at timestamptz not null default now())", conn))
            await create.ExecuteNonQueryAsync(ct);
        await using var stamp = new NpgsqlCommand($"insert into {schema}.{Table} (id, version) values (1, $1) "
            + "on conflict (id) do update set version = excluded.version, migrated_at = now()", conn);
        stamp.Parameters.Add(new NpgsqlParameter { Value = Version(store) });
        await stamp.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A store of before the tenants (ADR 0028) keys its streams by id alone. Marten 9 cannot move it to conjoined
    /// events by itself: its migration adds the events' new foreign key twice and dies (42710, «constraint
    /// fkey_mt_events_stream_id_tenant_id already exists»). The streams' key and that foreign key change here first, as
    /// Marten would write them; Marten then finds them in place and does the rest (documents, indexes, functions).
    /// </summary>
    static async Task KeyStreamsByTenantAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($$"""
            do $d$ begin
              if exists (select 1 from pg_constraint where conname = 'pkey_mt_streams_id'
                         and conrelid = to_regclass('{{schema}}.mt_streams')) then
                alter table {{schema}}.mt_streams drop constraint pkey_mt_streams_id cascade;
                alter table {{schema}}.mt_streams
                  add constraint pkey_mt_streams_tenant_id_id primary key (tenant_id, id);
                alter table {{schema}}.mt_events add constraint fkey_mt_events_stream_id_tenant_id
                  foreign key (tenant_id, stream_id) references {{schema}}.mt_streams (tenant_id, id);
              end if;
            end $d$;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Read models written before the tenants (ADR 0028) are in the default tenant: each goes to its plan's entity
    /// (the id's prefix), as the events did with the ledger's DDL.
    /// </summary>
    static async Task MoveDocumentsToTheirTenantsAsync(IDocumentStore store, NpgsqlConnection conn,
        CancellationToken ct)
    {
        const string entity = PerformancePlan.Domain.Ledger.LedgerEntities.SqlPattern;
        foreach (var type in new[] { typeof(PerformancePlan.Domain.Plans.Plan),
                     typeof(PerformancePlan.Domain.Results.IndicatorResults) })
        {
            var table = store.Options.Schema.For(type);
            await using var move = new NpgsqlCommand($"update {table} set tenant_id = substring(id from '{entity}') "
                + $"where tenant_id = '{Tenancy.Installation}' and id ~ '{entity}'", conn);
            await move.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>True when every database's schema is stamped with this build's version: one query each, no
    /// introspection.</summary>
    public static async Task<bool> IsCurrentAsync(IDocumentStore store, CancellationToken ct = default)
    {
        foreach (var database in await Tenancy.DatabasesAsync(store))
            if (!await IsCurrentAsync(store, database, ct)) return false;
        return true;
    }

    static async Task<bool> IsCurrentAsync(IDocumentStore store, Marten.Storage.IMartenDatabase database,
        CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"select version from {schema}.{Table} where id = 1", conn);
        try { return await cmd.ExecuteScalarAsync(ct) is string v && v == Version(store); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable
            or PostgresErrorCodes.InvalidSchemaName) { return false; }
    }

    /// <summary>Migrates a fresh or older schema (true), or does nothing when the stamp matches (false).</summary>
    public static async Task<bool> EnsureAsync(IDocumentStore store, CancellationToken ct = default)
    {
        if (await IsCurrentAsync(store, ct)) return false;
        await MigrateAsync(store, ct);
        return true;
    }
}
