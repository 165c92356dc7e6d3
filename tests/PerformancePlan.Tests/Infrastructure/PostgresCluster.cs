using Npgsql;
using PerformancePlan.Host.Database;

[assembly: AssemblyFixture(typeof(PerformancePlan.Tests.Infrastructure.PostgresCluster))]

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started by the same launcher the host uses
/// (fsync off), stopped and deleted at the end. Test classes get their own schema or database from it.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public string Root { get; } =
        Path.Combine(Path.GetTempPath(), "perfplan-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public EmbeddedPostgres Server { get; private set; } = null!;
    public string ConnectionString => Server.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        // The ledger's signing key of this run, in memory: tests never write a key file into the user's home.
        Environment.SetEnvironmentVariable("PERFPLAN_LEDGER_KEY",
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions(Root, Durable: false, Database: "perfplan_tests"));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>A new empty database on this cluster, for tests that drive the whole CLI.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        var sql = $"drop database if exists \"{name}\" with (force); create database \"{name}\"";
        await using (var cmd = new NpgsqlCommand(sql, conn))
            await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
