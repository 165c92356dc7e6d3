using System.Collections.Immutable;
using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Host.Application;

/// <summary>A labelled value of a chart: a period and the score then, a plan version and its target.</summary>
public sealed record ChartPoint(string Label, decimal Value);

/// <summary>"How did the entity's score move through the year?": one point per monitoring period.</summary>
public static class ScoreTrendQueries
{
    /// <summary>
    /// The entity's parametrata (the headline figure) at the close of each monitoring period, as known at the
    /// instant, by the plan's <paramref name="calendar"/> (quadrimesters unless it says otherwise). With a business
    /// date (<i>situazione al</i>) the line stops there: the periods closed by then, and a last point on that date
    /// (<c>al 15/05</c>) when it falls inside a period, so the chart agrees with the page. Without an instant it
    /// reads the stored results and the plan's own stream once, not a replay per point (ADR 0022).
    /// </summary>
    public static async Task<IReadOnlyList<ChartPoint>> EntityByPeriodAsync(
        IQuerySession session, PlanId planId, int year, LocalDate? asOf, Instant? knownAt, CancellationToken ct,
        CalendarKind calendar = CalendarKind.Quadrimesters)
    {
        var dates = MonitoringCalendar.Periods(year, calendar).Select(p => (Label: p.Code, Date: p.Close))
            .Where(p => asOf is null || p.Date <= asOf).ToList();
        if (asOf is { } on && on.Year == year && dates.All(p => p.Date != on))
            dates.Add(($"al {ItalianFormat.Date(on)[..5]}", on));
        var scoresOn = knownAt is null ? await FromStoredAsync(session, planId, ct)
            : async date => (await PlanHistoryQueries.ScoresAsync(session, planId, date, knownAt, ct))?.Scores;
        var points = new List<ChartPoint>();
        foreach (var (label, date) in dates)
            if (await scoresOn(date) is { } scores && scores.Entity.Score.ShownParametrata is { } value)
                points.Add(new ChartPoint(label, value));
        return points;
    }

    /// <summary>
    /// Scores on a date from the plan's stream (the version in force then) and the stored results, each cut to the
    /// entries referring up to that date: what <see cref="IndicatorResults.AsOf"/> gives from the events.
    /// </summary>
    static async Task<Func<LocalDate, Task<ObjectiveScores?>>> FromStoredAsync(
        IQuerySession session, PlanId planId, CancellationToken ct)
    {
        var planEvents = (await PlanHistoryQueries.EventsAsync(session, planId, null, false, ct))
            .Select(e => e.Data).ToList();
        var stored = await session.Query<IndicatorResults>().Where(r => r.PlanId == planId.Value).ToListAsync(ct);
        return date =>
        {
            if (Plan.AsOf(planEvents, date) is not { } plan) return Task.FromResult<ObjectiveScores?>(null);
            var results = stored
                .Select(r => r with { Entries = r.Entries.Where(e => e.ReferredTo <= date).ToImmutableList() })
                .Where(r => r.Entries.Count > 0);
            return Task.FromResult<ObjectiveScores?>(PlanScoring.Score(plan, results));
        };
    }
}
