using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Host.Application;

/// <summary>A labelled value of a chart: a period and the score then, a plan version and its target.</summary>
public sealed record ChartPoint(string Label, decimal Value);

/// <summary>"How did the entity's score move through the year?": one point per monitoring period.</summary>
public static class ScoreTrendQueries
{
    /// <summary>The entity's parametrata at the close of each monitoring period, as known at the instant.</summary>
    public static async Task<IReadOnlyList<ChartPoint>> EntityByPeriodAsync(
        IQuerySession session, PlanId planId, int year, Instant? knownAt, CancellationToken ct)
    {
        var points = new List<ChartPoint>();
        foreach (var (label, date) in MonitoringCalendar.Periods(year))
            if (await PlanHistoryQueries.ScoresAsync(session, planId, date, knownAt, ct) is { } at
                && at.Scores.Entity.Score.Parametrata is { } value)
                points.Add(new ChartPoint(label, value));
        return points;
    }
}
