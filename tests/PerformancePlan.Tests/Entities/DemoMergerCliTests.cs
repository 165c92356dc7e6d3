using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Entities;

/// <summary>
/// <c>perfplan demo --merger</c> (issue #10): Lucca as demonstration data and the 2022 merger into Toscana Nord-Ovest,
/// verified end to end from the successor, twice without writing anything twice.
/// </summary>
public class DemoMergerCliTests(PostgresCluster cluster) : CliDatabase(cluster, "demomerge_")
{
    static readonly NodaTime.Instant August = NodaTime.Instant.FromUtc(2022, 8, 1, 9, 0);

    Task<CliRunner.Run> At(params string[] args) => CliRunner.RunAtAsync(August, [.. args, "--db", Db]);

    [Fact]
    public async Task The_demo_merger_verifies_from_the_successor_and_its_history_crosses_the_merger()
    {
        var demo = await At("demo", "--no-serve", "--merger");

        demo.ExitCode.ShouldBe(0, demo.Errors);
        demo.Output.ShouldContain("Piano cciaa-lu-2019 importato e approvato [dati dimostrativi]");
        demo.Output.ShouldMatch(@"Fusione: cciaa-ms \(registro chiuso a \d+\), cciaa-lu \(registro chiuso a \d+\), "
            + @"cciaa-pi \(registro chiuso a 0\) → cciaa-tno dal 01/07/2022\.");
        demo.Output.ShouldContain("Performance parametrata dell'Ente: 75");
        using (var plan = System.Text.Json.JsonDocument.Parse(
                   (await At("plan", "show", "--plan", "cciaa-lu-2019", "--format", "json")).Output))
            plan.RootElement.GetProperty("entityName").GetString()
                .ShouldBe("Camera di Commercio di Lucca [dati dimostrativi]");

        var verify = await At("ledger", "verify", "--entity", "cciaa-tno", "--as", "admin");
        verify.ExitCode.ShouldBe(0, verify.Errors);
        verify.Output.ShouldMatch(@"Catene verificate, con i predecessori fino alla fusione: "
            + @"cciaa-tno \(\d+ sigilli\), cciaa-ms \(\d+ sigilli\), cciaa-lu \(\d+ sigilli\), "
            + @"cciaa-pi \(1 sigillo\)\.");
        using (var history = System.Text.Json.JsonDocument.Parse((await At("targets", "history", "--entity",
                   "cciaa-tno", "--indicator", "S3.2.1-a", "--format", "json")).Output))
            history.RootElement.EnumerateArray().Select(c => c.GetProperty("plan").GetString()).Distinct()
                .ShouldContain("cciaa-tno-2022");

        var again = await At("demo", "--no-serve", "--merger");
        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldNotContain("Fusione:");
    }
}
