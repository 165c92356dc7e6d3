using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Calendar;

/// <summary>A plan monitored by quarters, end to end through <c>perfplan</c>: import, approve, T1–T4, replay.</summary>
public class QuarterlyPlanCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "quarters_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    // The demo's users act here for another administration than Massa-Carrara's (ADR 0028).
    static readonly string Users = SeedFiles.UsersOfEveryEntity();

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db, "--users", Users]);

    [Fact]
    public async Task Days_after_each_quarters_close_are_recorded_by_T1_to_T4_and_averaged()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("perfplan-quarters-").FullName, "trimestri.csv");
        await File.WriteAllTextAsync(file, QuarterlyPlan.Csv, TestContext.Current.CancellationToken);
        (await Run("plan", "import", "--as", "admin", file, "--entity", "ente-prova")).ExitCode.ShouldBe(0);
        (await Run("plan", "approve", "--plan", "ente-prova-2019", "--act", "Delibera n. 1 del 31/01/2019", "--on",
            "31/01/2019", "--as", "giunta")).ExitCode.ShouldBe(0);

        foreach (var (period, days, on) in new[]
                 {
                     ("T1", "10", "05/04/2019"), ("T2", "30", "20/07/2019"), ("T3", "20", "15/10/2019"),
                     ("T4", "40", "20/01/2020"),
                 })
        {
            var recorded = await Run("results", "record", "--plan", "ente-prova-2019", "--indicator", "O1.1.1-a",
                "--value", days, "--on", on, "--period", period, "--as", "admin");
            recorded.ExitCode.ShouldBe(0, recorded.Errors);
        }
        var quadrimester = await Run("results", "record", "--plan", "ente-prova-2019", "--indicator", "O1.1.1-a",
            "--value", "5", "--on", "05/05/2019", "--period", "Q1", "--as", "admin");

        quadrimester.ExitCode.ShouldBe(2);
        quadrimester.Errors.ShouldContain("«Q1» è un periodo dei quadrimestri, ma il calendario del piano "
            + "ente-prova-2019 è a trimestri");
        var replay = await Run("oiv", "replay", "--as", "oiv", "--plan", "ente-prova-2019", "--format", "json");
        replay.ExitCode.ShouldBe(0, replay.Errors);
        using var json = JsonDocument.Parse(replay.Output);
        var derivation = json.RootElement.GetProperty("derivation").EnumerateArray().Single();
        derivation.GetProperty("periods").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("realization").GetDecimal()))
            .ShouldBe([("T1", 100m), ("T2", 66.67m), ("T3", 100m), ("T4", 50m)]);
        derivation.GetProperty("realization").GetDecimal().ShouldBe(79.17m);   // (100 + 66,67 + 100 + 50) / 4
        derivation.GetProperty("band").GetString().ShouldBe("partial");
    }
}
