using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerformancePlan.Host.Application;

/// <summary>
/// Users, their roles and offices, from configuration: <c>--users FILE</c>, else <c>PERFPLAN_USERS</c>, else the
/// demonstration <c>users.json</c> shipped beside the executable (one user per role and per office).
/// </summary>
public sealed class UserDirectory(string source, IReadOnlyDictionary<string, Actor> users)
{
    public string Source { get; } = source;

    public static UserDirectory Load(string? path = null)
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
        foreach (var u in file?.Users ?? [])
        {
            if (string.IsNullOrWhiteSpace(u.User) || u.Roles is not { Count: > 0 })
                throw new UnknownUserException($"File degli utenti non valido ({path}): " +
                    "ogni utente ha «user» e almeno un ruolo in «roles».");
            var offices = u.Offices?.Select(o => o.ToUpperInvariant()).ToList() ?? [];
            if (!users.TryAdd(u.User, new Actor(u.User, u.Roles, offices, u.Holder?.ToUpperInvariant())))
                throw new UnknownUserException(
                    $"File degli utenti non valido ({path}): l'utente «{u.User}» compare due volte.");
        }
        return new UserDirectory(path, users);
    }

    public Actor Find(string user) => users.TryGetValue(user, out var actor) ? actor
        : throw new UnknownUserException($"Utente «{user}» sconosciuto. " +
            $"Utenti configurati in {Source}: {string.Join(", ", users.Keys)}.");

    sealed record UsersFile(IReadOnlyList<UserEntry> Users);
    sealed record UserEntry(
        string User, string? Name, IReadOnlyList<Role> Roles, IReadOnlyList<string>? Offices, string? Holder);
}

public sealed class UnknownUserException(string message) : DomainException(message);
