using System.Text.Json;
using Npgsql;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Concurrency;

/// <summary>
/// <c>results record --expected-version N</c>, the command line's If-Match (ADR 0021): a write against a version
/// someone else has moved is refused with exit 3, the version now current and how to repeat; <c>results record</c>
/// prints the version it made and <c>results list</c> the current one, so a script can chain them.
/// </summary>
public class ExpectedVersionCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "expver_")
{
    const string Plan = "cciaa-ms-2019";

    Task<CliRunner.Run> Record(string indicator, string value, params string[] more) => Run([
        "results", "record", "--plan", Plan, "--indicator", indicator, "--value", value, "--on", "30/04/2019",
        "--as", "admin", .. more]);

    [Fact]
    public async Task Record_prints_the_new_version_and_a_write_on_a_stale_one_is_refused_saying_the_current()
    {
        var first = await Record("O1.2.4-a", "3", "--format", "json");
        var second = await Record("O1.2.4-a", "4");
        var stale = await Record("O1.2.4-a", "5", "--expected-version", "1");
        var current = await Record("O1.2.4-a", "6", "--expected-version", "2", "--format", "json");

        first.ExitCode.ShouldBe(0, first.Errors);
        Version(first).ShouldBe(1);
        second.Output.ShouldContain("versione 2");
        stale.ExitCode.ShouldBe(3);
        stale.Errors.ShouldContain("versione 2, non alla 1 attesa");
        stale.Errors.ShouldContain("ripetere il comando con --expected-version 2");
        current.ExitCode.ShouldBe(0, current.Errors);
        Version(current).ShouldBe(3);
        (await EventsAsync("O1.2.4-a")).ShouldBe(3);
    }

    [Fact]
    public async Task List_shows_the_entries_and_the_version_to_write_on()
    {
        await Ok("results", "record", "--plan", Plan, "--indicator", "O2.1.1-b", "--value", "4", "--on", "30/04/2019",
            "--note", "prima rilevazione", "--as", "admin");

        var table = await Ok("results", "list", "--as", "admin", "--plan", Plan, "--indicator", "O2.1.1-b");
        var json = await Ok("results", "list", "--as", "admin", "--plan", Plan, "--indicator", "O2.1.1-b",
            "--format", "json");
        var empty = await Ok("results", "list", "--as", "admin", "--plan", Plan, "--indicator", "O1.2.3-a",
            "--format", "json");
        var unknown = await Run("results", "list", "--as", "admin", "--plan", Plan, "--indicator", "X9.9.9-z");

        table.Output.ShouldContain("prima rilevazione");
        table.Output.ShouldContain("versione 1");
        table.Output.ShouldContain("--expected-version 1");
        Version(json).ShouldBe(1);
        Version(empty).ShouldBe(0);
        unknown.ExitCode.ShouldBe(2);
        unknown.Errors.ShouldContain("X9.9.9-z");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("３")]
    public async Task An_expected_version_that_is_not_one_is_invalid_input_and_writes_nothing(string version)
    {
        var run = await Record("S3.1.1-b", "10", "--expected-version", version);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("--expected-version");
        (await EventsAsync("S3.1.1-b")).ShouldBe(0);
    }

    [Fact]
    public async Task Eight_first_writes_of_a_new_stream_at_version_0_give_one_winner_the_rest_exit_3()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, 8)
            .Select(i => Record("O2.1.3-b", i.ToString(), "--expected-version", "0")));

        var report = string.Join("\n", runs.Select(r => $"{r.ExitCode}: {r.Output} {r.Errors}"));
        runs.Count(r => r.ExitCode == 0).ShouldBe(1, report);
        runs.Where(r => r.ExitCode != 0).ShouldAllBe(r => r.ExitCode == 3 && r.Errors.Contains("ripetere"), report);
        runs.Where(r => r.ExitCode != 0).ShouldAllBe(r => r.Errors.Contains("versione 1, non alla 0"), report);
        (await EventsAsync("O2.1.3-b")).ShouldBe(1);
    }

    static long Version(CliRunner.Run run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("version").GetInt64();
    }

    async Task<long> EventsAsync(string indicator)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from perfplan.mt_events where stream_id = $1", conn)
        {
            Parameters = { new() { Value = $"{Plan}/{indicator}" } },
        };
        return Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
