using PerformancePlan.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// The answer of <c>/health</c>: <c>ok</c> when the service answers and its database does, <c>degradato</c> when the
/// database does not; <paramref name="Database"/> says which (<c>ok</c> / <c>non raggiungibile</c>).
/// </summary>
public sealed record HealthStatus(string Status, string Database);

/// <summary>
/// <c>/health</c>, for load balancers and the demo: anonymous; one <c>select 1</c> on each of the event store's
/// databases, so a service whose PostgreSQL is gone says 503 instead of 200 while every other endpoint fails.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>How long the database may take to answer before the service is reported degraded.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>Maps <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync).AllowAnonymous().WithTags("Servizio")
            .Describe("Health", "Stato del servizio",
                "`ok` (200) se il servizio e il suo database rispondono; `degradato` (503) se il database no.");
        return app;
    }

    static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> HealthAsync(IDocumentStore store,
        CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Patience);
            foreach (var database in await Tenancy.DatabasesAsync(store))   // every server of the store (ADR 0031)
            {
                await using var connection = database.CreateConnection();
                await connection.OpenAsync(timeout.Token);
                await using var command = connection.CreateCommand();
                command.CommandText = "select 1";
                await command.ExecuteScalarAsync(timeout.Token);
            }
            return TypedResults.Ok(new HealthStatus("ok", "ok"));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException
                                      or System.Net.Sockets.SocketException)
        {
            // Pooled connections to a PostgreSQL that went away are dead: drop them, so that once it is back the
            // next requests open fresh ones instead of failing on the old.
            Npgsql.NpgsqlConnection.ClearAllPools();
            return TypedResults.Json(new HealthStatus("degradato", "non raggiungibile"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
