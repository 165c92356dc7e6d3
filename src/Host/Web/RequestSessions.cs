using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web;

/// <summary>
/// The query session an endpoint or a page is given (ADR 0028): opened by <see cref="TenantSessions"/> for the
/// signed-in actor on the administration of the route's plan (<c>{id}</c>); a route without a plan gets a session
/// across tenants, which finds nothing unless the query names the actor's administrations
/// (<see cref="TenantSessions.InScope{T}"/>).
/// </summary>
public static class RequestSessions
{
    /// <summary>The request's session (scoped: disposed with the request).</summary>
    public static IQuerySession Open(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (http?.GetRouteValue("id") is string id && PlanId.TryParse(id, out var plan))
            return TenantSessions.Query(store, WebActor.Of(http.User), plan);
        return TenantSessions.Across(store);
    }
}
