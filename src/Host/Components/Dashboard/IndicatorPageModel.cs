namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>
/// An indicator's page: target and the act that set it, how it is measured, its score, the results used and
/// reverted (who, when, why), and the charts of results against target and of the target across plans.
/// </summary>
public sealed record IndicatorPageModel(
    string PlanId, string Code, string Description, int Year, TimeTravel Time, string Target, string? TargetSetBy,
    string Measure, Score Score, IReadOnlyList<UsedResultRow> Used, IReadOnlyList<RevertedResultRow> Reverted,
    decimal? TargetAmount, IReadOnlyList<ChartPoint> Results, IReadOnlyList<ChartPoint> TargetHistory)
{
    /// <summary>The form recording a result, for a signed-in user who may record this indicator's; else null.
    /// </summary>
    public ResultFormModel? Form { get; init; }

    /// <summary>The page of an indicator's detail and the history of its target.</summary>
    public static IndicatorPageModel From(IndicatorDetail d, IReadOnlyList<TargetChange> lineage, TimeTravel time)
    {
        var i = d.Indicator;
        var s = d.Score;
        var measure = $"{MeasureLabels.Of(i.Measure)}, uffici {string.Join(' ', i.Offices)}, "
            + $"titolari {string.Join(' ', i.Holders)}";
        var used = s.Used.Select(u => new UsedResultRow(ResultText.Of(u.Value, i), ItalianFormat.Date(u.ReferredTo),
            u.Period, u.RecordedBy, ItalianFormat.LocalTime(u.RecordedAt), u.Note)).ToList();
        var reverted = d.Reverted.Select(u => new RevertedResultRow(ResultText.Of(u.Value, i),
            ItalianFormat.Date(u.ReferredTo), u.Reversal!.By, u.Reversal.Reason)).ToList();
        var target = s.Target?.Amount;
        var results = target is not null && s.Used.Any(u => u.Value.Amount is not null)
            ? s.Used.OrderBy(u => u.ReferredTo)
                .Select(u => new ChartPoint(u.Period ?? ItalianFormat.Date(u.ReferredTo)[..5], u.Value.Amount ?? 0))
                .ToList()
            : [];
        var history = lineage.Where(c => c.Value?.Amount is not null)
            .Select(c => new ChartPoint($"{c.TargetYear}·{(c.Plan.Length >= 4 ? c.Plan[^4..] : c.Plan)}v{c.Version}",
                c.Value!.Amount!.Value)).ToList();
        var setBy = d.TargetSetBy is { } t ? $"{t.Act ?? "bozza"}, versione {t.Version}" : null;
        return new(d.Plan.Id, i.Code, i.Description, d.Plan.Year, time, TargetText.Of(s.Target, i), setBy, measure,
            s.Score, used, reverted, target, results, history);
    }
}

/// <summary>A result the score uses: value, its date, period, who recorded it, when, and the note.</summary>
public sealed record UsedResultRow(string Value, string ReferredTo, string? Period, string By, string At, string Note);

/// <summary>A reverted result: value, the date it referred to, who reverted it and why.</summary>
public sealed record RevertedResultRow(string Value, string ReferredTo, string By, string Reason);
