using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// <c>serve</c> signs checkpoints on a schedule (ADR 0027): once <c>Ledger:CheckpointEvery</c> has passed by the
/// service's clock and the head has moved, a checkpoint is taken and exported to <c>Ledger:CheckpointDir</c>, where
/// <c>ledger verify --checkpoint FILE --public-key KEY</c> proves it; none while the head stands still.
/// </summary>
public class ScheduledCheckpointTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "sched_")
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The CLI's clock (CliRunner) approved the plan, with its checkpoint, at 01/03/2022 10:00 UTC.
    readonly FakeClock _clock = new(Instant.FromUtc(2022, 3, 1, 10, 10));
    readonly string _dir = Directory.CreateTempSubdirectory("perfplan-oiv-").FullName;

    [Fact]
    public async Task After_a_write_and_the_interval_a_checkpoint_is_exported_that_verify_proves_none_if_no_write()
    {
        using var store = EventStore.Create(Db, autoCreate: JasperFx.AutoCreate.None);
        await using var app = WebHost.Build(store, "http://127.0.0.1:0", _clock, new Dictionary<string, string?>
        {
            ["Ledger:CheckpointEvery"] = "1h", ["Ledger:CheckpointPoll"] = "50ms", ["Ledger:CheckpointDir"] = _dir,
        });
        await app.StartAsync(Ct);
        var before = await CheckpointsAsync();

        await Task.Delay(500, Ct);   // ten polls: the head moved (the approval) but not an hour has passed
        Directory.GetFiles(_dir).ShouldBeEmpty();
        await new ResultService(store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null,
            SeedPlan.Admin, null, Ct);
        _clock.Advance(Duration.FromHours(1));
        var file = await ExportedAsync();

        Path.GetFileName(file).ShouldBe($"perfplan-checkpoint-2022-03-01-{await HeadAsync()}.json");
        var run = await Run("ledger", "verify", "--as", "oiv", "--checkpoint", file, "--public-key",
            LedgerKey.Load().PublicKey, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Errors);
        using (var report = JsonDocument.Parse(run.Output))
        {
            var last = report.RootElement.GetProperty("lastCheckpoint");
            last.GetProperty("reason").GetString().ShouldBe("checkpoint programmato");
            last.GetProperty("position").GetInt64().ShouldBe(await HeadAsync());
            report.RootElement.GetProperty("sealedSinceCheckpoint").GetInt64().ShouldBe(0);
        }
        (await CheckpointsAsync()).ShouldBe(before + 1);

        _clock.Advance(Duration.FromHours(3));
        await Task.Delay(500, Ct);   // ten more polls, hours later: nothing written, so nothing to sign
        Directory.GetFiles(_dir).ShouldBe([file]);
        (await CheckpointsAsync()).ShouldBe(before + 1);
        await app.StopAsync(Ct);
    }

    [Fact]
    public async Task While_another_host_instance_holds_the_schedule_s_lock_this_one_signs_nothing_then_it_signs_once()
    {
        using var store = EventStore.Create(Db, autoCreate: JasperFx.AutoCreate.None);
        var schedule = CheckpointSchedule.From("1h", null, _dir);
        var since = _clock.GetCurrentInstant();
        await new ResultService(store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null,
            SeedPlan.Admin, null, Ct);
        _clock.Advance(Duration.FromHours(1));
        var before = await CheckpointsAsync();

        await using (var other = new NpgsqlConnection(Db))   // the other instance, in the middle of its tick
        {
            await other.OpenAsync(Ct);
            await using var claim = new NpgsqlCommand(
                $"select pg_advisory_lock(hashtext('{CheckpointSchedule.LockKey}'))", other);
            await claim.ExecuteNonQueryAsync(Ct);
            (await schedule.TickAsync(store, _clock, since, Ct)).ShouldBeEmpty();
            (await CheckpointsAsync()).ShouldBe(before);
            await using var done = new NpgsqlCommand(   // the other instance's tick ends (a pooled connection would
                $"select pg_advisory_unlock(hashtext('{CheckpointSchedule.LockKey}'))", other);   // keep its lock)
            await done.ExecuteNonQueryAsync(Ct);
        }

        (await schedule.TickAsync(store, _clock, since, Ct)).ShouldHaveSingleItem();
        (await schedule.TickAsync(store, _clock, since, Ct)).ShouldBeEmpty();
        (await CheckpointsAsync()).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("domani")]
    [InlineData("-1h")]
    [InlineData("24 ore")]
    public void A_schedule_that_is_not_a_duration_stops_the_service_from_starting_saying_how_to_write_it(string every)
    {
        var refused = Should.Throw<ServiceStartException>(() => CheckpointSchedule.From(every, null, null));

        refused.Message.ShouldContain("Ledger:CheckpointEvery");
        refused.Message.ShouldContain("24h");
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("30m", 30)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("1.00:00:00", 24 * 60)]
    [InlineData("24:00:00", 24 * 60)]
    [InlineData("06:30", 6 * 60 + 30)]
    public void A_schedule_is_written_as_people_write_durations(string every, int minutes) =>
        CheckpointSchedule.From(every, null, null).Every.ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Off_or_0_means_no_schedule_and_by_default_it_is_daily()
    {
        CheckpointSchedule.From("off", null, null).Every.ShouldBeNull();
        CheckpointSchedule.From("0", null, null).Every.ShouldBeNull();
        CheckpointSchedule.From(null, null, null).Every.ShouldBe(TimeSpan.FromHours(24));
    }

    async Task<string> ExportedAsync()
    {
        for (var i = 0; i < 300 && Directory.GetFiles(_dir, "*.json").Length == 0; i++) await Task.Delay(50, Ct);
        return Directory.GetFiles(_dir, "*.json").ShouldHaveSingleItem();
    }

    Task<long> CheckpointsAsync() => ScalarAsync($"select count(*) from perfplan.{LedgerSchema.CheckpointTable}");

    Task<long> HeadAsync() => ScalarAsync($"select position from perfplan.{LedgerSchema.HeadTable}");

    async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct));
    }
}
