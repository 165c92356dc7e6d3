using Microsoft.AspNetCore.Authorization;

namespace PerformancePlan.Host.Web;

/// <summary>The authorization policies of the API and the dashboard: their names, and what each requires.</summary>
public static class Policies
{
    /// <summary>
    /// The policies' names: <see cref="Authenticated"/>, any valid bearer token; <see cref="OivOrAdmin"/>, the OIV or
    /// an administrator (replay, validation, ledger); <see cref="Admin"/>, administrators only (loading a plan over
    /// HTTP); <see cref="Auditors"/>, who may read the audit trail (the OIV, administrators, analysts);
    /// <see cref="PublicRead"/>, what Amministrazione trasparente publishes: open unless <c>Api:PublicReads</c> is
    /// false.
    /// </summary>
    public const string Authenticated = "autenticato", OivOrAdmin = "oiv-o-amministratore", Admin = "amministratore",
        Auditors = "revisori", PublicRead = "lettura-pubblica";

    /// <summary>Registers the five policies; <paramref name="publicReads"/> opens <see cref="PublicRead"/> to all.
    /// </summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder, bool publicReads) => builder
        .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser())
        .AddPolicy(OivOrAdmin, p => p.RequireRole("oiv", "admin"))
        .AddPolicy(Admin, p => p.RequireRole("admin"))
        .AddPolicy(Auditors, p => p.RequireRole("oiv", "admin", "analyst"))
        .AddPolicy(PublicRead, p => p.RequireAssertion(c => publicReads || c.User.Identity?.IsAuthenticated == true));
}
