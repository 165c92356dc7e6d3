using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace PerformancePlan.Tests.Concurrency;

/// <summary>
/// A fresh <c>PERFPLAN_HOME</c> holding the seed plan, imported and approved by <c>perfplan</c> processes on the
/// embedded default (no <c>--db</c>). Not <c>CreateTempSubdirectory</c> (mode 700): as root, PostgreSQL runs as
/// «postgres», which must enter it.
/// </summary>
public sealed class EmbeddedHome : IAsyncLifetime
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(),
        "perfplan-home-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public async ValueTask InitializeAsync()
    {
        var plan = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019.csv");
        (await EmbeddedConcurrencyTests.PerfplanAsync(Path, "plan", "import", "--as", "admin", plan)).Code
            .ShouldBe(0);
        (await EmbeddedConcurrencyTests.PerfplanAsync(Path, "plan", "approve", "--plan", "cciaa-ms-2019", "--act",
            "Delibera n. 7", "--on", "31/01/2019", "--as", "giunta")).Code.ShouldBe(0);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Path, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// 32 <c>perfplan</c> processes at once on the embedded default: one PostgreSQL is started for all of them and
/// stopped by the last. Writers that name the version they read (<c>--expected-version</c>) get one winner per
/// indicator and the rest exit 3 with «ripetere» and the current version; writers that do not each record on the
/// version they find (later ones after earlier commits), and a collision is exit 3, never exit 1. Every winner's
/// entry is stored, nothing else is (ADR 0021).
/// </summary>
public class EmbeddedConcurrencyTests(EmbeddedHome home) : IClassFixture<EmbeddedHome>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thirty_two_concurrent_results_on_one_new_indicator_stream_win_or_exit_3_and_nothing_is_lost()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => PerfplanAsync(home.Path, "results",
            "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", i.ToString(),
            "--on", "30/04/2019", "--as", "admin", "--format", "json")));

        var report = Report(runs);
        runs.ShouldAllBe(r => r.Code == 0 || r.Code == 3, report);
        runs.Where(r => r.Code == 3)
            .ShouldAllBe(r => r.Errors.Contains("ripetere", StringComparison.OrdinalIgnoreCase), report);
        runs.ShouldAllBe(r => !(r.Output + r.Errors).Contains("Exception"), report);
        var winners = runs.Where(r => r.Code == 0).ToList();
        winners.ShouldNotBeEmpty(report);
        var stored = await StoredEventsAsync(home.Path, "cciaa-ms-2019/O1.2.4-a");
        stored.Count.ShouldBe(winners.Count, report);
        foreach (var w in winners)
            stored.ShouldContain(e => w.Output.Contains(e), report);
        File.Exists(System.IO.Path.Combine(home.Path, "pg", "data", "postmaster.pid"))
            .ShouldBeFalse("the last one stops it");
    }

    [Fact]
    public async Task Thirty_two_writers_of_the_version_they_read_give_one_winner_the_other_31_exit_3_nothing_lost()
    {
        var first = await PerfplanAsync(home.Path, "results", "record", "--plan", "cciaa-ms-2019", "--indicator",
            "O2.1.1-b", "--value", "1", "--on", "31/03/2019", "--as", "admin", "--format", "json");
        first.Code.ShouldBe(0, first.Errors);
        var read = JsonDocument.Parse(first.Output).RootElement.GetProperty("version").GetInt64();

        var runs = await Task.WhenAll(Enumerable.Range(2, 32).Select(i => PerfplanAsync(home.Path, "results",
            "record", "--plan", "cciaa-ms-2019", "--indicator", "O2.1.1-b", "--value", i.ToString(),
            "--on", "30/04/2019", "--expected-version", read.ToString(), "--as", "admin", "--format", "json")));

        var report = Report(runs);
        read.ShouldBe(1);
        var winner = runs.Where(r => r.Code == 0).ShouldHaveSingleItem(report);
        JsonDocument.Parse(winner.Output).RootElement.GetProperty("version").GetInt64().ShouldBe(2);
        var losers = runs.Where(r => r.Code != 0).ToList();
        losers.Count.ShouldBe(31, report);
        losers.ShouldAllBe(r => r.Code == 3 && r.Errors.Contains("ripetere") && r.Errors.Contains("versione 2"),
            report);
        runs.ShouldAllBe(r => !(r.Output + r.Errors).Contains("Exception"), report);
        var stored = await StoredEventsAsync(home.Path, "cciaa-ms-2019/O2.1.1-b");
        stored.Count.ShouldBe(2, report);
        stored.ShouldContain(e => first.Output.Contains(e));
        stored.ShouldContain(e => winner.Output.Contains(e));
    }

    static string Report(Exit[] runs) => string.Join("\n", runs.Select(r => $"{r.Code}: {r.Output} {r.Errors}"));

    /// <summary>The entry ids of the stream's events, read from the cluster while it runs again.</summary>
    static async Task<List<string>> StoredEventsAsync(string home, string stream)
    {
        var root = Path.Combine(home, "pg");
        await using var pg = await PerformancePlan.Host.Database.EmbeddedPostgres.StartAsync(
            new PerformancePlan.Host.Database.EmbeddedPostgresOptions(root), Ct);
        await using var conn = new NpgsqlConnection(pg.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            "select data->>'entryId' from perfplan.mt_events where stream_id = $1", conn)
        {
            Parameters = { new() { Value = stream } },
        };
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>What a <c>perfplan</c> process answered.</summary>
    public sealed record Exit(int Code, string Output, string Errors);

    /// <summary>Runs <c>perfplan</c> as its own process on the embedded default under <paramref name="home"/>.
    /// </summary>
    public static async Task<Exit> PerfplanAsync(string home, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "perfplan.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PERFPLAN_HOME"] = home;
        start.Environment["HOME"] = home;
        start.Environment.Remove("PERFPLAN_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return new Exit(process.ExitCode, await output, await errors);
    }
}
