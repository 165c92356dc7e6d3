namespace PerformancePlan.Host.Components.Reports;

/// <summary>The OIV's report: the plan, how intact its history is, and how each score was reached.</summary>
public sealed record OivReportModel(
    string PlanId, string EntityName, int Year, int HorizonFrom, int HorizonTo, string Status, string Version,
    string Situation, Methodology Methodology, long Events, bool LedgerVerified, string? LedgerFailure,
    string LedgerHead, bool MatchesStored, string Differences, Score Entity, IReadOnlyList<OivNodeRow> Objectives,
    IReadOnlyList<OivIndicatorRow> Indicators)
{
    /// <summary>The report of a replay.</summary>
    public static OivReportModel From(OivReplay r)
    {
        var p = r.Plan;
        var version = p.Versions.Count > 0 ? $", versione {p.CurrentVersion} ({p.Versions[^1].Act})" : "";
        var situation = (r.AsOf is { } a ? $", situazione al {ItalianFormat.Date(a)}" : "")
            + (r.KnownAt is { } k ? $", con quanto registrato fino a {k}" : "");
        var failure = r.Ledger.FirstBad is { } bad ? $"{bad.Stream} versione {bad.Version} — {bad.Reason}" : null;
        return new(p.Id, p.EntityName, p.Year, p.Horizon[0], p.Horizon[^1], StatusNames.Of(p.Status), version,
            situation, p.Methodology, r.Events, r.Ledger.Verified, failure, r.Ledger.Head, r.MatchesStored,
            string.Join("; ", r.Differences), r.Scores.Entity.Score,
            r.Objectives.Select(o => new OivNodeRow(o.LevelName, o.Code, o.Description, o.Score,
                string.Join(", ", o.From))).ToList(),
            r.Indicators.Select(i => OivIndicatorRow.From(p, i)).ToList());
    }
}

/// <summary>An objective or area and the codes its score was computed from.</summary>
public sealed record OivNodeRow(string Level, string Code, string Description, Score Score, string From);

/// <summary>An indicator's derivation: target and the act that set it, entries used and reverted, score.</summary>
public sealed record OivIndicatorRow(
    string Code, string Description, string Target, string? TargetSetBy, IReadOnlyList<EntryLine> Used,
    IReadOnlyList<EntryLine> Reverted, Score Score)
{
    /// <summary>The row of one indicator of the replay.</summary>
    public static OivIndicatorRow From(Plan plan, IndicatorDerivation i)
    {
        var indicator = plan.IndicatorOf(i.Code)!;
        var setBy = i.TargetSetBy is { } t
            ? $"{t.Act ?? "bozza"}, v{t.Version}" + (t.EffectiveOn is { } on ? $", dal {ItalianFormat.Date(on)}" : "")
            : null;
        var used = i.Used.Select(u => new EntryLine(
            ResultText.Of(u.Value, indicator) + (u.Period is { } per ? $" ({per})" : "")
                + $" al {ItalianFormat.Date(u.ReferredTo)}",
            $"{u.RecordedBy}, {ItalianFormat.LocalTime(u.RecordedAt)}")).ToList();
        var reverted = i.Reverted.Select(u => new EntryLine(
            $"{ResultText.Of(u.Value, indicator)} al {ItalianFormat.Date(u.ReferredTo)}",
            $"annullato da {u.Reversal!.By} il {ItalianFormat.LocalTime(u.Reversal.At)}: {u.Reversal.Reason}"))
            .ToList();
        return new(i.Code, i.Description, TargetText.Of(i.Target, indicator), setBy, used, reverted, i.Score);
    }
}

/// <summary>A result entry in two lines: what and when it refers to, then who and when (in small print).</summary>
public sealed record EntryLine(string What, string Who);
