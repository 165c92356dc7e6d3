using Npgsql;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// The indexes one plan's reads go through (ADR 0022, 0028) survive every later migration: before, Marten dropped the
/// streams' index at the second <c>db migrate</c> (it had not been told to leave it), and a plan's ledger
/// verification scanned every stream of the store.
/// </summary>
public class ReadIndexMigrationTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_plan_s_indexes_are_still_there_after_two_more_migrations_and_the_prefix_ones_are_gone()
    {
        await EventStore.PrepareAsync(_db.Store, Ct);
        await EventStore.PrepareAsync(_db.Store, Ct);

        var indexes = await IndexesAsync();

        indexes.ShouldContain("pp_events_plan");
        indexes.ShouldContain("pp_streams_plan");
        indexes.ShouldContain("pp_ledger_plan");
        indexes.ShouldContain("pp_events_entry");
        indexes.ShouldNotContain("pp_events_stream_prefix");
        indexes.ShouldNotContain("pp_streams_id_prefix");
        indexes.ShouldNotContain("pp_ledger_stream_prefix");
        indexes.ShouldNotContain("pp_results_entries");
    }

    [Fact]
    public async Task A_store_migrated_before_gets_the_plan_indexes_and_loses_the_prefix_ones()
    {
        await ExecuteAsync($"drop index {_db.Schema}.pp_events_plan; drop index {_db.Schema}.pp_ledger_plan; "
            + $"create index pp_events_stream_prefix on {_db.Schema}.mt_events (stream_id text_pattern_ops); "
            + $"create index pp_ledger_stream_prefix on {_db.Schema}.pp_ledger (stream_id text_pattern_ops); "
            + $"create index pp_results_entries on {_db.Schema}.mt_doc_indicatorresults "
            + "using gin ((data -> 'entries') jsonb_path_ops)");

        await EventStore.PrepareAsync(_db.Store, Ct);

        var indexes = await IndexesAsync();
        indexes.ShouldContain("pp_events_plan");
        indexes.ShouldContain("pp_ledger_plan");
        indexes.ShouldNotContain("pp_events_stream_prefix");
        indexes.ShouldNotContain("pp_ledger_stream_prefix");
        indexes.ShouldNotContain("pp_results_entries");
    }

    [Fact]
    public async Task A_documents_index_a_killed_rebuild_left_dropped_is_created_again_by_the_next_migration()
    {
        await ExecuteAsync($"drop index {_db.Schema}.mt_doc_indicatorresults_idx_plan_id");

        await EventStore.PrepareAsync(_db.Store, Ct);

        (await IndexesAsync()).ShouldContain("mt_doc_indicatorresults_idx_plan_id");
    }

    [Fact]
    public async Task A_plan_document_is_stored_compressed_with_lz4_after_migration()
    {
        await ExecuteAsync($"alter table {_db.Schema}.mt_doc_plan alter column data set compression pglz");
        await ExecuteAsync($"delete from {_db.Schema}.{SchemaStamp.Table}");

        await EventStore.PrepareAsync(_db.Store, Ct);
        await new PerformancePlan.Host.Application.PlanImportService(_db.Store,
                new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2019, 1, 31, 10, 0)))
            .ImportAsync(SeedFiles.PlanCsv, PerformancePlan.Domain.Identity.EntityId.Default, SeedPlan.Admin, false,
                Ct);

        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("select pg_column_compression(data), length(data::text) from "
            + $"{_db.Schema}.mt_doc_plan", conn);
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        (await r.ReadAsync(Ct)).ShouldBeTrue();
        r.GetInt32(1).ShouldBeGreaterThan(8000, "the seed's plan document is large enough to be compressed");
        r.GetString(0).ShouldBe("lz4");
    }

    async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    async Task<List<string>> IndexesAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("select indexname from pg_indexes where schemaname = $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _db.Schema });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct)) list.Add(r.GetString(0));
        return list;
    }
}
