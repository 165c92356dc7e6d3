using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Identity;

/// <summary>
/// The code of an administration (entity) in the store, e.g. <c>cciaa-ms</c>: lower-case letters, digits and
/// hyphens, starting with a letter, 2–40 characters. Read once at the edge (<see cref="TryParse"/>); inside, an
/// <see cref="EntityId"/> is always valid. Compared by value.
/// </summary>
public sealed partial record EntityId
{
    EntityId(string value) => Value = value;

    /// <summary>The code, e.g. <c>cciaa-ms</c>.</summary>
    public string Value { get; }

    /// <summary>
    /// Reads a code typed by a person: trimmed and lower-cased; <paramref name="error"/> says why not.
    /// </summary>
    public static bool TryParse(string? text, out EntityId id, out string error)
    {
        var value = (text ?? "").Trim().ToLowerInvariant();
        id = null!;
        error = "";
        if (!Pattern().IsMatch(value))
        {
            error = $"«{text}» non è un codice di ente: lettere minuscole, cifre e trattini, "
                    + "iniziando con una lettera (2–40 caratteri), es. cciaa-ms";
            return false;
        }
        id = new EntityId(value);
        return true;
    }

    /// <summary>
    /// The two-argument form ASP.NET Core binds query values with; a malformed code is a bad request.
    /// </summary>
    public static bool TryParse(string? text, out EntityId id) => TryParse(text, out id, out _);

    /// <summary>
    /// The demonstration entity, Camera di Commercio di Massa-Carrara: the default where one is needed.
    /// </summary>
    public static EntityId Default { get; } = Parse("cciaa-ms");

    /// <summary>Reads a code that must be valid (files and configuration the product wrote itself).</summary>
    /// <exception cref="FormatException">The text is not an entity code.</exception>
    public static EntityId Parse(string text) => TryParse(text, out var id, out var error) ? id
        : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$")]
    private static partial Regex Pattern();
}
