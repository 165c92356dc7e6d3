using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Host.Application;

/// <summary>
/// One item of the year scored twice: the entity, an objective (<paramref name="Level"/> its Italian level name) or
/// an indicator, under the rules in force and under the hypothesis.
/// </summary>
public sealed record WhatIfItem(string Code, string Level, string Description, Score InForce, Score Hypothesis)
{
    /// <summary>Whether the band (or the table's outcome) differs between the two.</summary>
    public bool BandChanged => InForce.Band != Hypothesis.Band || InForce.Label != Hypothesis.Label;
}

/// <summary>
/// "What would the year score under other rules?": the plan (as of, as known at) with its rules in force and the
/// hypothesis read from a methodology file, both as Italian sentences, and every score under both. Nothing is written.
/// </summary>
public sealed record OivWhatIf(
    Plan Plan, long Events, string File, Methodology InForce, Methodology Hypothesis,
    IReadOnlyList<string> RulesInForce, IReadOnlyList<string> RulesHypothesis, IReadOnlyList<WhatIfItem> Items,
    LocalDate? AsOf, Instant? KnownAt);

/// <summary>The what-if replay: the OIV's replay scored again by the domain under a methodology from a file.</summary>
public static class OivWhatIfReplay
{
    /// <summary>
    /// Replays the plan from its events (as <see cref="OivService.ReplayAsync"/>), reads the methodology file over the
    /// rules in force and scores the year under both with <see cref="PlanScoring.Score"/>; null when there is no
    /// such plan. Only reads.
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read or its rules are wrong (file, row, column,
    /// value, fix).</exception>
    public static async Task<OivWhatIf?> RunAsync(IQuerySession session, PlanId planId, string path,
        LocalDate? asOf, Instant? knownAt, CancellationToken ct)
    {
        RawSheet sheet;
        try { sheet = SheetReader.Read(path); }
        catch (FormatException e) { throw new InvalidInputException([new ImportIssue(IssueSeverity.Error,
            Path.GetFileName(path), 0, "", "", e.Message, "salvare il file come CSV separato da «;» o come .xlsx")]); }
        if (await PlanHistoryQueries.ReplayAsync(session, planId, asOf, knownAt, ct) is not { } replay) return null;
        var plan = replay.Plan;
        var (hypothesis, errors) = MethodologyReader.ReadFile(sheet, plan.Methodology);
        if (errors.Count > 0 || hypothesis is null) throw new InvalidInputException(errors);
        var other = PlanScoring.Score(plan with { Methodology = hypothesis }, replay.Results);
        return new OivWhatIf(plan, replay.EventCount, sheet.FileName, plan.Methodology, hypothesis,
            Views.MethodologyRules.Sentences(plan.Methodology), Views.MethodologyRules.Sentences(hypothesis),
            Items(plan, replay.Scores, other), asOf, knownAt);
    }

    /// <summary>The entity, then each objective top down (children after their parent), then each indicator.</summary>
    static IReadOnlyList<WhatIfItem> Items(Plan plan, ObjectiveScores a, ObjectiveScores b)
    {
        var nodesA = a.Areas.Concat(a.Objectives).ToDictionary(n => n.Code, n => n.Score);
        var nodesB = b.Areas.Concat(b.Objectives).ToDictionary(n => n.Code, n => n.Score);
        var items = new List<WhatIfItem>
        {
            new(Codes.EntityCode, "Ente", plan.EntityName, a.Entity.Score, b.Entity.Score),
        };
        void Add(PlanNode n)
        {
            items.Add(new WhatIfItem(n.Code, n.LevelName, n.Description, nodesA[n.Code], nodesB[n.Code]));
            foreach (var c in plan.Children(n.Code)) Add(c);
        }
        foreach (var top in plan.TopNodes) Add(top);
        var indicatorsB = b.Indicators.ToDictionary(i => i.Code, i => i.Score);
        items.AddRange(a.Indicators.Select(i => new WhatIfItem(i.Code, plan.IndicatorOf(i.Code)!.LevelName,
            plan.IndicatorOf(i.Code)!.Description, i.Score, indicatorsB[i.Code])));
        return items;
    }
}
