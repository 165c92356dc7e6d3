namespace PerformancePlan.Tests.Infrastructure;

/// <summary>
/// A test class that drives <c>perfplan</c> on a database of its own on the test cluster, created before and dropped
/// after; <see cref="Run"/> adds <c>--db</c>, <see cref="Ok"/> also asserts exit 0 (showing the errors otherwise).
/// </summary>
public abstract class CliDatabase(PostgresCluster cluster, string prefix) : IAsyncLifetime
{
    readonly string _database = prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The connection string of this class's database.</summary>
    protected string Db { get; private set; } = "";

    public virtual async ValueTask InitializeAsync() => Db = await cluster.CreateDatabaseAsync(_database);

    public virtual async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    /// <summary>A users file given to every run (<c>--users</c>), if any.</summary>
    protected string? Users { get; set; }

    /// <summary>Runs <c>perfplan</c> with <paramref name="args"/> on this class's database.</summary>
    protected Task<CliRunner.Run> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--db", Db, .. Users is { } users ? new[] { "--users", users } : []]);

    /// <summary>Runs <c>perfplan</c> and asserts it succeeded.</summary>
    protected async Task<CliRunner.Run> Ok(params string[] args)
    {
        var run = await Run(args);
        run.ExitCode.ShouldBe(0, run.Errors);
        return run;
    }
}
