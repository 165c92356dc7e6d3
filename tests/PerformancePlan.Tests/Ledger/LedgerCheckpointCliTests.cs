using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary><c>perfplan ledger checkpoint</c> and <c>ledger verify</c> as the OIV runs them (ADR 0016).</summary>
public class LedgerCheckpointCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "ledgercp_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = await cluster.CreateDatabaseAsync(_database);
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            _db)).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task A_typo_in_the_plan_is_an_error_not_an_intact_ledger_of_0_events()
    {
        var run = await CliRunner.RunAsync("ledger", "verify", "--as", "oiv", "--plan", "cciaa-ms-2091", "--db", _db);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("cciaa-ms-2091");
        run.Errors.ShouldContain("non trovato");
    }

    [Fact]
    public async Task A_checkpoint_is_exported_and_verify_reports_it_and_what_came_after()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("perfplan-cp-").FullName, "checkpoint.json");
        var taken = await CliRunner.RunAsync("ledger", "checkpoint", "--as", "oiv", "--out", file, "--db", _db);
        taken.ExitCode.ShouldBe(0, taken.Errors);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)))
        {
            json.RootElement.GetProperty("position").GetInt64().ShouldBe(105);
            json.RootElement.GetProperty("publicKey").GetString()!.Length.ShouldBe(44);
        }
        (await CliRunner.RunAsync("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera n. 7",
            "--on", "31/01/2019", "--as", "giunta", "--db", _db)).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("ledger", "verify", "--as", "oiv", "--checkpoint", file, "--format", "json",
            "--db", _db);

        run.ExitCode.ShouldBe(0, run.Errors);
        using var report = JsonDocument.Parse(run.Output);
        report.RootElement.GetProperty("lastCheckpoint").GetProperty("reason").GetString().ShouldBe("plan approve");
        report.RootElement.GetProperty("sealedSinceCheckpoint").GetInt64().ShouldBe(0);
        report.RootElement.GetProperty("sealedEvents").GetInt64().ShouldBe(106);
        var text = await CliRunner.RunAsync("ledger", "verify", "--as", "oiv", "--db", _db);
        text.Output.ShouldContain("Ultimo checkpoint provato");
    }
}
