using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Identity;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// Every tampering of issue #14 by a database superuser (SQL only, no signing key), one row each, with the outcome
/// written next to it (docs/ledger-threat-model.md): caught by <c>ledger verify</c> on its own, caught only by a
/// signed checkpoint taken before it, or honestly out of reach — then verify still says how many events are sealed
/// after the last checkpoint it proved.
/// </summary>
public class TamperSuiteTests(PostgresCluster cluster) : IAsyncLifetime
{
    /// <summary>Who catches a tampering.</summary>
    public enum Outcome { Verify, Checkpoint, OutOfReach }

    const string Museum = "cciaa-ms-2019/O1.2.4-a";   // two results, recorded after approval
    const string Visits = "cciaa-ms-2019/O2.1.1-b";   // one result, the last event written

    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    LedgerService Ledger => new(_db.Store, _clock);

    /// <summary>Scenario, whether a checkpoint is taken after the seed (before the attack), outcome, what is said.
    /// </summary>
    public static TheoryData<string, bool, Outcome, string> Scenarios => new()
    {
        { "delete one indicator's events, seals, stream row and the ledger's digests", false, Outcome.Verify,
            "eventi cancellati" },
        { "the same deletion, then the global chain re-linked", true, Outcome.Checkpoint, "copre" },
        { "edit an event and re-seal its stream only", false, Outcome.Verify, "catena globale" },
        { "edit an event, re-seal its stream and re-link the global chain", true, Outcome.Checkpoint, "riscritta" },
        { "edit an event after the last checkpoint and re-seal everything", false, Outcome.OutOfReach, "" },
        { "truncate the tail", false, Outcome.Verify, "in coda" },
        { "truncate the tail and rewrite the head row", true, Outcome.Checkpoint, "copre" },
        { "truncate the tail after the last checkpoint and rewrite the head", false, Outcome.OutOfReach, "" },
        { "forged insert, sealed in its stream, after the last checkpoint", false, Outcome.OutOfReach, "" },
        { "forged insert, sealed in its stream, before a checkpoint and re-linked", true, Outcome.Checkpoint,
            "riscritta" },
        { "edit mt_events.timestamp", false, Outcome.Verify, "catena globale" },
        { "edit mt_events.tenant_id", false, Outcome.Verify, "catena globale" },
        { "edit mt_events.mt_dotnet_type", false, Outcome.Verify, "catena globale" },
        { "edit the command header", false, Outcome.Verify, "catena globale" },
        { "edit mt_events.causation_id", false, Outcome.Verify, "catena globale" },
        { "edit mt_events.id", false, Outcome.Verify, "catena globale" },
        { "edit mt_streams.version", false, Outcome.Verify, "mt_streams" },
        { "archive a stream in mt_streams", false, Outcome.Verify, "archiviato" },
        { "insert a checkpoint signed with another key", false, Outcome.Verify, "non è firmato" },
        { "insert a key rotation to another key, signed by that key", false, Outcome.Verify, "non è firmato" },
        { "edit an event, re-seal its stream and re-link the global chain but not the entity's", false,
            Outcome.Verify, "catena dell'ente" },
        { "move a seal into another entity's chain", false, Outcome.Verify, "catena dell'ente" },
        { "hide a result as one of Marten's tombstones (mt_tombstone)", false, Outcome.Verify,
            "eventi cancellati" },
    };

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
        await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(SeedPlan.Id,
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
        var results = new ResultService(_db.Store, _clock);
        await results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, SeedPlan.Admin, null, Ct);
        await results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "5", "31/08/2019", null, null, SeedPlan.Admin, null, Ct);
        await results.RecordAsync(SeedPlan.Id, "O2.1.1-b", "4", "30/04/2019", null, null, SeedPlan.Admin, null, Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_tampering_is_caught_where_the_threat_model_says(
        string scenario, bool checkpointFirst, Outcome outcome, string said)
    {
        if (checkpointFirst) await Ledger.CheckpointAsync("oiv", "ledger checkpoint", null, Ct);
        (await Ledger.VerifyAsync(null, null, Ct)).Verified.ShouldBeTrue();

        await AttackAsync(scenario);
        var report = await Ledger.VerifyAsync(null, null, Ct);

        var all = string.Join("\n", report.Problems);
        switch (outcome)
        {
            case Outcome.Verify:
                report.Verified.ShouldBeFalse(scenario);
                report.Problems.ShouldContain(p => p.Reason.Contains(said), all);
                break;
            case Outcome.Checkpoint:
                report.Verified.ShouldBeFalse(scenario);
                report.Problems.ShouldAllBe(p => p.Stream == "checkpoint", all);
                report.FirstBad!.Reason.ShouldContain(said);
                break;
            default:
                report.Verified.ShouldBeTrue(all);
                report.LastCheckpoint.ShouldNotBeNull();   // the approval's: what the attack did is after it
                report.SealedSinceCheckpoint.ShouldBeGreaterThan(0);
                break;
        }
        // The plan's own verification walks its entity's chain only (ADR 0024) and reaches the same verdict.
        var plan = await Ledger.VerifyAsync(SeedPlan.Id, null, Ct);
        plan.Verified.ShouldBe(outcome == Outcome.OutOfReach, string.Join("\n", plan.Problems));
    }

    [Theory]
    [InlineData("tombstone", true)]
    [InlineData("result_recorded", false)]
    public async Task Marten_s_tombstones_of_a_failed_write_are_not_tampering_anything_else_in_their_stream_is(
        string type, bool verified)
    {
        // What Marten writes after a write failed having drawn sequence numbers (PostgreSQL killed mid-commit).
        // Under conjoined tenancy (ADR 0028) the tombstone stream is written in the failed session's tenant.
        await Sql("insert into {s}.mt_streams (id, version, tenant_id) values ('mt_tombstone', 0, 'cciaa-ms') "
            + "on conflict do nothing; insert into {s}.mt_events (seq_id, id, stream_id, version, data, type, "
            + "timestamp, tenant_id, "
            + $"mt_dotnet_type) select nextval('{{s}}.mt_events_sequence'), gen_random_uuid(), 'mt_tombstone', 1, "
            + $"'{{}}', '{type}', timestamp, tenant_id, mt_dotnet_type from {{s}}.mt_events "
            + $"where stream_id = '{Visits}' and version = 1");

        var report = await Ledger.VerifyAsync(null, null, Ct);

        report.Verified.ShouldBe(verified, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task After_an_indicator_is_deleted_the_OIV_replay_reports_the_ledger_not_intact()
    {
        await AttackAsync("delete one indicator's events, seals, stream row and the ledger's digests");

        var replay = await new OivService(_db.Store, _clock).ReplayAsync(SeedPlan.Id, null, null, Ct);

        replay!.Ledger.Verified.ShouldBeFalse();
        replay.Ledger.FirstBad!.Reason.ShouldContain("eventi cancellati");
    }

    [Fact]
    public async Task A_checkpoint_the_OIV_kept_catches_a_rewrite_even_when_every_checkpoint_in_the_database_is_gone()
    {
        var kept = await Ledger.CheckpointAsync("oiv", "ledger checkpoint", null, Ct);
        await AttackAsync("edit an event, re-seal its stream and re-link the global chain");
        await Sql("delete from {s}.pp_ledger_checkpoint");

        (await Ledger.VerifyAsync(null, null, Ct)).Verified.ShouldBeTrue();   // on its own: a consistent forgery
        var report = await Ledger.VerifyWithAsync(null, new LedgerEvidence(Checkpoint: kept), Ct);

        report.Verified.ShouldBeFalse();
        report.FirstBad!.Reason.ShouldContain("(file)");
    }

    [Fact]
    public async Task A_checkpoint_is_taken_after_approval_and_verify_reports_what_came_after()
    {
        var report = await Ledger.VerifyAsync(SeedPlan.Id, null, Ct);

        report.LastCheckpoint!.Reason.ShouldBe("plan approve");
        report.SealedSinceCheckpoint.ShouldBe(3);   // the three results
        report.Position.ShouldBe(report.LastCheckpoint.Position + 3);
    }

    [Fact]
    public async Task A_stream_version_edited_in_mt_streams_refuses_the_next_write_with_what_happened()
    {
        await AttackAsync("edit mt_streams.version");

        var write = () => new ResultService(_db.Store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "6",
            "31/08/2019", null, null, SeedPlan.Admin, null, Ct);

        (await write.ShouldThrowAsync<DomainException>()).Message.ShouldContain("alterati fuori dall'applicazione");
    }

    async Task AttackAsync(string scenario)
    {
        const string where = $"stream_id = '{Museum}' and version = 1";
        switch (scenario)
        {
            case "delete one indicator's events, seals, stream row and the ledger's digests":
                await Sql($"delete from {{s}}.mt_events where stream_id in ('{Museum}', 'ledger'); "
                    + $"delete from {{s}}.pp_ledger where stream_id in ('{Museum}', 'ledger'); "
                    + $"delete from {{s}}.mt_streams where id in ('{Museum}', 'ledger')");
                break;
            case "the same deletion, then the global chain re-linked":
                await AttackAsync("delete one indicator's events, seals, stream row and the ledger's digests");
                await ReLinkAsync();
                break;
            case "edit an event and re-seal its stream only":
                await Sql($"update {{s}}.mt_events set data = jsonb_set(data, '{{value,amount}}', '12') where {where}");
                await ReChainAsync(Museum);
                break;
            case "edit an event, re-seal its stream and re-link the global chain":
                await AttackAsync("edit an event and re-seal its stream only");
                await ReLinkAsync();
                break;
            case "edit an event, re-seal its stream and re-link the global chain but not the entity's":
                await AttackAsync("edit an event and re-seal its stream only");
                await Sql("update {s}.pp_ledger set position = null, link = null; "
                    + "update {s}.pp_ledger_head set position = 0, link = ''; "
                    + "do $d$ declare r record; ev text; h record; nxt text; begin "
                    + "for r in select l.stream_id, l.version from {s}.pp_ledger l join {s}.mt_events e "
                    + "on e.stream_id = l.stream_id and e.version = l.version order by e.seq_id loop "
                    + "select " + PerformancePlan.Projections.LedgerSchema.EventText("e") + " into ev "
                    + "from {s}.mt_events e where e.stream_id = r.stream_id and e.version = r.version; "
                    + "update {s}.pp_ledger_head set position = position + 1 where id = 1 "
                    + "returning position, link into h; "
                    + "select encode(sha256(convert_to(h.link || E'\\n' || h.position::text || E'\\n' || l.hash "
                    + "|| E'\\n' || ev, 'UTF8')), 'hex') into nxt from {s}.pp_ledger l "
                    + "where l.stream_id = r.stream_id and l.version = r.version; "
                    + "update {s}.pp_ledger set position = h.position, link = nxt "
                    + "where stream_id = r.stream_id and version = r.version; "
                    + "update {s}.pp_ledger_head set link = nxt where id = 1; end loop; end $d$");
                break;
            case "move a seal into another entity's chain":
                await Sql($"update {{s}}.pp_ledger set entity = 'cciaa-lu' where {where}");
                break;
            case "edit an event after the last checkpoint and re-seal everything":
                await AttackAsync("edit an event, re-seal its stream and re-link the global chain");
                break;
            case "truncate the tail":
                await Sql($"delete from {{s}}.mt_events where stream_id in ('{Visits}', 'ledger'); "
                    + $"delete from {{s}}.pp_ledger where stream_id in ('{Visits}', 'ledger'); "
                    + $"delete from {{s}}.mt_streams where id in ('{Visits}', 'ledger')");
                break;
            case "truncate the tail and rewrite the head row":
            case "truncate the tail after the last checkpoint and rewrite the head":
                await AttackAsync("truncate the tail");
                await Sql("update {s}.pp_ledger_head h set position = l.position, link = l.link from "
                    + "(select position, link from {s}.pp_ledger order by position desc limit 1) l; "
                    // and every entity chain's head row (ADR 0024), as an attacker who knows the scheme does
                    + "update {s}.pp_ledger_entity_head h set position = l.entity_position, link = l.entity_link "
                    + "from (select distinct on (entity) entity, entity_position, entity_link from {s}.pp_ledger "
                    + "where entity is not null order by entity, entity_position desc) l where h.entity = l.entity; "
                    + "delete from {s}.pp_ledger_entity_head h "
                    + "where not exists (select 1 from {s}.pp_ledger l where l.entity = h.entity)");
                break;
            case "hide a result as one of Marten's tombstones (mt_tombstone)":
                // Marten's gap fillers are left out of the check (after a failed write): one of ours dressed as one.
                await Sql("insert into {s}.mt_streams (id, version, tenant_id) values ('mt_tombstone', 0, "
                    + "'cciaa-ms') on conflict do nothing; update {s}.mt_events set stream_id = 'mt_tombstone', "
                    + "version = 1, type = 'tombstone', "
                    + $"data = '{{}}' where stream_id = '{Museum}' and version = 2; "
                    + $"update {{s}}.mt_streams set version = 1 where id = '{Museum}'");
                break;
            case "forged insert, sealed in its stream, after the last checkpoint":
                await Sql("insert into {s}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, "
                    + "tenant_id, mt_dotnet_type, headers, correlation_id) "
                    + "select nextval('{s}.mt_events_sequence'), gen_random_uuid(), stream_id, 3, "
                    + "jsonb_set(data, '{value,amount}', '9'), type, timestamp, tenant_id, mt_dotnet_type, headers, "
                    + $"correlation_id from {{s}}.mt_events where stream_id = '{Museum}' and version = 2; "
                    + $"update {{s}}.mt_streams set version = 3 where id = '{Museum}'");
                await ReChainAsync(Museum);   // inserts the seal; the trigger links it at commit
                break;
            case "forged insert, sealed in its stream, before a checkpoint and re-linked":
                // Into the past: the later result moves up the sequence, the forgery takes a place before it.
                await Sql($"update {{s}}.mt_events set seq_id = seq_id + 1000 where stream_id = '{Visits}'");
                await AttackAsync("forged insert, sealed in its stream, after the last checkpoint");
                await Sql($"update {{s}}.mt_events set seq_id = (select max(seq_id) + 1 from {{s}}.mt_events "
                    + $"where stream_id = '{Museum}' and version < 3) where stream_id = '{Museum}' and version = 3");
                await ReLinkAsync();
                break;
            case "edit mt_events.timestamp":
                await Sql($"update {{s}}.mt_events set timestamp = timestamp - interval '1 day' where {where}");
                break;
            case "edit mt_events.tenant_id":
                // The stream's foreign key (ADR 0028) is no obstacle to whom holds the database: triggers off.
                await Sql("set session_replication_role = replica; "
                    + $"update {{s}}.mt_events set tenant_id = 'altro' where {where}; "
                    + "set session_replication_role = origin");
                break;
            case "edit mt_events.mt_dotnet_type":
                await Sql($"update {{s}}.mt_events set mt_dotnet_type = 'Altro, Altro' where {where}");
                break;
            case "edit the command header":
                await Sql($"update {{s}}.mt_events set headers = jsonb_set(headers, '{{command}}', '\"altro\"') "
                    + $"where {where}");
                break;
            case "edit mt_events.causation_id":
                await Sql($"update {{s}}.mt_events set causation_id = 'altro' where {where}");
                break;
            case "edit mt_events.id":
                await Sql($"update {{s}}.mt_events set id = gen_random_uuid() where {where}");
                break;
            case "edit mt_streams.version":
                await Sql($"update {{s}}.mt_streams set version = 7 where id = '{Museum}'");
                break;
            case "archive a stream in mt_streams":
                await Sql($"update {{s}}.mt_streams set is_archived = true where id = '{Museum}'");
                break;
            case "insert a checkpoint signed with another key":
                var other = Path.Combine(Directory.CreateTempSubdirectory("perfplan-key-").FullName, "key");
                await File.WriteAllTextAsync(other,
                    Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Ct);
                await Ledger.CheckpointAsync("intruso", "ledger checkpoint", LedgerKey.Load(other), Ct);
                break;
            case "insert a key rotation to another key, signed by that key":
                var own = Path.Combine(Directory.CreateTempSubdirectory("perfplan-key-").FullName, "key");
                await File.WriteAllTextAsync(own,
                    Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Ct);
                var key = LedgerKey.Load(own);
                await Ledger.CheckpointAsync("intruso", LedgerKeyRotation.Successor(key.PublicKey), key, Ct);
                break;
            default: throw new ArgumentException(scenario);
        }
    }

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", _db.Schema), conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    async Task ReChainAsync(string stream)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await LedgerAttacks.ReChainStreamAsync(conn, _db.Schema, stream, Ct);
    }

    async Task ReLinkAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await LedgerAttacks.ReLinkGlobalChainAsync(conn, _db.Schema, Ct);
    }
}
