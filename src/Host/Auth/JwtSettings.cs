using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PerformancePlan.Host.Auth;

/// <summary>
/// Issuer, audience and signing key of the API's bearer tokens, from configuration (section <c>Jwt</c>, or
/// <c>PERFPLAN_Jwt__SigningKey</c> etc.). The shipped key is for development and the demo only. Neutral ground:
/// the HTTP side validates these tokens, the CLI's <c>perfplan token</c> issues them.
/// </summary>
public sealed record JwtSettings(string Issuer, string Audience, string SigningKey)
{
    /// <summary>The public development key (it is in the source): accepted on loopback only.</summary>
    public const string DevelopmentKey = "perfplan-development-key-not-for-production-use-0123456789";

    /// <summary>The settings from <c>Jwt:Issuer</c>, <c>Jwt:Audience</c>, <c>Jwt:SigningKey</c>, or defaults.</summary>
    public static JwtSettings From(IConfiguration config) => new(
        config["Jwt:Issuer"] ?? "perfplan",
        config["Jwt:Audience"] ?? "perfplan-api",
        config["Jwt:SigningKey"] ?? DevelopmentKey);

    /// <summary>The HMAC key, from the UTF-8 bytes of <see cref="SigningKey"/>.</summary>
    public SymmetricSecurityKey Key => new(Encoding.UTF8.GetBytes(SigningKey));

    /// <summary>Issuer, audience and key checked; names from <c>name</c>, roles from <c>role</c>.</summary>
    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer, ValidAudience = Audience, IssuerSigningKey = Key,
        NameClaimType = "name", RoleClaimType = "role",
    };

    /// <summary>
    /// The development key is public (it is in the source): it is accepted only on a loopback address. Anywhere else
    /// the host refuses to start until a real key of at least 32 bytes is configured.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is too short, or the development key off loopback.
    /// </exception>
    public void EnsureSafeFor(string url)
    {
        var host = new Uri(url).Host;
        var loopback = host is "127.0.0.1" or "localhost" or "[::1]" or "::1";
        if (Encoding.UTF8.GetByteCount(SigningKey) < 32)
            throw new InvalidOperationException(
                "Jwt:SigningKey è troppo corta: servono almeno 32 byte (PERFPLAN_Jwt__SigningKey).");
        if (SigningKey == DevelopmentKey && !loopback)
            throw new InvalidOperationException($"In ascolto su {host} serve una chiave propria: impostare " +
                "PERFPLAN_Jwt__SigningKey (la chiave di sviluppo vale solo su 127.0.0.1).");
    }

    /// <summary>Whether <paramref name="token"/> is signed with this key, for this issuer and audience, and unexpired.
    /// </summary>
    public async Task<bool> IsValidAsync(string token) =>
        (await new JsonWebTokenHandler().ValidateTokenAsync(token, ValidationParameters)).IsValid;

    /// <summary>A token for a user with roles, offices (office staff) and a holder code (holders).</summary>
    /// <param name="now">Issue time, UTC.</param>
    /// <param name="lifetime">How long the token is valid after <paramref name="now"/>.</param>
    public string Issue(string user, IEnumerable<Role> roles, IEnumerable<string> offices, string? holder,
        DateTime now, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user), new("name", user) };
        claims.AddRange(roles.Select(r => new Claim("role", RoleClaim(r))));
        claims.AddRange(offices.Select(o => new Claim("office", o.ToUpperInvariant())));
        if (holder is { Length: > 0 }) claims.Add(new Claim("holder", holder.ToUpperInvariant()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, Subject = new ClaimsIdentity(claims),
            IssuedAt = now, NotBefore = now, Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The <c>role</c> claim value of a role: admin, office, approver, oiv, analyst, holder.</summary>
    public static string RoleClaim(Role r) => r switch
    {
        Role.Admin => "admin", Role.OfficeStaff => "office", Role.Approver => "approver", Role.Oiv => "oiv",
        Role.Analyst => "analyst", _ => "holder",
    };

    /// <summary>The acting user the domain checks, from the token's claims (<c>anonimo</c> without a name).</summary>
    public static Actor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirst("name")?.Value ?? user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "anonimo",
        user.FindAll("role").Select(c => RoleOf(c.Value)).OfType<Role>().ToList(),
        user.FindAll("office").Select(c => c.Value).ToList(),
        user.FindFirst("holder")?.Value,
        user.FindAll("entity").Select(c => c.Value).ToList() is { Count: > 0 } entities ? entities : null);

    static Role? RoleOf(string claim) =>
        Enum.GetValues<Role>().Select(r => (Role?)r).FirstOrDefault(r => RoleClaim(r!.Value) == claim);
}
