using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// OpenIddict's tables (applications, authorizations, scopes, tokens) through its Entity Framework Core stores, in a
/// PostgreSQL schema of their own beside the event store's: <c>perfplan_oidc</c> for schema <c>perfplan</c> (ADR 0026).
/// </summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options, ProviderSchema schema)
    : DbContext(options)
{
    /// <summary>The schema of the tables.</summary>
    public string Schema { get; } = schema.Name;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
    }
}

/// <summary>The schema of <see cref="ProviderDbContext"/>: the event store's, suffixed <c>_oidc</c>.</summary>
public sealed record ProviderSchema(string Name)
{
    /// <summary>The provider's schema beside <paramref name="store"/>'s.</summary>
    public static ProviderSchema Of(IDocumentStore store) => new(store.Options.Events.DatabaseSchemaName + "_oidc");
}

/// <summary>One model per schema: Entity Framework caches models by context type unless told otherwise.</summary>
public sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    /// <inheritdoc />
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as ProviderDbContext)?.Schema, designTime);
}

/// <summary>
/// Creates the provider's tables once (Entity Framework's <c>EnsureCreated</c> would skip them, since the database
/// already holds the event store's), under an advisory lock so that concurrent hosts on one database do it once.
/// </summary>
public static class ProviderTables
{
    /// <summary>Creates the tables in <paramref name="context"/>'s schema if they are missing, then runs
    /// <paramref name="then"/> under the same lock.</summary>
    public static async Task EnsureAsync(ProviderDbContext context, NpgsqlDataSource data, Func<Task> then,
        CancellationToken ct)
    {
        await using var connection = await data.OpenConnectionAsync(ct);
        await using (var lockIt = new NpgsqlCommand("select pg_advisory_lock(hashtext($1))", connection))
        {
            lockIt.Parameters.Add(new NpgsqlParameter { Value = "perfplan-oidc:" + context.Schema });
            await lockIt.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await using var exists = new NpgsqlCommand("select to_regclass($1) is not null", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = $"\"{context.Schema}\".\"OpenIddictApplications\"" });
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
                await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
            await then();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtext($1))", connection);
            unlock.Parameters.Add(new NpgsqlParameter { Value = "perfplan-oidc:" + context.Schema });
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
