using System.Text.Json;

namespace PerformancePlan.Host.Auth;

/// <summary>
/// The provider's claims turned into the ones the policy reads (<c>name</c>, <c>role</c>, <c>office</c>,
/// <c>holder</c>, <c>entity</c>, as <see cref="JwtSettings.ActorOf"/> expects), through the configured
/// <see cref="ClaimMap"/>. A role value is one of ours (<c>admin</c>, <c>office</c>…) or one mapped by
/// <c>Oidc:Roles</c>; any other value is ignored, so an unmapped user signs in with no role at all.
/// </summary>
public static class ClaimMapping
{
    /// <summary>The identity the dashboard's session keeps, from the provider's <paramref name="source"/>.</summary>
    public static ClaimsIdentity Normalize(ClaimsPrincipal source, OidcSettings settings, string authenticationType)
    {
        var map = settings.Claims;
        var sub = source.FindFirst("sub")?.Value;
        var name = Values(source, map.Name).FirstOrDefault() ?? source.FindFirst("preferred_username")?.Value ?? sub
            ?? "anonimo";
        var claims = new List<Claim> { new("sub", sub ?? name), new("name", name) };
        foreach (var role in Values(source, map.Role).Select(v => RoleOf(v, settings)).OfType<string>().Distinct())
            claims.Add(new Claim("role", role));
        claims.AddRange(Values(source, map.Offices).SelectMany(v => v.Split([',', ' '],
            StringSplitOptions.RemoveEmptyEntries)).Select(o => new Claim("office", o.ToUpperInvariant())).Distinct());
        if (Values(source, map.Holder).FirstOrDefault() is { Length: > 0 } holder)
            claims.Add(new Claim("holder", holder.ToUpperInvariant()));
        // One claim per administration (ADR 0028); the policy reads them all.
        claims.AddRange(Values(source, map.Entity).SelectMany(v => v.Split([',', ' '],
            StringSplitOptions.RemoveEmptyEntries)).Distinct().Select(e => new Claim("entity", e)));
        return new ClaimsIdentity(claims, authenticationType, "name", "role");
    }

    /// <summary>Whether the user's entity is the one <c>Oidc:Entity</c> requires (always, when none is set).</summary>
    public static bool OfRequiredEntity(ClaimsIdentity identity, OidcSettings settings) =>
        settings.Entity is null || identity.FindAll("entity").Any(c => c.Value == settings.Entity);

    static string? RoleOf(string value, OidcSettings settings)
    {
        var ours = Enum.GetValues<Role>().Select(JwtSettings.RoleClaim)
            .FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));
        if (string.Equals(value, "officeStaff", StringComparison.OrdinalIgnoreCase)) ours = "office";
        return ours ?? (settings.RoleValues.TryGetValue(value, out var mapped) ? RoleOf(mapped, settings with
        {
            RoleValues = new Dictionary<string, string>(),
        }) : null);
    }

    /// <summary>The values of a claim; <c>a.b</c> reads property <c>b</c> of the JSON claim <c>a</c>.</summary>
    static IEnumerable<string> Values(ClaimsPrincipal source, string path)
    {
        var direct = source.FindAll(path).Select(c => c.Value).ToList();
        if (direct.Count > 0 || !path.Contains('.')) return direct.SelectMany(Flatten);
        var dot = path.IndexOf('.');
        return source.FindAll(path[..dot]).SelectMany(c => Inside(c.Value, path[(dot + 1)..]));
    }

    static IEnumerable<string> Inside(string json, string path)
    {
        try
        {
            var element = JsonDocument.Parse(json).RootElement;
            foreach (var part in path.Split('.'))
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return [];
            return Strings(element);
        }
        catch (JsonException) { return []; }
    }

    // A claim holding a JSON array (some providers send roles so) counts as its elements.
    static IEnumerable<string> Flatten(string value)
    {
        if (!value.StartsWith('[')) return [value];
        try { return Strings(JsonDocument.Parse(value).RootElement); }
        catch (JsonException) { return [value]; }
    }

    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings).ToList(),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };
}
