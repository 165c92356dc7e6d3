using PerformancePlan.Domain.Identity;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Cli;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// Someone with direct access to PostgreSQL edits, deletes, inserts or swaps rows of the event table, or re-chains the
/// whole ledger after an edit: each is detected and located.
/// </summary>
public class LedgerTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    LedgerService Ledger => new(_db.Store, _clock);

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

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", _db.Schema), conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    async Task<long> Sequence(string stream, long version)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            $"select seq_id from {_db.Schema}.mt_events where stream_id = '{stream}' and version = {version}", conn);
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task An_untouched_ledger_verifies()
    {
        var report = await Ledger.VerifyAsync(null, null, Ct);
        report.Verified.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Events.ShouldBe(await _db.EventCountAsync());
        (await Ledger.VerifyAsync(SeedPlan.Id, null, Ct)).Verified.ShouldBeTrue();
    }

    [Fact]
    public async Task An_event_changed_by_SQL_is_found()
    {
        var seq = await Sequence("cciaa-ms-2019/O1.2.4-a", 1);
        await Sql($"update {{s}}.mt_events set data = jsonb_set(data, '{{value,amount}}', '12') where seq_id = {seq}");

        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;

        (bad.Stream, bad.Version, bad.Sequence).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 1L, (long?)seq));
        bad.Reason.ShouldContain("modificato");
    }

    [Fact]
    public async Task An_event_deleted_by_SQL_is_found()
    {
        await Sql("delete from {s}.mt_events where stream_id = 'cciaa-ms-2019/O1.2.4-a' and version = 1");

        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;
        (bad.Stream, bad.Version).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 1L));
        bad.Reason.ShouldContain("cancellato");
    }

    [Fact]
    public async Task The_last_event_deleted_by_SQL_is_found_too()
    {
        await Sql("delete from {s}.mt_events where stream_id = 'cciaa-ms-2019/O1.2.4-a' and version = 2");
        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;
        (bad.Stream, bad.Version, bad.Reason.Contains("cancellati")).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 2L, true));
    }

    [Fact]
    public async Task An_event_inserted_by_SQL_is_found()
    {
        await Sql(
            "insert into {s}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, "
            + "mt_dotnet_type, headers)\n"
            + "select nextval('{s}.mt_events_sequence'), gen_random_uuid(), stream_id, 3, data, type, timestamp, "
            + "tenant_id, mt_dotnet_type, headers\n"
            + "from {s}.mt_events where stream_id = 'cciaa-ms-2019/O1.2.4-a' and version = 2");

        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;
        (bad.Stream, bad.Version).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 3L));
        bad.Reason.ShouldContain("senza sigillo");
    }

    [Fact]
    public async Task Two_events_swapped_by_SQL_are_found()
    {
        await Sql("""
            update {s}.mt_events e set data = o.data from {s}.mt_events o
            where e.stream_id = 'cciaa-ms-2019/O1.2.4-a' and o.stream_id = e.stream_id and e.version + o.version = 3
            """);

        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;
        (bad.Stream, bad.Version).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 1L));
    }

    [Fact]
    public async Task An_event_hidden_as_archived_is_found()
    {
        await Sql("update {s}.mt_events set is_archived = true "
            + "where stream_id = 'cciaa-ms-2019/O2.1.1-b' and version = 1");
        (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!.Reason.ShouldContain("archiviato");
    }

    [Fact]
    public async Task Events_reordered_by_sequence_are_found()
    {
        await Sql(
            "update {s}.mt_events set seq_id = -seq_id where stream_id = 'cciaa-ms-2019/O1.2.4-a';\n"
            + "update {s}.mt_events set seq_id = case version when 1 then (select -min(seq_id) from {s}.mt_events "
            + "where stream_id = 'cciaa-ms-2019/O1.2.4-a')\n"
            + "                                              else (select -max(seq_id) from {s}.mt_events "
            + "where stream_id = 'cciaa-ms-2019/O1.2.4-a') end\n"
            + "where stream_id = 'cciaa-ms-2019/O1.2.4-a';");
        var bad = (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!;
        (bad.Stream, bad.Version, bad.Reason.Contains("riordinato")).ShouldBe(("cciaa-ms-2019/O1.2.4-a", 2L, true));
    }

    [Fact]
    public async Task The_head_printed_by_verify_is_the_root_the_digest_exports()
    {
        var digest = await Ledger.DigestAsync("oiv", Ct);
        (await Ledger.VerifyAsync(null, null, Ct)).Head.ShouldBe(digest.Root);
    }

    [Fact]
    public async Task A_full_re_chain_after_an_edit_passes_alone_but_not_against_an_earlier_digest()
    {
        var digest = await Ledger.DigestAsync("oiv", Ct);
        var seq = await Sequence("cciaa-ms-2019/O2.1.1-b", 1);
        await Sql($"update {{s}}.mt_events set data = jsonb_set(data, '{{value,amount}}', '5') where seq_id = {seq}");
        await ReChainAsync("cciaa-ms-2019/O2.1.1-b");
        await Sql("delete from {s}.mt_events where stream_id = 'ledger'; "
            + "delete from {s}.pp_ledger where stream_id = 'ledger'");   // hide the recorded digest too
        await ReLinkAsync();   // and close the gap it leaves in the global chain (ADR 0016)

        (await Ledger.VerifyAsync(null, null, Ct)).Verified.ShouldBeTrue();   // a consistent forgery, on its own

        var report = await Ledger.VerifyAsync(null, JsonSerializer.Deserialize<LedgerDigestFile>(
            JsonSerializer.Serialize(digest, AppJson.Options), AppJson.Options), Ct);
        report.Verified.ShouldBeFalse();
        report.FirstBad!.Stream.ShouldBe("cciaa-ms-2019/O2.1.1-b");
        report.FirstBad.Reason.ShouldContain("riscritt");   // the entity chain no longer extends the digest (0024)
    }

    [Fact]
    public async Task A_recorded_digest_catches_a_re_chain_even_without_the_file()
    {
        await Ledger.DigestAsync("oiv", Ct);
        var seq = await Sequence("cciaa-ms-2019/O2.1.1-b", 1);
        await Sql($"update {{s}}.mt_events set data = jsonb_set(data, '{{value,amount}}', '5') where seq_id = {seq}");
        await ReChainAsync("cciaa-ms-2019/O2.1.1-b");

        (await Ledger.VerifyAsync(null, null, Ct)).FirstBad!.Stream.ShouldBe("cciaa-ms-2019/O2.1.1-b");
    }

    async Task ReLinkAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await LedgerAttacks.ReLinkGlobalChainAsync(conn, _db.Schema, Ct);
    }

    /// <summary>What an attacker who knows the algorithm does: recompute and rewrite every hash of a stream.</summary>
    async Task ReChainAsync(string stream)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        var rows = new List<(long Version, string Canonical)>();
        await using (var cmd = new NpgsqlCommand(
            "select version, type, data::text, coalesce(headers->>'user',''), coalesce(headers->>'at',''), "
            + $"coalesce(correlation_id,'') from {_db.Schema}.mt_events where stream_id = '{stream}' "
            + "order by version", conn))
        await using (var r = await cmd.ExecuteReaderAsync(Ct))
            while (await r.ReadAsync(Ct))
                rows.Add((r.GetInt64(0), LedgerHash.CanonicalEvent(r.GetString(1), stream, r.GetInt64(0),
                    r.GetString(3), r.GetString(4), r.GetString(5), LedgerHash.CanonicalJson(r.GetString(2)))));
        var hash = "";
        foreach (var (version, canonical) in rows)
        {
            hash = LedgerHash.Next(hash, canonical);
            await using var update = new NpgsqlCommand($"update {_db.Schema}.pp_ledger set hash = '{hash}' "
                + $"where stream_id = '{stream}' and version = {version}", conn);
            await update.ExecuteNonQueryAsync(Ct);
        }
        await LedgerAttacks.ReLinkGlobalChainAsync(conn, _db.Schema, Ct);   // and the global chain (ADR 0016)
    }
}

