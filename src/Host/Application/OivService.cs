using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Host.Application;

/// <summary>
/// How one indicator's score was reached: target and the act that set it, entries used and reverted, result.
/// </summary>
public sealed record IndicatorDerivation(
    string Code, string Description, YearTarget? Target, TargetChange? TargetSetBy, IReadOnlyList<ResultEntry> Used,
    IReadOnlyList<ResultEntry> Reverted, IReadOnlyList<PeriodRealization> Periods, Score Score);

public sealed record NodeDerivation(string Code, Level Level, string Description, Score Score,
    IReadOnlyList<string> From)
{
    /// <summary>The level's Italian name as the plan writes it.</summary>
    public string LevelName { get; init; } = Labels.Of(Level);

    /// <summary>1 for the nodes under the entity (areas in the seed), 2 for their children, and so on.</summary>
    public int Depth { get; init; } = 1;
}

public sealed record OivReplay(
    Plan Plan, long Events, LedgerReport Ledger, bool MatchesStored, IReadOnlyList<string> Differences,
        ObjectiveScores Scores,
    IReadOnlyList<NodeDerivation> Objectives, IReadOnlyList<IndicatorDerivation> Indicators, LocalDate? AsOf,
        Instant? KnownAt);

/// <summary>
/// The independent auditor's replay: the year rebuilt from the raw events with the plan's own methodology, the ledger
/// verified, the result compared with what the stored projections say, and every score's derivation.
/// </summary>
public sealed class OivService(IDocumentStore store, IClock clock)
{
    /// <summary>The replay of <paramref name="planId"/> as <paramref name="by"/> may read it (null: nobody signed in,
    /// or the installation's own tools); null when there is no such plan among <paramref name="by"/>'s entities.
    /// </summary>
    public async Task<OivReplay?> ReplayAsync(PlanId planId, LocalDate? asOf, Instant? knownAt, CancellationToken ct,
        Actor? by = null)
    {
        await using var session = TenantSessions.Query(store, by, planId);
        if (await PlanHistoryQueries.ReplayAsync(session, planId, asOf, knownAt, ct) is not { } replay) return null;
        var ledger = await new LedgerService(store, clock).VerifyAsync(planId, null, ct);
        var differences = await ProjectionComparison.CompareWithStoredAsync(store, session, planId, ct);
        var plan = replay.Plan;
        var byCode = replay.Results.ToDictionary(r => r.Indicator);
        var indicators = replay.Scores.Indicators.Select(s =>
        {
            var i = plan.IndicatorOf(s.Code)!;
            var entries = i.PreviousCodes.Append(i.Code).Select(byCode.GetValueOrDefault).OfType<IndicatorResults>()
                .SelectMany(r => r.Entries).ToList();
            var setBy = PlanHistory.TargetChanges(replay.PlanEvents,
                i.Lineage).LastOrDefault(c => c.TargetYear == plan.Year && c.Version <= plan.CurrentVersion);
            return new IndicatorDerivation(s.Code, i.Description, s.Target, setBy, s.Used,
                entries.Where(e => e.Reversal is not null).ToList(), s.Periods, s.Score);
        }).ToList();
        var nodeScores = replay.Scores.Objectives.Concat(replay.Scores.Areas).ToDictionary(n => n.Code, n => n.Score);
        var objectives = plan.Nodes.Select(n => new NodeDerivation(n.Code, n.Level, n.Description, nodeScores[n.Code],
            plan.Children(n.Code).Select(c => c.Code).Concat(plan.IndicatorsOf(n.Code).Select(i => i.Code)).ToList())
            {
                LevelName = n.LevelName, Depth = plan.DepthOf(n.Code),
            }).ToList();
        return new OivReplay(plan, replay.EventCount, ledger, differences.Count == 0, differences, replay.Scores,
            objectives, indicators, asOf, knownAt);
    }

    /// <summary>
    /// The what-if replay: the year as <see cref="ReplayAsync"/> rebuilds it, scored again under the methodology of
    /// the file at <paramref name="path"/> read over the rules in force (<see cref="OivWhatIfReplay"/>); writes
    /// nothing. Null when there is no such plan.
    /// </summary>
    /// <exception cref="InvalidInputException">The methodology file is wrong (file, row, column, value, fix).
    /// </exception>
    public async Task<OivWhatIf?> WhatIfAsync(PlanId planId, string path, LocalDate? asOf, Instant? knownAt,
        CancellationToken ct, Actor? by = null)
    {
        await using var session = TenantSessions.Query(store, by, planId);
        return await OivWhatIfReplay.RunAsync(session, planId, path, asOf, knownAt, ct);
    }

    public async Task<PlanValidated> ValidateAsync(PlanId planId, string note, Actor by, CancellationToken ct)
    {
        await using var session = TenantSessions.Write(store, by, planId, "oiv validate", clock.GetCurrentInstant());
        if (await session.Events.FetchStreamStateAsync(planId.Value, ct) is null)
            throw new PlanNotFoundException(planId.Value);
        var ledger = await new LedgerService(store, clock).VerifyAsync(planId, null, ct);
        var stream = await session.Events.FetchForWriting<Plan>(planId.Value, ct);
        var e = PlanLifecycleDecider.Decide(new ValidatePlan(planId.Value, ledger.Head, ledger.Verified, note, by,
            clock.GetCurrentInstant()), stream.Aggregate);
        stream.AppendOne(e);
        await session.SaveChangesAsync(ct);
        await LedgerService.CheckpointAfterAsync(store, clock, by.User, "oiv validate", planId, ct);
        return e;
    }
}
