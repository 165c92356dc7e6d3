using Marten;
using Npgsql;
using PerformancePlan.Projections;

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>A Marten store on a schema of its own, for one test class; the schema is dropped at the end.</summary>
public sealed class StoreSchema(PostgresCluster cluster) : IAsyncLifetime
{
    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];
    public DocumentStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = EventStore.Create(cluster.ConnectionString, Schema);
        await EventStore.PrepareAsync(Store);
    }

    /// <summary>Events in the store, counted in PostgreSQL itself (0 when nothing was ever written).</summary>
    public async Task<long> EventCountAsync()
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand($"select to_regclass('{Schema}.mt_events') is not null", conn);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return 0;
        await using var count = new NpgsqlCommand($"select count(*) from {Schema}.mt_events", conn);
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop schema if exists {Schema} cascade", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
