using System.Text.RegularExpressions;
using PerformancePlan.Domain.Accounts;

namespace PerformancePlan.Host.Application.Accounts;

/// <summary>
/// What <c>perfplan user add</c> is given, read once at the edge: a user name (letters, digits, <c>.</c>, <c>-</c>,
/// <c>_</c>, at most 64, case-insensitive), a display name, roles, offices and a holder code (upper case).
/// </summary>
public sealed partial record AccountInput(
    string Name, string? DisplayName, IReadOnlyList<Role> Roles, IReadOnlyList<string> Offices, string? Holder,
    IReadOnlyList<string>? Entities = null)
{
    /// <summary>The longest user name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The role names a command line or a claim may use, as <c>perfplan token</c> and users.json spell them.
    /// </summary>
    public const string RoleNames = "admin, office, approver, oiv, analyst, holder";

    /// <summary>The document, with the password's hash, created at <paramref name="now"/>.</summary>
    /// <exception cref="InvalidAccountException">The name, the roles or the holder do not fit.</exception>
    public UserAccount ToAccount(string passwordHash, Instant now)
    {
        var name = Name.Trim().ToLowerInvariant();
        if (!NamePattern().IsMatch(name))
            throw new InvalidAccountException($"Nome utente «{Name}» non valido: lettere, cifre, «.», «-» o «_», "
                + $"al più {MaxNameLength} caratteri, es. u2.1 o mario.rossi.");
        if (Roles.Count == 0)
            throw new InvalidAccountException($"Indicare almeno un ruolo con --role: {RoleNames}.");
        if (Roles.Contains(Role.Holder) && Holder is not { Length: > 0 })
            throw new InvalidAccountException("Il ruolo holder richiede --holder con il codice del titolare, es. PO2.");
        return new UserAccount(name, DisplayName is { Length: > 0 } d ? d.Trim() : null, Roles.Distinct().ToList(),
            Offices.Select(o => o.Trim().ToUpperInvariant()).Where(o => o.Length > 0).Distinct().ToList(),
            Holder is { Length: > 0 } h ? h.Trim().ToUpperInvariant() : null, passwordHash, now)
        {
            Entities = Entities is { Count: > 0 } e ? [.. e.Select(EntityOf).Distinct()] : null,
        };
    }

    static string EntityOf(string text) => text.Trim() == Actor.AllEntities ? Actor.AllEntities
        : EntityId.TryParse(text, out var id, out var error) ? id.Value
        : throw new InvalidAccountException($"Ente non valido in --entity: {error}.");

    /// <summary>A role as written on the command line or in a claim (<c>office</c> or <c>officeStaff</c>…), or
    /// null.</summary>
    public static Role? ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "admin" => Role.Admin,
        "office" or "officestaff" => Role.OfficeStaff,
        "approver" => Role.Approver,
        "oiv" => Role.Oiv,
        "analyst" => Role.Analyst,
        "holder" => Role.Holder,
        _ => null,
    };

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
