using System.Text.Json;
using System.Text.Json.Serialization;
using PerformancePlan.Host.Application.Accounts;

namespace PerformancePlan.Host.Application;

/// <summary>
/// Users, their roles, offices and administrations (<c>entities</c>: codes, or <c>*</c> for all; none means
/// <c>cciaa-ms</c>, ADR 0028), from configuration: <c>--users FILE</c>, else <c>PERFPLAN_USERS</c>, else the
/// demonstration <c>users.json</c> shipped beside the executable (one user per role and per office); and, when given,
/// the local accounts of the embedded sign-in (ADR 0026), which come first: an account names the user's roles,
/// offices and holder itself, and a disabled account is refused even if the file lists the same name.
/// </summary>
public sealed class UserDirectory(
    string source, IReadOnlyDictionary<string, Actor> users, IReadOnlyDictionary<string, string?>? names = null,
    IAccountLookup? accounts = null)
{
    /// <summary>The users file read.</summary>
    public string Source { get; } = source;

    /// <summary>The users of the file, with their display names (<c>name</c>), in the file's order.</summary>
    public IReadOnlyList<(Actor Actor, string? Name)> FileUsers { get; } =
        [.. users.Values.Select(a => (a, names?.GetValueOrDefault(a.User)))];

    /// <summary>
    /// The users of <paramref name="path"/> (else <c>PERFPLAN_USERS</c>, else the demo file), and the local
    /// <paramref name="accounts"/> if given.
    /// </summary>
    /// <exception cref="UnknownUserException">The file is missing or invalid.</exception>
    public static UserDirectory Load(string? path = null, IAccountLookup? accounts = null)
    {
        path = path is { Length: > 0 } ? path
            : Environment.GetEnvironmentVariable("PERFPLAN_USERS") is { Length: > 0 } env ? env
            : Path.Combine(AppContext.BaseDirectory, "users.json");
        if (!File.Exists(path)) throw new UnknownUserException($"File degli utenti non trovato: {path}.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        UsersFile? file;
        try { file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), options); }
        catch (JsonException e)
        {
            throw new UnknownUserException($"File degli utenti non valido ({path}): {e.Message} " +
                "Ruoli ammessi: admin, officeStaff, approver, oiv, analyst, holder.");
        }
        var users = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in file?.Users ?? [])
        {
            if (string.IsNullOrWhiteSpace(u.User) || u.Roles is not { Count: > 0 })
                throw new UnknownUserException($"File degli utenti non valido ({path}): " +
                    "ogni utente ha «user» e almeno un ruolo in «roles».");
            var offices = u.Offices?.Select(o => o.ToUpperInvariant()).ToList() ?? [];
            var entities = new List<string>();
            foreach (var e in u.Entities ?? [])
                entities.Add(e.Trim() == Actor.AllEntities ? Actor.AllEntities
                    : EntityId.TryParse(e, out var id, out var error) ? id.Value
                    : throw new UnknownUserException($"File degli utenti non valido ({path}): utente «{u.User}», "
                        + $"«entities»: {error}; oppure \"*\" per tutti gli enti."));
            var actor = new Actor(u.User, u.Roles, offices, u.Holder?.ToUpperInvariant(),
                entities.Count > 0 ? entities : null);
            if (!users.TryAdd(u.User, actor))
                throw new UnknownUserException(
                    $"File degli utenti non valido ({path}): l'utente «{u.User}» compare due volte.");
            names[u.User] = u.Name;
        }
        return new UserDirectory(path, users, names, accounts);
    }

    /// <summary>
    /// The acting user named <paramref name="user"/>: the local account of that name if there is one (refused when
    /// disabled), else the file's user.
    /// </summary>
    /// <exception cref="UnknownUserException">Neither an account nor the file knows the user, or the account is
    /// disabled.</exception>
    public Actor Find(string user)
    {
        if (accounts?.Find(user) is { } account)
            return account.Disabled
                ? throw new UnknownUserException($"L'utente «{account.Id}» è disabilitato: nessuna operazione. " +
                    $"Un amministratore può riabilitarlo con perfplan user enable {account.Id}.")
                : account.Actor;
        return users.TryGetValue(user, out var actor) ? actor
            : throw new UnknownUserException($"Utente «{user}» sconosciuto. " +
                $"Utenti configurati in {Source}: {string.Join(", ", users.Keys)}" +
                (accounts is null ? "." : "; account locali: perfplan user list."));
    }

    /// <summary>The user of the file named <paramref name="user"/> (any case), or null; local accounts are not
    /// looked at.</summary>
    public Actor? FileUser(string user) => users.TryGetValue(user, out var actor) ? actor : null;

    sealed record UsersFile(IReadOnlyList<UserEntry> Users);
    sealed record UserEntry(string User, string? Name, IReadOnlyList<Role> Roles, IReadOnlyList<string>? Offices,
        string? Holder, IReadOnlyList<string>? Entities);
}

public sealed class UnknownUserException(string message) : DomainException(message);
