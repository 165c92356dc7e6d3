using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// Each administration's own chain (ADR 0024): a plan's verification walks its entity's chain, so what happens to
/// another administration's rows neither reaches its OIV nor costs it reads; the whole-store verification still
/// catches everything; a store written before the entity chains gets them on migration.
/// </summary>
public class EntityChainTests(PostgresCluster cluster) : IAsyncLifetime
{
    static readonly PlanId Lucca = PlanId.Parse("cciaa-lu-2019");
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    LedgerService Ledger => new(_db.Store, _clock);

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        foreach (var entity in new[] { EntityId.Default, EntityId.Parse("cciaa-lu") })
        {
            await new PlanImportService(_db.Store, _clock).ImportAsync(SeedFiles.PlanCsv, entity, SeedPlan.Admin, false,
                Ct);
            var plan = PlanId.Of(entity, 2019);
            await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(plan,
                "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
            await new ResultService(_db.Store, _clock).RecordAsync(plan, "O1.2.4-a", "3", "30/04/2019", null, null,
                SeedPlan.Admin, null, Ct);
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_edit_in_another_administration_is_caught_by_its_verification_and_the_whole_store_not_by_ours()
    {
        await Sql("update {s}.mt_events set data = jsonb_set(data, '{value,amount}', '12') "
            + "where stream_id = 'cciaa-lu-2019/O1.2.4-a' and version = 1");

        (await Ledger.VerifyAsync(SeedPlan.Id, null, Ct)).Verified.ShouldBeTrue();
        (await Ledger.VerifyAsync(Lucca, null, Ct)).Verified.ShouldBeFalse();
        (await Ledger.VerifyAsync(null, null, Ct)).Verified.ShouldBeFalse();
    }

    [Fact]
    public async Task Each_administration_has_a_chain_of_its_own_events_and_a_head_row()
    {
        var heads = await HeadsAsync();

        heads.Keys.ShouldBe(["cciaa-lu", "cciaa-ms"], ignoreOrder: true);
        heads["cciaa-ms"].ShouldBe(await ScalarAsync("select count(*) from {s}.mt_events "
            + "where stream_id = 'cciaa-ms-2019' or stream_id like 'cciaa-ms-2019/%'"));
        heads["cciaa-lu"].ShouldBe(heads["cciaa-ms"]);
    }

    [Fact]
    public async Task A_store_sealed_before_the_entity_chains_gets_them_on_migration_and_still_verifies()
    {
        await Sql("drop table {s}.pp_ledger_entity_head; alter table {s}.pp_ledger drop column entity, "
            + "drop column entity_position, drop column entity_link; "
            + "create or replace function {s}.pp_ledger_link_entity(p_stream varchar, p_version bigint, ev text) "
            + "returns void language plpgsql as $f$ begin end $f$");

        await EventStore.PrepareAsync(_db.Store, Ct);

        (await HeadsAsync()).Count.ShouldBe(2);
        (await Ledger.VerifyAsync(null, null, Ct)).Verified.ShouldBeTrue();
        (await Ledger.VerifyAsync(SeedPlan.Id, null, Ct)).Verified.ShouldBeTrue();
        await new ResultService(_db.Store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "5", "31/08/2019", null, null,
            SeedPlan.Admin, null, Ct);
        (await Ledger.VerifyAsync(SeedPlan.Id, null, Ct)).Verified.ShouldBeTrue();
    }

    [Fact]
    public async Task A_digest_holds_one_head_per_administration_and_catches_a_consistent_deletion_in_one_of_them()
    {
        var digest = await Ledger.DigestAsync("oiv", Ct);
        digest.Entities!.Select(h => h.Entity).ShouldBe(["cciaa-lu", "cciaa-ms"]);
        digest.Heads.ShouldBeEmpty();

        await Sql("delete from {s}.mt_events where stream_id in ('cciaa-lu-2019/O1.2.4-a', 'ledger'); "
            + "delete from {s}.pp_ledger where stream_id in ('cciaa-lu-2019/O1.2.4-a', 'ledger'); "
            + "delete from {s}.mt_streams where id in ('cciaa-lu-2019/O1.2.4-a', 'ledger')");
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await LedgerAttacks.ReLinkGlobalChainAsync(conn, _db.Schema, Ct);   // consistent again, on its own
        }

        (await Ledger.VerifyAsync(Lucca, null, Ct)).Verified.ShouldBeTrue();
        var report = await Ledger.VerifyAsync(Lucca, digest, Ct);
        report.Verified.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Reason.Contains("sigilli dell'ente cciaa-lu"));
        // Massa-Carrara's own head in the same digest still holds; what it is told is that the global chain the digest
        // signed was rewritten, not what happened inside Lucca's history.
        var ours = await Ledger.VerifyAsync(SeedPlan.Id, digest, Ct);
        ours.Problems.ShouldNotContain(p => p.Reason.Contains("cciaa-lu") || p.Reason.Contains("ente cciaa-ms"));
        ours.Problems.ShouldAllBe(p => p.Stream == "digest");   // "il digest esterno copre N sigilli ma…"
        ours.Verified.ShouldBeFalse();
    }

    async Task<Dictionary<string, long>> HeadsAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            $"select entity, position from {_db.Schema}.{LedgerSchema.EntityHeadTable}", conn);
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        var heads = new Dictionary<string, long>();
        while (await r.ReadAsync(Ct)) heads[r.GetString(0)] = r.GetInt64(1);
        return heads;
    }

    async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", _db.Schema), conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct));
    }

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", _db.Schema), conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }
}
