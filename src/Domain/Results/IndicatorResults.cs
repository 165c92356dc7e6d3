using System.Collections.Immutable;

namespace PerformancePlan.Domain.Results;

/// <summary>
/// One recorded value of an indicator, as its stream tells it: the value, the Europe/Rome date it refers to, the
/// period (<c>Q1</c>–<c>Q3</c> or a deadline's position) if the measure has periods, who recorded it and when.
/// </summary>
public sealed record ResultEntry(
    Guid EntryId, ResultValue Value, LocalDate ReferredTo, string? Period, string Note, string RecordedBy,
    Instant RecordedAt)
{
    /// <summary>The reverted entry this one corrects, if it is a correction.</summary>
    public Guid? Corrects { get; init; }

    /// <summary>Set when the entry was reverted: it stays in the log and no longer counts.</summary>
    public Reversal? Reversal { get; init; }
}

/// <summary>Why, by whom and when an entry was reverted.</summary>
public sealed record Reversal(string Reason, string By, Instant At);

/// <summary>Every entry recorded for one indicator of one plan, in the order recorded.</summary>
public sealed record IndicatorResults(
    string Id, string PlanId, string Indicator, ImmutableList<ResultEntry> Entries, long Version)
{
    /// <summary>The indicator's result stream: <c>{plan}/{indicator}</c>, e.g. <c>cciaa-ms-2019/O1.2.3-a</c>.</summary>
    public static string StreamId(string planId, string indicator) => $"{planId}/{indicator}";

    /// <summary>The entry with this id, reverted or not; null if the stream has none.</summary>
    public ResultEntry? Entry(Guid id) => Entries.FirstOrDefault(e => e.EntryId == id);

    /// <summary>The results after one more event of the stream; never throws, ignores what it cannot apply.</summary>
    public static IndicatorResults? Evolve(IndicatorResults? state, IResultEvent @event) => (state, @event) switch
    {
        (_, ResultRecorded e) => (state ?? new IndicatorResults(StreamId(e.PlanId, e.Indicator), e.PlanId, e.Indicator,
            [], 0)) with
        {
            Entries = (state?.Entries ?? []).Add(
                new ResultEntry(e.EntryId, e.Value, e.ReferredTo, e.Period, e.Note, e.RecordedBy, e.RecordedAt)
                {
                    Corrects = e.Corrects,
                }),
            Version = (state?.Version ?? 0) + 1,
        },
        (not null, ResultReverted e) when state.Entry(e.EntryId) is { } reverted => state with
        {
            Entries = state.Entries.Replace(
                reverted, reverted with { Reversal = new Reversal(e.Reason, e.RevertedBy, e.RevertedAt) }),
            Version = state.Version + 1,
        },
        _ => state,
    };

    /// <summary>One indicator's stream folded; null when it records nothing.</summary>
    public static IndicatorResults? Replay(IEnumerable<IResultEvent> events) =>
        events.Aggregate((IndicatorResults?)null, Evolve);

    /// <summary>
    /// One indicator's stream as it stood for a business date (Europe/Rome): entries referring to a date after
    /// <paramref name="date"/> are left out (with the reversals of those entries); null when nothing is left.
    /// </summary>
    public static IndicatorResults? AsOf(IEnumerable<IResultEvent> events, LocalDate date) =>
        Replay(events.Where(e => e is not ResultRecorded r || r.ReferredTo <= date));

    /// <summary>
    /// The entries in force: for each period (or the whole indicator), the latest by the date it refers to; between
    /// entries referring to the same date, the one recorded last. Entries recorded after
    /// <paramref name="recordedUpTo"/> (e.g. the year's close) are not counted.
    /// </summary>
    public IReadOnlyList<ResultEntry> Current(Instant? recordedUpTo = null) => Entries
        .Select((entry, order) => (entry, order))
        .Where(x => x.entry.Reversal is null && (recordedUpTo is null || x.entry.RecordedAt <= recordedUpTo))
        .GroupBy(x => x.entry.Period ?? "")
        .Select(g => g.OrderBy(x => x.entry.ReferredTo).ThenBy(x => x.order).Last().entry)
        .OrderBy(e => e.Period ?? "", StringComparer.Ordinal)
        .ToList();
}
