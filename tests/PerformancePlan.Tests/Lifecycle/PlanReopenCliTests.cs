using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Lifecycle;

/// <summary><c>perfplan plan reopen</c> end to end: close, reopen, correct, close again; what the audit says.</summary>
public class PlanReopenCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "cli_")
{
    Task<CliRunner.Run> Reopen(string user = "admin") => Run("plan", "reopen", "--plan", "cciaa-ms-2019",
        "--act", "Determinazione SG n. 30 del 10/03/2020", "--reason", "risultato errato segnalato dall'OIV",
        "--on", "10/03/2020", "--as", user);

    Task<CliRunner.Run> Record(string value) => Run("results", "record", "--plan", "cciaa-ms-2019",
        "--indicator", "O1.2.4-a", "--value", value, "--on", "31/12/2019", "--as", "admin");

    [Fact]
    public async Task A_closed_year_is_reopened_corrected_and_closed_again_and_the_audit_says_so()
    {
        (await Record("3")).ExitCode.ShouldBe(0);
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "31/12/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        (await Record("12")).ExitCode.ShouldBe(3);

        var reopen = await Reopen();
        reopen.ExitCode.ShouldBe(0, reopen.Errors);
        reopen.Output.ShouldContain("Piano cciaa-ms-2019 riaperto il 10/03/2020: Determinazione SG n. 30 del "
            + "10/03/2020 (risultato errato segnalato dall'OIV).");
        (await Record("12")).ExitCode.ShouldBe(0);
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "10/03/2020", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        var auditRun = await Run("audit", "--as", "analista", "--plan", "cciaa-ms-2019", "--format", "json");
        using var audit = JsonDocument.Parse(auditRun.Output);
        var reopened = audit.RootElement.EnumerateArray()
            .Single(e => e.GetProperty("what").GetString() == "Piano riaperto");
        (reopened.GetProperty("act").GetString(), reopened.GetProperty("reason").GetString()).ShouldBe(
            ("Determinazione SG n. 30 del 10/03/2020", "risultato errato segnalato dall'OIV"));
        var scoresRun = await Run("scores", "--plan", "cciaa-ms-2019", "--format", "json");
        using var scores = JsonDocument.Parse(scoresRun.Output);
        scores.RootElement.GetProperty("closed").GetBoolean().ShouldBeTrue();
        scores.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "O1.2.4-a").GetProperty("band").GetString()
            .ShouldBe("achieved");

        var replay = await Run("oiv", "replay", "--as", "oiv", "--plan", "cciaa-ms-2019", "--format", "json");
        using (var oiv = JsonDocument.Parse(replay.Output))
            oiv.RootElement.GetProperty("matchesStored").GetBoolean().ShouldBeTrue();
        var relazione = Path.Combine(Directory.CreateTempSubdirectory("perfplan-reopen-").FullName, "relazione.html");
        (await Run("report", "relazione", "--plan", "cciaa-ms-2019", "--out", relazione)).ExitCode.ShouldBe(0);
        var html = await File.ReadAllTextAsync(relazione, TestContext.Current.CancellationToken);
        html.ShouldContain("Piano riaperto");
        html.ShouldContain("risultato errato segnalato dall&#x27;OIV");
    }

    [Fact]
    public async Task Reopening_an_open_plan_or_as_a_non_administrator_is_refused_with_exit_3()
    {
        var open = await Reopen();
        (open.ExitCode, open.Errors.Contains("non è chiuso")).ShouldBe((3, true));
        (await Run("plan", "close", "--plan", "cciaa-ms-2019", "--on", "31/12/2019", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        var oiv = await Reopen("oiv");
        (oiv.ExitCode, oiv.Errors.Contains("amministratore")).ShouldBe((3, true));
        var missing = await Run("plan", "reopen", "--plan", "cciaa-ms-2019", "--on", "10/03/2020", "--as", "admin");
        missing.ExitCode.ShouldBe(2);
    }
}
