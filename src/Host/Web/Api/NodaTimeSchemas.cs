using Microsoft.OpenApi;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// NodaTime values as the API writes them (<see cref="AppJson"/>): ISO strings, not the objects the schema generator
/// would infer from their properties. A generated client then reads <c>2019-04-30</c> as a date.
/// </summary>
public static class NodaTimeSchemas
{
    static readonly Dictionary<Type, (string Format, string Example)> Formats = new()
    {
        [typeof(LocalDate)] = ("date", "2019-04-30"),
        [typeof(Instant)] = ("date-time", "2019-04-30T08:00:00Z"),
        [typeof(OffsetDateTime)] = ("date-time", "2019-04-30T10:00:00+02:00"),
        [typeof(LocalDateTime)] = ("local-date-time", "2019-04-30T10:00:00"),
    };

    /// <summary>Makes <paramref name="schema"/> an ISO string when <paramref name="type"/> is a NodaTime value.
    /// </summary>
    public static void Apply(OpenApiSchema schema, Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (!Formats.TryGetValue(nullable ?? type, out var iso)) return;
        // One component per type, nullable or not: where a value may be absent the generator adds the null itself.
        schema.Type = JsonSchemaType.String;
        schema.Format = iso.Format;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.Description ??= $"ISO 8601, es. {iso.Example}";
    }
}
