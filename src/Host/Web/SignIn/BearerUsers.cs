using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// Who a bearer token names, looked up again at each request as a session is (ADR 0026): the embedded provider's
/// tokens need the local account they were issued for, still enabled; <c>perfplan token</c>'s development tokens need
/// an enabled local account or a user of the users file (<paramref name="file"/>), and that user's roles, offices and
/// holder are the directory's, never the token's. A token naming nobody the directory knows authenticates nobody.
/// </summary>
public sealed class BearerUsers(IDocumentStore store, IClock clock, UserDirectory? file)
{
    /// <summary>The user <paramref name="token"/> names, as the directory has them now; null when the account is
    /// disabled or unknown (and, with <paramref name="fileUsers"/>, the users file does not list the name).</summary>
    public async Task<Actor?> CurrentAsync(ClaimsPrincipal token, bool fileUsers, CancellationToken ct)
    {
        var name = token.FindFirst("sub")?.Value ?? token.FindFirst("name")?.Value;
        if (name is not { Length: > 0 and <= AccountInput.MaxNameLength }) return null;
        var account = await new AccountService(store, clock).FindAsync(name, ct);
        if (account is not null) return account.Disabled ? null : account.Actor;
        return fileUsers ? file?.FileUser(name) : null;
    }

    /// <summary>The claims the policy reads (<see cref="JwtSettings.ActorOf"/>) for <paramref name="actor"/>.
    /// </summary>
    public static ClaimsPrincipal Principal(Actor actor, string scheme)
    {
        var claims = new List<Claim> { new("sub", actor.User), new("name", actor.User) };
        claims.AddRange(actor.Roles.Select(r => new Claim("role", JwtSettings.RoleClaim(r))));
        claims.AddRange(actor.Offices.Select(o => new Claim("office", o)));
        if (actor.Holder is { } holder) claims.Add(new Claim("holder", holder));
        claims.AddRange(actor.Scope.Select(e => new Claim("entity", e)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, "name", "role"));
    }

    /// <summary>The users file for development tokens (<c>Users</c>, <c>PERFPLAN_USERS</c>, else the demo file);
    /// null when it cannot be read: then only local accounts are known.</summary>
    public static UserDirectory? LoadFile(IConfiguration config)
    {
        try { return UserDirectory.Load(config["Users"]); }
        catch (UnknownUserException) { return null; }
    }
}
