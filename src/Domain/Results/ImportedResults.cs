namespace PerformancePlan.Domain.Results;

/// <summary>The results a file brings, less those already recorded; how many were already there.</summary>
public sealed record ImportedResults(IReadOnlyList<ResultRecorded> Fresh, int AlreadyPresent)
{
    /// <summary>
    /// The same file imported again must not double the audit trail, yet a file must be able to restore a value:
    /// a row is already present only when the entry in force for its indicator, date and period — the latest
    /// still-valid (not reverted) one, as <see cref="IndicatorResults.Current"/> would pick it — has the same value.
    /// A reverted entry does not count, so re-importing the right row after a mistaken reversal records it; an older
    /// entry does not count either, so a row equal to it supersedes a later one for the same date. Where the file
    /// has several rows for one indicator, date and period, its last row decides for all of them (they are all
    /// kept, in file order, or all skipped), so the file's last word is the one in force.
    /// </summary>
    /// <param name="decided">The entries the file's rows decided, in file order.</param>
    /// <param name="recorded">What the plan's indicators already record, one element per result stream.</param>
    public static ImportedResults Of(IReadOnlyList<ResultRecorded> decided, IEnumerable<IndicatorResults> recorded)
    {
        var inForce = recorded
            .SelectMany(r => r.Entries.Select((e, order) => (r.Indicator, Entry: e, order)))
            .Where(x => x.Entry.Reversal is null)
            .GroupBy(x => Key(x.Indicator, x.Entry.ReferredTo, x.Entry.Period))
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.order).Entry.Value);
        var lastInFile = decided.GroupBy(d => Key(d.Indicator, d.ReferredTo, d.Period))
            .ToDictionary(g => g.Key, g => g.Last().Value);
        var fresh = decided.Where(d =>
        {
            var key = Key(d.Indicator, d.ReferredTo, d.Period);
            return !(inForce.TryGetValue(key, out var value) && value == lastInFile[key]);
        }).ToList();
        return new ImportedResults(fresh, decided.Count - fresh.Count);
    }

    static (string, LocalDate, string) Key(string indicator, LocalDate on, string? period) =>
        (indicator, on, period ?? "");
}
