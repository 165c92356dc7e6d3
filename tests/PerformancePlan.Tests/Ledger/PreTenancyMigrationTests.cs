using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// Issue #10, ADR 0028: a store written before the administrations were tenants — Marten's tables without the
/// tenancy (documents without a tenant column, streams keyed by id alone), every row in <c>*DEFAULT*</c>,
/// <c>pp_ledger</c> without <c>sealed_tenant</c>, the chains hashing <c>*DEFAULT*</c> — is migrated by
/// <c>perfplan db migrate</c>, then verifies whole and per entity and scores as it did.
/// </summary>
public class PreTenancyMigrationTests(PostgresCluster cluster) : CliDatabase(cluster, "pretenancy_")
{
    static readonly PlanId Lucca = PlanId.Parse("cciaa-lu-2019");
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The configuration of before: this build's, without the tenancy of <see cref="Tenancy"/>.</summary>
    static DocumentStore PreTenancyStore(string db) => DocumentStore.For(opts =>
    {
        EventStore.Configure(opts, db);
        opts.Events.TenancyStyle = TenancyStyle.Single;
        opts.Schema.For<Plan>().SingleTenanted();
        opts.Schema.For<IndicatorResults>().SingleTenanted();
    });

    [Fact]
    public async Task A_store_written_before_the_tenants_migrates_verifies_whole_and_per_entity_and_scores_the_same()
    {
        var before = new Dictionary<string, string>();
        using (var old = PreTenancyStore(Db))
        {
            await old.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
            await using (var conn = new NpgsqlConnection(Db))
                await LedgerSchema.ApplyAsync(conn, EventStore.DefaultSchema, Ct);
            foreach (var plan in new[] { SeedPlan.Id, Lucca })
                await WriteAsync(old, plan);
            await AsBeforeTheTenantsAsync();
            foreach (var plan in new[] { SeedPlan.Id, Lucca })
                before[plan.Value] = await ScoresAsync(old, old.QuerySession(), plan);
        }
        (await ScalarAsync("select count(*) from {s}.mt_events where tenant_id <> '*DEFAULT*'")).ShouldBe(0);
        (await ScalarAsync("select count(*) from information_schema.columns where table_schema = '{s}' "
            + "and table_name = 'mt_doc_plan' and column_name = 'tenant_id'")).ShouldBe(0);

        var migrate = await Run("db", "migrate");
        var whole = await Run("ledger", "verify", "--as", "admin");
        var own = await Run("ledger", "verify", "--entity", "cciaa-ms", "--as", "oiv");

        migrate.ExitCode.ShouldBe(0, migrate.Errors + migrate.Output);
        whole.ExitCode.ShouldBe(0, whole.Errors + whole.Output);
        own.ExitCode.ShouldBe(0, own.Errors + own.Output);
        (await ScalarAsync("select count(*) from {s}.mt_events where tenant_id = '*DEFAULT*' "
            + "and stream_id <> 'ledger'")).ShouldBe(0);
        using var store = EventStore.Create(Db);
        foreach (var plan in new[] { SeedPlan.Id, Lucca })
        {
            var session = TenantSessions.Query(store, null, plan);
            (await ScoresAsync(store, session, plan)).ShouldBe(before[plan.Value]);
        }
        var scores = await Run("scores", "--plan", SeedPlan.Id.Value, "--as", "oiv", "--format", "json");
        scores.ExitCode.ShouldBe(0, scores.Errors);
    }

    /// <summary>
    /// This build's sessions name the entity as tenant even on the configuration of before: the rows go back to
    /// <c>*DEFAULT*</c>, as the code of before wrote them, and both chains are linked again, in sequence order, by
    /// the ledger's own function, so they hash <c>*DEFAULT*</c> as the seals of before did; <c>pp_ledger</c> loses
    /// <c>sealed_tenant</c>, which did not exist. The events' own seals (their hashes) name no tenant and stay.
    /// </summary>
    Task AsBeforeTheTenantsAsync() => Sql($$"""
        alter table {s}.pp_ledger drop column sealed_tenant;
        update {s}.mt_events set tenant_id = '{{Tenancy.Installation}}';
        update {s}.mt_streams set tenant_id = '{{Tenancy.Installation}}';
        update {s}.pp_ledger set position = null, link = null, entity = null, entity_position = null,
            entity_link = null;
        update {s}.{{LedgerSchema.HeadTable}} set position = 0, link = '';
        delete from {s}.{{LedgerSchema.EntityHeadTable}};
        delete from {s}.{{LedgerSchema.CheckpointTable}};
        do $d$ declare r record; begin
          for r in select l.stream_id, l.version from {s}.pp_ledger l
                   join {s}.mt_events e on e.stream_id = l.stream_id and e.version = l.version order by e.seq_id loop
            perform {s}.pp_ledger_link(r.stream_id, r.version);
          end loop;
        end $d$;
        """);

    /// <summary>The seed plan imported, approved, a result recorded: as a store of before holds them.</summary>
    async Task WriteAsync(IDocumentStore store, PlanId plan)
    {
        await new PlanImportService(store, _clock).ImportAsync(SeedFiles.PlanCsv, plan.Entity, SeedPlan.Admin, false,
            Ct);
        await new PlanLifecycleService(store, _clock).ApproveAsync(plan, "Delibera di Giunta n. 7 del 31/01/2019",
            new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
        await new ResultService(store, _clock).RecordAsync(plan, "O1.2.4-a", "3", "30/04/2019", null, null,
            SeedPlan.Admin, null, Ct);
    }

    static async Task<string> ScoresAsync(IDocumentStore store, IQuerySession session, PlanId plan)
    {
        await using (session)
            return store.Options.Serializer().ToJson((await ScoreQueries.LoadAsync(session, plan, Ct))!.Value.Scores);
    }

    async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", EventStore.DefaultSchema), conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct));
    }

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", EventStore.DefaultSchema), conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }
}
