using System.Collections.Immutable;
using NodaTime;

namespace PerformancePlan.Domain.Results;

public sealed record ResultEntry(
    Guid EntryId, ResultValue Value, LocalDate ReferredTo, string? Period, string Note, string RecordedBy, Instant RecordedAt)
{
    public Guid? Corrects { get; init; }
    public Reversal? Reversal { get; init; }
}

public sealed record Reversal(string Reason, string By, Instant At);

/// <summary>Every entry recorded for one indicator of one plan, in the order recorded.</summary>
public sealed record IndicatorResults(string Id, string PlanId, string Indicator, ImmutableList<ResultEntry> Entries, long Version)
{
    public static string StreamId(string planId, string indicator) => $"{planId}/{indicator}";

    public ResultEntry? Entry(Guid id) => Entries.FirstOrDefault(e => e.EntryId == id);

    public static IndicatorResults? Evolve(IndicatorResults? state, object @event) => (state, @event) switch
    {
        (_, ResultRecorded e) => (state ?? new IndicatorResults(StreamId(e.PlanId, e.Indicator), e.PlanId, e.Indicator, [], 0)) with
        {
            Entries = (state?.Entries ?? []).Add(new ResultEntry(e.EntryId, e.Value, e.ReferredTo, e.Period, e.Note, e.RecordedBy, e.RecordedAt) { Corrects = e.Corrects }),
            Version = (state?.Version ?? 0) + 1,
        },
        (not null, ResultReverted e) when state.Entry(e.EntryId) is { } reverted => state with
        {
            Entries = state.Entries.Replace(reverted, reverted with { Reversal = new Reversal(e.Reason, e.RevertedBy, e.RevertedAt) }),
            Version = state.Version + 1,
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
        .Where(x => x.entry.Reversal is null && (recordedUpTo is null || x.entry.RecordedAt <= recordedUpTo))
        .GroupBy(x => x.entry.Period ?? "")
        .Select(g => g.OrderBy(x => x.entry.ReferredTo).ThenBy(x => x.order).Last().entry)
        .OrderBy(e => e.Period ?? "", StringComparer.Ordinal)
        .ToList();
}
