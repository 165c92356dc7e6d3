using Microsoft.AspNetCore.Authorization;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web;

/// <summary>
/// The authorization policies of the API and the dashboard, generated from the access table
/// (<see cref="AccessTable"/>): one policy per <see cref="Capability"/>, named by <see cref="For"/>. No role list is
/// written here or at an endpoint.
/// </summary>
public static class Policies
{
    const string Prefix = "capacita:";

    /// <summary>Any signed-in user, whatever the role (pages of one's own account).</summary>
    public const string Authenticated = "autenticato";

    /// <summary>The policy of <paramref name="capability"/>, e.g. <c>capacita:ReadAudit</c>.</summary>
    public static string For(Capability capability) => Prefix + capability;

    /// <summary>
    /// True when <paramref name="policy"/> lets anyone in (a public capability): the OpenAPI document asks no token
    /// for it.
    /// </summary>
    public static bool IsPublic(string? policy) =>
        policy is not null && policy.StartsWith(Prefix, StringComparison.Ordinal)
        && Enum.TryParse<Capability>(policy[Prefix.Length..], out var c) && AccessTable.Of(c).Public;

    /// <summary>
    /// Registers a policy per capability. A public one is open to all unless <paramref name="publicReads"/> is false
    /// (<c>Api:PublicReads</c>), then to any signed-in user; any other needs a signed-in user (401 without) whom
    /// <see cref="AccessPolicy.Decide"/> allows (403 otherwise). A capability scoped to a resource (a holder's
    /// scorecard, an indicator's offices) lets in whoever may exercise it on some resource; the endpoint, or the
    /// domain, checks the resource itself.
    /// </summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder, bool publicReads)
    {
        builder.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        foreach (var rule in AccessTable.Rules)
            builder.AddPolicy(For(rule.Capability), p =>
            {
                if (rule.Public)
                    p.RequireAssertion(c => publicReads || c.User.Identity?.IsAuthenticated == true);
                else
                    p.RequireAuthenticatedUser()
                        .RequireAssertion(c => AccessPolicy.Allows(WebActor.Of(c.User), rule.Capability));
            });
        return builder;
    }
}

/// <summary>The acting user of a request, as the access policy takes it.</summary>
public static class WebActor
{
    /// <summary>The signed-in user's actor (roles, offices, holder from the claims); null when nobody is signed in.
    /// </summary>
    public static Actor? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? JwtSettings.ActorOf(user) : null;
}
