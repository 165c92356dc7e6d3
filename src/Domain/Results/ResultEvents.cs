namespace PerformancePlan.Domain.Results;

// Events of an indicator's result stream (stream id "{plan}/{indicator}", e.g. "cciaa-ms-2019/O1.2.3-a"):
// one stream per indicator, so offices recording different indicators never contend.

/// <summary>
/// An event of an indicator's result stream, folded by <see cref="IndicatorResults.Evolve"/>. A marker only: it adds
/// nothing to the stored JSON nor to the event's type name.
/// </summary>
public interface IResultEvent;

/// <summary>
/// A measured value of an indicator, referring to a date (and, for per-period measures, to a period:
/// <c>Q1</c>–<c>Q3</c>, or the position <c>1</c>, <c>2</c>… of a deadline). Never edited: a later entry supersedes it.
/// </summary>
public sealed record ResultRecorded(
    string PlanId, string Indicator, Guid EntryId, ResultValue Value, LocalDate ReferredTo, string? Period,
    string Note, string RecordedBy, Instant RecordedAt) : IResultEvent
{
    /// <summary>The reverted entry this one corrects, if it is a correction.</summary>
    public Guid? Corrects { get; init; }
}

/// <summary>An entry was found wrong and reverted, with a reason. It stays in the log; it no longer counts.</summary>
public sealed record ResultReverted(
    string PlanId, string Indicator, Guid EntryId, string Reason, string RevertedBy, Instant RevertedAt) : IResultEvent;

/// <summary>
/// An amount (percent up to 10 000, count, days, 1 = sì / 0 = no, a completion percent) or a completion date, as the
/// indicator's measure types it.
/// </summary>
public sealed record ResultValue(decimal? Amount, LocalDate? Date)
{
    /// <summary>
    /// The value of reference entered with the result: a benchmark's value (<c>media nazionale</c>), or the baseline
    /// year's value of a baseline-relative target (then <see cref="Amount"/> is the year's value, not the variation).
    /// Null, and left out of the stored JSON, otherwise.
    /// </summary>
    public decimal? Reference { get; init; }
}
