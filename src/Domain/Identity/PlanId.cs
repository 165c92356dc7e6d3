namespace PerformancePlan.Domain.Identity;

/// <summary>
/// The identity of one administration's plan of one year, written <c>{entity}-{year}</c>, e.g. <c>cciaa-ms-2019</c>
/// (the plan of 2019 covers the three years 2019–2021). The year is 2000–2099. Read once at the edge
/// (<see cref="TryParse"/>); inside, a <see cref="PlanId"/> is always valid. Compared by value.
/// </summary>
public sealed record PlanId
{
    PlanId(EntityId entity, int year) => (Entity, Year) = (entity, year);

    /// <summary>The administration whose plan this is.</summary>
    public EntityId Entity { get; }

    /// <summary>The plan's first year (its triennium starts there).</summary>
    public int Year { get; }

    /// <summary>
    /// The plan id as stored and typed, e.g. <c>cciaa-ms-2019</c>: the name of the plan's event stream.
    /// </summary>
    public string Value => $"{Entity.Value}-{Year}";

    /// <summary>The plan of <paramref name="entity"/> for <paramref name="year"/> (2000–2099).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099.</exception>
    public static PlanId Of(EntityId entity, int year) => year is >= 2000 and <= 2099 ? new PlanId(entity, year)
        : throw new ArgumentOutOfRangeException(nameof(year), year, "l'anno del piano va dal 2000 al 2099");

    /// <summary>
    /// Reads a plan id typed by a person (trimmed, lower-cased); <paramref name="error"/> says why not.
    /// </summary>
    public static bool TryParse(string? text, out PlanId id, out string error)
    {
        var value = (text ?? "").Trim().ToLowerInvariant();
        id = null!;
        var dash = value.LastIndexOf('-');
        if (dash > 0 && int.TryParse(value[(dash + 1)..], out var year) && value.Length - dash == 5
            && year is >= 2000 and <= 2099 && EntityId.TryParse(value[..dash], out var entity, out _))
        {
            id = new PlanId(entity, year);
            error = "";
            return true;
        }
        error = $"«{text}» non è un identificativo di piano: si scrive codice dell'ente, trattino e anno, "
                + "es. cciaa-ms-2019";
        return false;
    }

    /// <summary>
    /// The two-argument form ASP.NET Core binds route values with (<c>/api/plans/{id}</c>): a malformed id is a
    /// bad request before any endpoint runs.
    /// </summary>
    public static bool TryParse(string? text, out PlanId id) => TryParse(text, out id, out _);

    /// <summary>Reads a plan id that must be valid (ids the product stored itself).</summary>
    /// <exception cref="FormatException">The text is not a plan id.</exception>
    public static PlanId Parse(string text) => TryParse(text, out var id, out var error) ? id
        : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Value;
}
