namespace PerformancePlan.Tests.Infrastructure;

/// <summary>
/// A test class that drives <c>perfplan</c> on a database of its own, holding the seed plan imported and approved by
/// the Giunta (Delibera n. 7 del 31/01/2019) through the CLI itself; <see cref="Run"/> adds <c>--db</c>.
/// </summary>
public abstract class ApprovedPlanCli(PostgresCluster cluster, string prefix) : CliDatabase(cluster, prefix)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (await Run("plan", "import", "--as", "admin", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Run("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera di Giunta n. 7 del 31/01/2019",
            "--on", "31/01/2019", "--as", "giunta")).ExitCode.ShouldBe(0);
    }
}
