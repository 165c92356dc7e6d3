using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The JSON every door writes and reads (CLI <c>--format json</c>, HTTP API, digest files): camelCase, enums as
/// camelCase strings, NodaTime in ISO forms, Italian letters unescaped, indented.
/// </summary>
public static class AppJson
{
    /// <summary>The shared, immutable options.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { Projections.OptionalMembers.OmitWhenUnset },
        };
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
