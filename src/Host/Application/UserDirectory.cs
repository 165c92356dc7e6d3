using System.Text.Json;
using System.Text.Json.Serialization;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;

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
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), options)
                   ?? throw new UnknownUserException($"File degli utenti vuoto: {path}.");
        return new UserDirectory(path, file.Users.ToDictionary(u => u.User, u =>
            new Actor(u.User, u.Roles, u.Offices ?? [], u.Holder), StringComparer.OrdinalIgnoreCase));
    }

    public Actor Find(string user) => users.TryGetValue(user, out var actor) ? actor
        : throw new UnknownUserException($"Utente «{user}» sconosciuto. Utenti configurati in {Source}: {string.Join(", ", users.Keys)}.");

    sealed record UsersFile(IReadOnlyList<UserEntry> Users);
    sealed record UserEntry(string User, string? Name, IReadOnlyList<Role> Roles, IReadOnlyList<string>? Offices, string? Holder);
}

public sealed class UnknownUserException(string message) : DomainException(message);
