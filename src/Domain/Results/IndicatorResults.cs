using System.Collections.Immutable;
using NodaTime;

namespace PerformancePlan.Domain.Results;

public sealed record ResultEntry(
    Guid EntryId, ResultValue Value, LocalDate ReferredTo, string? Period, string Note, string RecordedBy, Instant RecordedAt);

/// <summary>Every entry recorded for one indicator of one plan, in the order recorded.</summary>
public sealed record IndicatorResults(string Id, string PlanId, string Indicator, ImmutableList<ResultEntry> Entries, long Version)
{
    public static string StreamId(string planId, string indicator) => $"{planId}/{indicator}";

    public static IndicatorResults? Evolve(IndicatorResults? state, object @event) => (state, @event) switch
    {
        (_, ResultRecorded e) => (state ?? new IndicatorResults(StreamId(e.PlanId, e.Indicator), e.PlanId, e.Indicator, [], 0)) with
        {
            Entries = (state?.Entries ?? []).Add(new ResultEntry(e.EntryId, e.Value, e.ReferredTo, e.Period, e.Note, e.RecordedBy, e.RecordedAt)),
            Version = (state?.Version ?? 0) + 1,
        },
        _ => state,
    };

    /// <summary>
    /// The entries in force: for each period (or the whole indicator), the latest by the date it refers to; between
    /// entries referring to the same date, the one recorded last. Entries recorded after <paramref name="recordedUpTo"/>
    /// (e.g. the year's close) are not counted.
    /// </summary>
    public IReadOnlyList<ResultEntry> Current(Instant? recordedUpTo = null) => Entries
        .Select((entry, order) => (entry, order))
        .Where(x => recordedUpTo is null || x.entry.RecordedAt <= recordedUpTo)
        .GroupBy(x => x.entry.Period ?? "")
        .Select(g => g.OrderBy(x => x.entry.ReferredTo).ThenBy(x => x.order).Last().entry)
        .OrderBy(e => e.Period ?? "", StringComparer.Ordinal)
        .ToList();
}
