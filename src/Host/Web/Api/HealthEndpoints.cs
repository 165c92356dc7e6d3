namespace PerformancePlan.Host.Web.Api;

/// <summary>The answer of <c>/health</c>: <c>ok</c> while the service runs.</summary>
public sealed record HealthStatus(string Status);

/// <summary><c>/health</c>, for load balancers and the demo: anonymous, no database round trip.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok"))).AllowAnonymous().WithTags("Servizio")
            .Describe("Health", "Stato del servizio", "`ok` finché il servizio è attivo; non legge il database.");
        return app;
    }
}
