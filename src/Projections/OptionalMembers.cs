using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Projections;

/// <summary>
/// One serializer rule instead of an attribute on every optional member of the domain: a domain type's property that
/// is not a constructor parameter (an <c>init</c> addition such as <c>YearTarget.High</c> or
/// <c>IndicatorDefined.Unit</c>) is written only when it has a value. Events written before an addition existed read
/// unchanged, and a seed-shaped plan stores the same JSON as before. Used by the store and by every door's JSON.
/// </summary>
public static class OptionalMembers
{
    static readonly Assembly Domain = typeof(Plan).Assembly;

    /// <summary>The modifier to add to a <see cref="DefaultJsonTypeInfoResolver"/>.</summary>
    public static void OmitWhenUnset(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != Domain) return;
        var parameters = info.Type.GetConstructors()
            .SelectMany(c => c.GetParameters()).Select(p => p.Name ?? "")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in info.Properties.Where(p => !parameters.Contains(p.Name)
                     && (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null)))
            property.ShouldSerialize = (_, value) => value is not null;
    }
}
