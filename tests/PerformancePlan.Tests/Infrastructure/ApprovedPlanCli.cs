namespace PerformancePlan.Tests.Infrastructure;

/// <summary>
/// A test class that drives <c>perfplan</c> on a database of its own, holding the seed plan imported and approved by
/// the Giunta (Delibera n. 7 del 31/01/2019) through the CLI itself; <see cref="Run"/> adds <c>--db</c>.
/// </summary>
public abstract class ApprovedPlanCli(PostgresCluster cluster, string prefix) : IAsyncLifetime
{
    readonly string _database = prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The connection string of this class's database.</summary>
    protected string Db { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Db = await cluster.CreateDatabaseAsync(_database);
        (await Run("plan", "import", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Run("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera di Giunta n. 7 del 31/01/2019",
            "--on", "31/01/2019", "--as", "giunta")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    /// <summary>Runs <c>perfplan</c> with <paramref name="args"/> on this class's database.</summary>
    protected Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", Db]);
}
