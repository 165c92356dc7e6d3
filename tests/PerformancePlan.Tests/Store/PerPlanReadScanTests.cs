using System.Text.Json;
using Marten;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Domain.Results;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// A store of several entities' plans, with results, whose every command is recorded: each read of one plan or
/// entity is then asked of PostgreSQL with <c>EXPLAIN</c> under <c>enable_seqscan = off</c>, so a read no index can
/// answer still shows a sequential scan of the whole table and fails (issue #15, ADR 0022).
/// </summary>
public sealed class ScanStore(PostgresCluster cluster) : IAsyncLifetime
{
    public static readonly string[] Entities = ["ente-a", "ente-b", "ente-c", "ente-d", "ente-e"];
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
    public string Schema { get; } = "scan_" + Guid.NewGuid().ToString("N")[..10];
    public SqlRecorder Recorder { get; } = new();
    public DocumentStore Store { get; private set; } = null!;
    public FakeClock Clock { get; } = new(Instant.FromUtc(2019, 9, 15, 8, 0));
    public string ConnectionString => cluster.ConnectionString;
    public List<Guid> Entries { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Store = DocumentStore.For(o =>
        {
            EventStore.Configure(o, cluster.ConnectionString, Schema);
            o.Logger(Recorder);
        });
        await EventStore.PrepareAsync(Store, Ct);
        foreach (var entity in Entities)
        {
            var imported = await new PlanImportService(Store, Clock)
                .ImportAsync(SeedFiles.PlanCsv, EntityId.Parse(entity), SeedPlan.Admin, false, Ct);
            var plan = PlanId.Parse(imported.PlanId!);
            await new PlanLifecycleService(Store, Clock).ApproveAsync(plan, "Delibera di Giunta n. 7 del 31/01/2019",
                new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
            var results = new ResultService(Store, Clock);
            foreach (var (code, value) in new[] { ("O1.2.4-a", "3"), ("O2.1.1-b", "4"), ("S2.1.1-b", "100") })
                Entries.Add((await results.RecordAsync(plan, code, value, "30/04/2019", null, "nota",
                    SeedPlan.Admin, null, Ct)).EntryId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop schema if exists {Schema} cascade", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public class PerPlanReadScanTests(ScanStore db) : IClassFixture<ScanStore>
{
    static readonly PlanId Plan = PlanId.Parse("ente-c-2019");
    static readonly string[] Tables = ["mt_events", "mt_doc_indicatorresults", "mt_doc_plan"];
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly Dictionary<string, Func<ScanStore, IQuerySession, Task>> Reads = new()
    {
        ["scores as of a date"] = (_, s) => PlanHistoryQueries.ScoresAsync(s, Plan, new LocalDate(2019, 6, 30), null,
            Ct),
        ["scores known at an instant"] = (db, s) => PlanHistoryQueries.ScoresAsync(s, Plan, null,
            db.Clock.GetCurrentInstant(), Ct),
        ["the OIV's replay"] = (db, _) => new OivService(db.Store, db.Clock).ReplayAsync(Plan, null, null, Ct),
        ["versions and diff"] = (_, s) => PlanHistoryQueries.VersionAsync(s, Plan, 1, Ct),
        ["audit trail"] = (_, s) => AuditQueries.TrailAsync(s, Plan, Ct),
        ["targets history of an entity"] = (_, s) => PlanHistoryQueries.TargetHistoryAsync(s,
            EntityId.Parse("ente-c"), "O1.2.4-a", 2019, 2021, Ct),
        ["an indicator's detail"] = (_, s) => IndicatorQueries.DetailAsync(s, Plan, "O1.2.4-a", null, null, Ct),
        ["dashboard plan page"] = async (_, s) =>
        {
            var (plan, _) = (await ScoreQueries.LoadAsync(s, Plan, Ct))!.Value;
            await ScoreTrendQueries.EntityByPeriodAsync(s, Plan, plan.Year, null, null, Ct);
        },
        ["results revert finds its entry"] = (db, _) => new ResultService(db.Store, db.Clock).RevertAsync(
            db.Entries[7], "registrato per errore", SeedPlan.Admin, Ct),
    };

    public static TheoryData<string> ReadNames() => [.. Reads.Keys];

    [Theory, MemberData(nameof(ReadNames))]
    public async Task A_read_of_one_plan_scans_no_table_of_the_whole_store(string read)
    {
        db.Recorder.Clear();
        await using (var session = db.Store.QuerySession(Plan.Entity.Value)) await Reads[read](db, session);

        var plans = await PlansAsync(db.Recorder.Commands);

        plans.ShouldNotBeEmpty();
        plans.Where(p => WholeTableScans(p.Plan).Any()).Select(p => $"{p.Sql}\n{p.Plan}").ShouldBeEmpty(
            $"«{read}» reads a whole table");
    }

    [Fact]
    public async Task The_dashboards_plan_page_reads_no_results_events()
    {
        db.Recorder.Clear();
        await using (var session = db.Store.QuerySession(Plan.Entity.Value))
            await Reads["dashboard plan page"](db, session);

        db.Recorder.Commands.Where(c => c.Sql.Contains("mt_events") && c.Sql.Contains("LIKE")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_dashboards_chart_from_stored_results_is_the_chart_the_replay_gives()
    {
        var later = db.Clock.GetCurrentInstant() + Duration.FromDays(365);

        foreach (var plan in ScanStore.Entities.Select(e => PlanId.Parse(e + "-2019")))
        {
            await using var session = db.Store.QuerySession(plan.Entity.Value);
            var stored = await ScoreTrendQueries.EntityByPeriodAsync(session, plan, 2019, null, null, Ct);
            var replayed = await ScoreTrendQueries.EntityByPeriodAsync(session, plan, 2019, null, later, Ct);
            stored.ShouldNotBeEmpty();
            stored.ShouldBe(replayed);
        }
    }

    /// <summary>
    /// The scans of our tables that read them whole: a sequential scan, or an index scan with no condition on the
    /// index (the planner's way round <c>enable_seqscan = off</c> when no index fits).
    /// </summary>
    static IEnumerable<string> WholeTableScans(JsonElement node)
    {
        var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
        var type = node.GetProperty("Node Type").GetString();
        if (Tables.Contains(relation) && (type == "Seq Scan"
                || type is "Index Scan" or "Index Only Scan" && !node.TryGetProperty("Index Cond", out _)))
            yield return $"{type} on {relation}";
        if (node.TryGetProperty("Plans", out var children))
            foreach (var scan in children.EnumerateArray().SelectMany(WholeTableScans)) yield return scan;
    }

    /// <summary>The plan PostgreSQL would choose for each recorded read of our tables, with seq scans off.</summary>
    async Task<List<(string Sql, JsonElement Plan)>> PlansAsync(
        IEnumerable<(string Sql, NpgsqlParameter[] Parameters)> commands)
    {
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync(Ct);
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync(Ct);
        var plans = new List<(string, JsonElement)>();
        foreach (var (sql, parameters) in commands.Where(c =>
                     c.Sql.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase)
                     && Tables.Any(t => c.Sql.Contains($"{db.Schema}.{t}"))))
        {
            await using var explain = new NpgsqlCommand("explain (format json) " + sql, conn);
            foreach (var p in parameters) explain.Parameters.Add(p.Clone());
            var json = (string)(await explain.ExecuteScalarAsync(Ct))!;
            plans.Add((sql, JsonDocument.Parse(json).RootElement[0].GetProperty("Plan")));
        }
        return plans;
    }
}
