namespace PerformancePlan.Host.Application.Exports;

/// <summary>One line of <c>export scores</c>: the entity, an area, an objective or an indicator, its score.</summary>
public sealed record ScoreRow(
    string Code, string Level, string Target, string Result, decimal? Realization, decimal? Parametrata, string Outcome)
    : IExportRow
{
    /// <summary>The entity first, then areas, objectives and indicators, percentages rounded to two decimals.</summary>
    public static IReadOnlyList<ScoreRow> From(Plan plan, ObjectiveScores scores) =>
        scores.Areas.Concat(scores.Objectives).Prepend(scores.Entity)
            .Select(n => Of(n.Code, n.LevelName, "", "", n.Score))
            .Concat(scores.Indicators.Select(i => Of(plan, i)))
            .ToList();

    static ScoreRow Of(Plan plan, IndicatorScore i)
    {
        var indicator = plan.IndicatorOf(i.Code);
        return Of(i.Code, Labels.Of(i.Level), TargetText.Of(i.Target, indicator),
            string.Join(", ", i.Used.Select(u => ResultText.Of(u.Value, indicator))), i.Score);
    }

    static ScoreRow Of(string code, string level, string target, string result, Score s) => new(
        code, level, target, result, s.ShownRaw, s.ShownParametrata, BandNames.Italian(s));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Cells() => new Dictionary<string, object?>
    {
        ["Codice"] = Code, ["Livello"] = Level, ["Target"] = Target, ["Risultato"] = Result,
        ["% Realizzazione"] = Realization, ["% Parametrata"] = Parametrata, ["Esito"] = Outcome,
    };
}
