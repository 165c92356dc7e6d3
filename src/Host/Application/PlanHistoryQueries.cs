using JasperFx.Events;
using Marten.Linq.MatchesSql;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>A plan, its results and scores rebuilt from raw events (<paramref name="EventCount"/> of them).</summary>
public sealed record Replay(
    Plan Plan, IReadOnlyList<object> PlanEvents, IReadOnlyList<IndicatorResults> Results, ObjectiveScores Scores,
    int EventCount);

/// <summary>
/// The plan and its scores on two time axes, replayed from the events: <c>asOf</c>, a business date (the version in
/// force then, results referring to dates up to it); <c>knownAt</c>, an instant (only events recorded by then).
/// Also plan versions and target lineage (ADR 0007). The folds are the domain's; this only reads events.
/// </summary>
public static class PlanHistoryQueries
{
    /// <summary>The plan's stream, with <paramref name="withResults"/> its indicators' streams too, in order.</summary>
    public static async Task<IReadOnlyList<IEvent>> EventsAsync(
        IQuerySession session, PlanId planId, Instant? knownAt, bool withResults, CancellationToken ct)
    {
        // With its results' streams: every stream whose plan key is the plan's, one equality on the plan index
        // (ADR 0022, 0029): no other plan is read, and PostgreSQL expects one plan's rows whatever the store's size.
        var id = planId.Value;
        var key = $"{ReadIndex.PlanKey("d.stream_id")} = ?";
        var query = withResults
            ? session.Events.QueryAllRawEvents().Where(e => e.MatchesSql(key, id))
            : session.Events.QueryAllRawEvents().Where(e => e.StreamKey == id);
        var events = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        // "Known at" goes by the instant each command sealed into its events, not by a database column nobody seals.
        return knownAt is { } t ? events.Where(e => SealedAt(e) <= t).ToList() : events;
    }

    /// <summary>
    /// The command's instant, as sealed in the ledger (the <c>at</c> header); the database timestamp if absent.
    /// </summary>
    public static Instant SealedAt(IEvent e) => e.Headers?.GetValueOrDefault("at") switch
    {
        // Marten reads an ISO string header back as a date: take it whichever way it comes.
        DateTimeOffset o => Instant.FromDateTimeOffset(o),
        DateTime d => Instant.FromDateTimeUtc(
            d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        { } v when NodaTime.Text.InstantPattern.ExtendedIso.Parse(v.ToString()!) is { Success: true } parsed =>
            parsed.Value,
        _ => Instant.FromDateTimeOffset(e.Timestamp),
    };

    /// <summary>
    /// The plan in force on <paramref name="asOf"/> (Europe/Rome) as known at <paramref name="knownAt"/>; the stored
    /// plan if neither is given.
    /// </summary>
    public static async Task<Plan?> PlanAsync(
        IQuerySession session, PlanId planId, LocalDate? asOf, Instant? knownAt, CancellationToken ct)
    {
        if (asOf is null && knownAt is null) return await session.LoadAsync<Plan>(planId.Value, ct);
        var events = (await EventsAsync(session, planId, knownAt, false, ct)).Select(e => e.Data).ToList();
        return asOf is { } d ? Plan.AsOf(events, d) : Plan.Replay(events);
    }

    /// <summary>The plan and its scores on the two axes; the stored read models when neither is given.</summary>
    public static async Task<(Plan Plan, ObjectiveScores Scores)?> ScoresAsync(
        IQuerySession session, PlanId planId, LocalDate? asOf, Instant? knownAt, CancellationToken ct)
    {
        if (asOf is null && knownAt is null) return await ScoreQueries.LoadAsync(session, planId, ct);
        return await ReplayAsync(session, planId, asOf, knownAt, ct) is { } r ? (r.Plan, r.Scores) : null;
    }

    /// <summary>The plan, its results and its scores rebuilt from the raw events alone (no stored document).</summary>
    public static async Task<Replay?> ReplayAsync(
        IQuerySession session, PlanId planId, LocalDate? asOf, Instant? knownAt, CancellationToken ct)
    {
        var events = await EventsAsync(session, planId, knownAt, true, ct);
        var planEvents = events.Where(e => e.StreamKey == planId.Value).Select(e => e.Data).ToList();
        var plan = asOf is { } d ? Plan.AsOf(planEvents, d) : Plan.Replay(planEvents);
        if (plan is null) return null;
        var results = events.Where(e => e.StreamKey != planId.Value).GroupBy(e => e.StreamKey)
            .Select(stream => stream.Select(e => e.Data).OfType<IResultEvent>())
            .Select(stream => asOf is { } date
                ? IndicatorResults.AsOf(stream, date)
                : IndicatorResults.Replay(stream))
            .OfType<IndicatorResults>().ToList();   // a stream whose entries all refer after the date folds to nothing
        return new Replay(plan, planEvents, results, PlanScoring.Score(plan, results), events.Count);
    }

    /// <summary>The plan as version <paramref name="version"/> left it (1 = as approved); null if none.</summary>
    public static async Task<Plan?> VersionAsync(
        IQuerySession session, PlanId planId, int version, CancellationToken ct)
    {
        if (version < 1) return null;
        var events = (await EventsAsync(session, planId, null, false, ct)).Select(e => e.Data).ToList();
        var plan = PlanHistory.AtVersion(events, version);
        return plan is null || plan.CurrentVersion < version ? null : plan;
    }

    /// <summary>
    /// Every value of each target of the indicator, across the entity's plans of the given years — and, for a
    /// successor, its predecessors' plans before the merger (issue #10): lineage crosses the merger.
    /// </summary>
    /// <exception cref="DomainException">The code is in none of those plans.</exception>
    public static async Task<IReadOnlyList<TargetChange>> TargetHistoryAsync(
        IQuerySession session, EntityId entity, string code, int? from, int? to, CancellationToken ct)
    {
        // Whoever reads the entity reads its predecessors (ADR 0030); a session outside it reads nothing.
        var entities = session.TenantId == Tenancy.Nobody ? [session.TenantId]
            : await EntityService.LineageAsync(session, entity.Value, ct);
        var plans = new List<Plan>();
        foreach (var e in entities)
            plans.AddRange(await session.ForTenant(Tenancy.Of(e)).Query<Plan>().ToListAsync(ct));
        // A plan counts if its three-year horizon touches the years asked: the 2019 plan set the 2021 targets too.
        plans = plans.Where(p => (from is null || p.Horizon[^1] >= from) && (to is null || p.Horizon[0] <= to))
            .OrderBy(p => p.Year).ToList();
        // The entity's own plans name the indicator first (a successor's carry a predecessor's lineage over).
        var lineage = plans.OrderBy(p => p.Entity == entity.Value ? 0 : 1).ThenBy(p => p.Year)
            .Select(p => p.IndicatorOf(code)?.Lineage).FirstOrDefault(l => l is not null)
            ?? throw new DomainException(
                $"L'indicatore {code} non compare nei piani di {entity}"
                + (from is null ? "." : $" dal {from} al {to}."));
        var changes = new List<TargetChange>();
        foreach (var plan in plans)
        {
            var events = (await EventsAsync(session.ForTenant(Tenancy.Of(plan.Entity)), PlanId.Parse(plan.Id), null,
                false, ct)).Select(e => e.Data).ToList();
            changes.AddRange(PlanHistory.TargetChanges(events, lineage));
        }
        return changes.Where(c => (from is null || c.TargetYear >= from) && (to is null || c.TargetYear <= to))
            .OrderBy(c => c.TargetYear).ThenBy(c => c.RecordedAt).ToList();
    }
}
