namespace PerformancePlan.Host.Application;

/// <summary>
/// One indicator of a plan as it stood: the indicator, its score, the change that set this year's target and the
/// entries reverted since. <see cref="Score"/> carries the entries used.
/// </summary>
public sealed record IndicatorDetail(
    Plan Plan, Indicator Indicator, IndicatorScore Score, TargetChange? TargetSetBy,
    IReadOnlyList<ResultEntry> Reverted);

/// <summary>
/// Every entry recorded for one indicator and the version of its results: what a writer reads before recording with
/// <c>--expected-version</c> (CLI) or <c>If-Match</c> (API). <see cref="Version"/> is 0 when nothing was recorded.
/// </summary>
public sealed record IndicatorEntries(Plan Plan, Indicator Indicator, IReadOnlyList<ResultEntry> Entries, long Version);

/// <summary>
/// "How is this indicator doing, and who recorded what?" on the two time axes of <see cref="PlanHistoryQueries"/>.
/// Reads the plan's own stream and the indicator's result streams only: no ledger, no other indicator.
/// </summary>
public static class IndicatorQueries
{
    /// <summary>The indicator's detail, or null if the plan or the indicator is unknown at that time.</summary>
    public static async Task<IndicatorDetail?> DetailAsync(
        IQuerySession session, PlanId planId, string code, LocalDate? asOf, Instant? knownAt, CancellationToken ct)
    {
        var planEvents = (await PlanHistoryQueries.EventsAsync(session, planId, knownAt, false, ct))
            .Select(e => e.Data).ToList();
        var plan = asOf is { } date ? Plan.AsOf(planEvents, date) : Plan.Replay(planEvents);
        if (plan?.IndicatorOf(code) is not { } indicator) return null;
        var results = await ResultsAsync(session, planId, indicator, asOf, knownAt, ct);
        var score = PlanScoring.Score(plan, results).Indicators.FirstOrDefault(i => i.Code == code);
        if (score is null) return null;
        var setBy = PlanHistory.TargetChanges(planEvents, indicator.Lineage)
            .LastOrDefault(c => c.TargetYear == plan.Year && c.Version <= plan.CurrentVersion);
        var reverted = results.SelectMany(r => r.Entries).Where(e => e.Reversal is not null).ToList();
        return new IndicatorDetail(plan, indicator, score, setBy, reverted);
    }

    /// <summary>The indicator's entries as recorded now and their version; null if the plan or indicator is unknown.
    /// </summary>
    public static async Task<IndicatorEntries?> EntriesAsync(
        IQuerySession session, PlanId planId, string code, CancellationToken ct)
    {
        var plan = await session.LoadAsync<Plan>(planId.Value, ct);
        if (plan?.IndicatorOf(code) is not { } indicator) return null;
        var stream = IndicatorResults.StreamId(planId.Value, indicator.Code);
        var doc = await session.LoadAsync<IndicatorResults>(stream, ct);
        return new IndicatorEntries(plan, indicator, doc?.Entries ?? [], doc?.Version ?? 0);
    }

    /// <summary>The indicator's results, under its code and the codes it had before a renumbering.</summary>
    static async Task<IReadOnlyList<IndicatorResults>> ResultsAsync(
        IQuerySession session, PlanId planId, Indicator indicator, LocalDate? asOf, Instant? knownAt,
        CancellationToken ct)
    {
        var streams = indicator.PreviousCodes.Append(indicator.Code)
            .Select(c => IndicatorResults.StreamId(planId.Value, c)).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => streams.Contains(e.StreamKey!))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        return events
            .Where(e => knownAt is not { } t || PlanHistoryQueries.SealedAt(e) <= t)
            .GroupBy(e => e.StreamKey)
            .Select(g => g.Select(e => e.Data).OfType<IResultEvent>().ToList())
            .Select(stream => asOf is { } d ? IndicatorResults.AsOf(stream, d) : IndicatorResults.Replay(stream))
            .OfType<IndicatorResults>().ToList();
    }
}
