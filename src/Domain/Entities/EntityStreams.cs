namespace PerformancePlan.Domain.Entities;

/// <summary>Where an administration's own events go: the stream <c>{entity}/ente</c> (ADR 0030).</summary>
public static class EntityStreams
{
    /// <summary>The last segment of an administration's stream id.</summary>
    public const string Suffix = "/ente";

    /// <summary>The stream of the administration <paramref name="entity"/>, e.g. <c>cciaa-tno/ente</c>.</summary>
    public static string Of(string entity) => entity + Suffix;
}