/// <summary><c>perfplan ledger verify|digest</c> as the OIV runs them.</summary>
public class LedgerCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "ledger_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = await cluster.CreateDatabaseAsync(_database);
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            _db)).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task Verify_prints_the_documented_json_and_exits_4_when_tampered()
    {
        var dir = Directory.CreateTempSubdirectory("perfplan-digest-").FullName;
        (await CliRunner.RunAsync("ledger", "digest", "--as", "oiv", "--out", Path.Combine(dir, "digest.json"), "--db",
            _db))
            .ExitCode.ShouldBe(0);

        var ok = await CliRunner.RunAsync("ledger", "verify", "--as", "oiv", "--format", "json",
            "--digest", Path.Combine(dir, "digest.json"), "--db", _db);
        ok.ExitCode.ShouldBe(0, ok.Errors);
        using (var json = JsonDocument.Parse(ok.Output))
        {
            json.RootElement.GetProperty("verified").GetBoolean().ShouldBeTrue();
            json.RootElement.GetProperty("events").GetInt64().ShouldBe(106);   // 105 of the plan + the digest
            json.RootElement.GetProperty("head").GetString()!.Length.ShouldBe(64);
            json.RootElement.GetProperty("firstBad").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        await using (var conn = new NpgsqlConnection(_db))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand(
                "update perfplan.mt_events set data = jsonb_set(data, '{description}', '\"Altro\"') "
                + "where stream_id = 'cciaa-ms-2019' and version = 40", conn);
            (await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }
        var bad = await CliRunner.RunAsync("ledger", "verify", "--as", "oiv", "--format", "json", "--db", _db);
        bad.ExitCode.ShouldBe(4);
        using var report = JsonDocument.Parse(bad.Output);
        var first = report.RootElement.GetProperty("firstBad");
        (first.GetProperty("stream").GetString(), first.GetProperty("version").GetInt64())
            .ShouldBe(("cciaa-ms-2019", 40L));
        first.GetProperty("sequence").GetInt64().ShouldBeGreaterThan(0);
    }
}
