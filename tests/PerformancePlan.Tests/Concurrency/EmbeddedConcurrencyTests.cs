using System.Diagnostics;
using Npgsql;

namespace PerformancePlan.Tests.Concurrency;

/// <summary>
/// 32 <c>perfplan</c> processes at once on the embedded default (no <c>--db</c>, a fresh <c>PERFPLAN_HOME</c>): one
/// PostgreSQL is started for all of them and stopped by the last; concurrent first writes of one new indicator
/// stream are conflicts (exit 3, «ripetere»), never exit 1; every winner's entry is stored, nothing else is.
/// </summary>
public class EmbeddedConcurrencyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thirty_two_concurrent_results_on_one_new_indicator_stream_win_or_exit_3_and_nothing_is_lost()
    {
        // Not CreateTempSubdirectory (mode 700): as root, PostgreSQL runs as «postgres», which must enter it.
        var home = Directory.CreateDirectory(
            Path.Combine(Path.GetTempPath(), "perfplan-home-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var plan = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019.csv");
            (await PerfplanAsync(home, "plan", "import", "--as", "admin", plan)).Code.ShouldBe(0);
            (await PerfplanAsync(home, "plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera n. 7",
                "--on", "31/01/2019", "--as", "giunta")).Code.ShouldBe(0);

            var runs = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => PerfplanAsync(home, "results",
                "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", i.ToString(),
                "--on", "30/04/2019", "--as", "admin", "--format", "json")));

            var report = string.Join("\n", runs.Select(r => $"{r.Code}: {r.Output} {r.Errors}"));
            runs.ShouldAllBe(r => r.Code == 0 || r.Code == 3, report);
            runs.Where(r => r.Code == 3)
                .ShouldAllBe(r => r.Errors.Contains("ripetere", StringComparison.OrdinalIgnoreCase), report);
            runs.ShouldAllBe(r => !(r.Output + r.Errors).Contains("Exception"), report);
            var winners = runs.Where(r => r.Code == 0).ToList();
            winners.ShouldNotBeEmpty(report);
            var stored = await StoredEventsAsync(home, "cciaa-ms-2019/O1.2.4-a");
            stored.Count.ShouldBe(winners.Count, report);
            foreach (var w in winners)
                stored.ShouldContain(e => w.Output.Contains(e), report);
            File.Exists(Path.Combine(home, "pg", "data", "postmaster.pid")).ShouldBeFalse("the last one stops it");
        }
        finally { Directory.Delete(home, recursive: true); }
    }

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

    sealed record Exit(int Code, string Output, string Errors);

    static async Task<Exit> PerfplanAsync(string home, params string[] args)
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
