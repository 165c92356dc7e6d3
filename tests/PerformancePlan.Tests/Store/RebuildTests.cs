using PerformancePlan.Domain.Identity;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// The projections rebuilt from the events (<c>perfplan rebuild</c>): the scores and documents are the same as before,
/// and a document edited behind the system's back is repaired.
/// </summary>
public class RebuildTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
        await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(SeedPlan.Id,
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
        var results = new ResultService(_db.Store, _clock);
        await results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, SeedPlan.Admin, null, Ct);
        await results.RecordAsync(SeedPlan.Id, "O2.1.1-b", "4", "30/04/2019", null, null, SeedPlan.Admin, null, Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    async Task<string> ScoresAsync()
    {
        await using var session = _db.Store.QuerySession("cciaa-ms");
        var (plan, scores) = (await ScoreQueries.LoadAsync(session, SeedPlan.Id, Ct))!.Value;
        return JsonSerializer.Serialize(new { plan, scores }, AppJson.Options);
    }

    [Fact]
    public async Task After_a_rebuild_the_scores_and_documents_are_unchanged()
    {
        var before = await ScoresAsync();

        var report = await new ProjectionRebuild(_db.Store).RebuildAsync(null, Ct);

        report.Events.ShouldBe(await _db.EventCountAsync());
        report.Documents.ShouldBe(3);   // the plan and the two indicators with results
        report.PlansChecked.ShouldBe(1);
        report.Differences.ShouldBeEmpty();
        (await ScoresAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_documents_indexes_dropped_for_the_copy_are_there_again_with_the_same_definitions()
    {
        var before = await IndexesAsync();
        before.ShouldContain(i => i.Contains("mt_doc_indicatorresults_idx_plan_id"));

        (await new ProjectionRebuild(_db.Store).RebuildAsync(null, Ct)).Differences.ShouldBeEmpty();

        (await IndexesAsync()).ShouldBe(before);
    }

    async Task<List<string>> IndexesAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("select indexdef from pg_indexes where schemaname = $1 "
            + "and tablename in ('mt_doc_plan', 'mt_doc_indicatorresults') order by indexname", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _db.Schema });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct)) list.Add(r.GetString(0));
        return list;
    }

    [Fact]
    public async Task A_document_corrupted_by_SQL_is_found_and_repaired_by_the_rebuild()
    {
        var before = await ScoresAsync();
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand($"update {_db.Schema}.mt_doc_indicatorresults "
                + "set data = jsonb_set(data, '{entries,0,value,amount}', '12') "
                + "where id = 'cciaa-ms-2019/O1.2.4-a'", conn);
            (await cmd.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }
        var rebuild = new ProjectionRebuild(_db.Store);
        (await rebuild.CheckAsync(Ct)).Differences.ShouldContain(d => d.Contains("O1.2.4-a"));
        (await ScoresAsync()).ShouldNotBe(before);

        (await rebuild.RebuildAsync(null, Ct)).Differences.ShouldBeEmpty();

        (await ScoresAsync()).ShouldBe(before);
    }
}

/// <summary><c>perfplan rebuild</c> and <c>perfplan db migrate</c> as an administrator runs them.</summary>
public class RebuildCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "rebuild_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    async Task<object?> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_db);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Rebuild_reports_events_per_second_and_that_the_documents_equal_the_events()
    {
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            _db)).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("rebuild", "--format", "json", "--db", _db);

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("events").GetInt64().ShouldBe(105);
        json.RootElement.GetProperty("eventsPerSecond").GetDouble().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("equalsEvents").GetBoolean().ShouldBeTrue();
        var text = await CliRunner.RunAsync("rebuild", "--db", _db);
        text.Output.ShouldContain("eventi/s");
        text.Output.ShouldContain("coincidono");
    }

    [Fact]
    public async Task The_first_command_on_a_fresh_database_creates_the_schema_and_stamps_it_and_db_migrate_restamps()
    {
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            _db)).ExitCode.ShouldBe(0);
        var stamped = await ScalarAsync("select migrated_at from perfplan.pp_schema_version");
        stamped.ShouldNotBeNull();

        (await CliRunner.RunAsync("scores", "--plan", "cciaa-ms-2019", "--db", _db)).ExitCode.ShouldBe(0);
        (await ScalarAsync("select migrated_at from perfplan.pp_schema_version")).ShouldBe(stamped);   // no migration

        await ScalarAsync("update perfplan.pp_schema_version set version = 'older'");
        (await CliRunner.RunAsync("scores", "--plan", "cciaa-ms-2019", "--db", _db)).ExitCode.ShouldBe(0);
        (await ScalarAsync("select version from perfplan.pp_schema_version")).ShouldNotBe("older");

        var migrate = await CliRunner.RunAsync("db", "migrate", "--db", _db);
        migrate.ExitCode.ShouldBe(0, migrate.Errors);
        migrate.Output.ShouldContain("Schema dell'archivio eventi aggiornato");
    }
}
