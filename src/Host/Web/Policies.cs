using Microsoft.AspNetCore.Authorization;

namespace PerformancePlan.Host.Web;

/// <summary>The authorization policies of the API and the dashboard: their names, and what each requires.</summary>
public static class Policies
{
    /// <summary>Any valid bearer token.</summary>
    public const string Authenticated = "autenticato";

    /// <summary>The OIV or an administrator (replay, validation, ledger).</summary>
    public const string OivOrAdmin = "oiv-o-amministratore";

    /// <summary>Administrators only (loading a plan over HTTP).</summary>
    public const string Admin = "amministratore";

    /// <summary>Who may read the audit trail: the OIV, administrators, analysts.</summary>
    public const string Auditors = "revisori";

    /// <summary>What Amministrazione trasparente publishes: open unless <c>Api:PublicReads</c> is false.</summary>
    public const string PublicRead = "lettura-pubblica";

    /// <summary>Registers the five policies; <paramref name="publicReads"/> opens <see cref="PublicRead"/> to all.
    /// </summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder, bool publicReads) => builder
        .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser())
        .AddPolicy(OivOrAdmin, p => p.RequireRole("oiv", "admin"))
        .AddPolicy(Admin, p => p.RequireRole("admin"))
        .AddPolicy(Auditors, p => p.RequireRole("oiv", "admin", "analyst"))
        .AddPolicy(PublicRead, p => p.RequireAssertion(c => publicReads || c.User.Identity?.IsAuthenticated == true));
}
