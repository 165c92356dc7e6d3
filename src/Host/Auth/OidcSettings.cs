namespace PerformancePlan.Host.Auth;

/// <summary>
/// The dashboard's sign-in, from configuration (section <c>Oidc</c>, or <c>PERFPLAN_Oidc__Authority</c> etc.; ADR
/// 0024). Without <see cref="Authority"/> the host is its own OpenID Connect provider with local accounts (the
/// embedded default); with it, the administration's provider (Keycloak, Entra ID, a SPID/CIE gateway) signs users in
/// and <see cref="Claims"/> says which of its claims give the role, the offices, the holder and the entity.
/// </summary>
/// <param name="Authority">The external provider's issuer URL; null for the embedded provider.</param>
/// <param name="ClientId">This host's client id at the provider.</param>
/// <param name="ClientSecret">The client secret (external providers that require one); PKCE is used in any case.
/// </param>
/// <param name="Scopes">Scopes asked besides <c>openid</c>, e.g. <c>profile roles</c>.</param>
/// <param name="Audience">The audience of the API's bearer tokens from the provider.</param>
/// <param name="Issuer">The embedded provider's public address (its issuer); default the address it listens on.
/// </param>
/// <param name="Entity">When set, only users whose entity claim has this value are signed in.</param>
/// <param name="KeyDirectory">Where the embedded provider keeps its signing and encryption keys.</param>
public sealed record OidcSettings(
    string? Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, string Audience,
    string? Issuer, string? Entity, string? KeyDirectory, ClaimMap Claims,
    IReadOnlyDictionary<string, string> RoleValues)
{
    /// <summary>The embedded provider's client id for the dashboard.</summary>
    public const string DashboardClient = "perfplan-cruscotto";

    /// <summary>The audience (resource) of the embedded provider's access tokens for the API.</summary>
    public const string ApiAudience = "perfplan-api";

    /// <summary>True when the host is its own provider (no <see cref="Authority"/>).</summary>
    public bool Embedded => Authority is null;

    /// <summary>Reads section <c>Oidc</c>: <c>Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Scopes</c>
    /// (separated by spaces or commas), <c>Audience</c>, <c>Issuer</c>, <c>Entity</c>, <c>KeyDirectory</c>,
    /// <c>Claims:Name|Role|Offices|Holder|Entity</c>, <c>Roles:admin|office|approver|oiv|analyst|holder</c> (the
    /// provider's values for each role, separated by commas).</summary>
    public static OidcSettings From(IConfiguration config)
    {
        var s = config.GetSection("Oidc");
        string? Value(string key) => s[key] is { Length: > 0 } v ? v.Trim() : null;
        var authority = Value("Authority");
        var clientId = Value("ClientId") ?? DashboardClient;
        var scopes = (Value("Scopes") ?? "profile").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(x => x != "openid").Distinct().ToList();
        var claims = s.GetSection("Claims");
        var map = new ClaimMap(claims["Name"] ?? (authority is null ? "name" : "preferred_username"),
            claims["Role"] ?? "role", claims["Offices"] ?? "office", claims["Holder"] ?? "holder",
            claims["Entity"] ?? "entity");
        var roles = s.GetSection("Roles").GetChildren()
            .SelectMany(c => (c.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions
                .TrimEntries).Select(v => (Value: v, Role: c.Key)))
            .GroupBy(x => x.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Role);
        return new OidcSettings(authority, clientId, Value("ClientSecret"), scopes,
            Value("Audience") ?? (authority is null ? ApiAudience : clientId), Value("Issuer")?.TrimEnd('/'),
            Value("Entity"), Value("KeyDirectory"), map, roles);
    }
}

/// <summary>
/// Which claim of the provider's tokens gives each thing the policy needs. A dotted name reads inside a JSON claim,
/// e.g. Keycloak's <c>realm_access.roles</c>.
/// </summary>
public sealed record ClaimMap(string Name, string Role, string Offices, string Holder, string Entity);
