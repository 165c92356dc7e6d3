namespace PerformancePlan.Domain.Results;

/// <summary>The results a file brings, less those already recorded; how many were already there.</summary>
public sealed record ImportedResults(IReadOnlyList<ResultRecorded> Fresh, int AlreadyPresent)
{
    /// <summary>
    /// The same file imported again must not double the audit trail: an entry identical to one already recorded
    /// (same indicator, value, reference date and period) is skipped and counted as already present. Every
    /// recorded entry counts, reverted or not; rows repeated within the file are each kept.
    /// </summary>
    /// <param name="decided">The entries the file's rows decided, in file order.</param>
    /// <param name="recorded">What the plan's indicators already record, one element per result stream.</param>
    public static ImportedResults Of(IReadOnlyList<ResultRecorded> decided, IEnumerable<IndicatorResults> recorded)
    {
        var existing = recorded
            .SelectMany(r => r.Entries.Select(e => (r.Indicator, e.Value, e.ReferredTo, e.Period)))
            .ToHashSet();
        var fresh = decided.Where(d => !existing.Contains((d.Indicator, d.Value, d.ReferredTo, d.Period))).ToList();
        return new ImportedResults(fresh, decided.Count - fresh.Count);
    }
}
