using PerformancePlan.Domain.Entities;
using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Host.Application;

/// <summary>Amendments (from a file or one target at a time) and roll-forward, decided by the domain.</summary>
public sealed class AmendmentService(IDocumentStore store, IClock clock)
{
    public async Task<PlanAmended> AmendFromFileAsync(PlanId planId, string path, string act, LocalDate on,
        string reason, Actor by, CancellationToken ct)
    {
        RawSheet sheet;
        try { sheet = SheetReader.Read(path); }
        catch (FormatException e) { throw new InvalidInputException([new ImportIssue(IssueSeverity.Error,
            Path.GetFileName(path), 0, "", "", e.Message, "")]); }
        return await AmendAsync(planId, by, "plan amend", plan =>
        {
            var (changes, errors) = AmendmentFileReader.Read(sheet,
                plan ?? throw new PlanNotFoundException(planId.Value));
            if (errors.Count > 0) throw new InvalidInputException(errors);
            return new AmendPlan(planId.Value, act, on, reason, changes, by, clock.GetCurrentInstant());
        }, ct);
    }

    public Task<PlanAmended> ReviseTargetAsync(PlanId planId, string indicator, int year, string value, string act,
        LocalDate on, string reason, Actor by, CancellationToken ct) =>
        AmendAsync(planId, by, "target revise", plan =>
        {
            var i = (plan ?? throw new PlanNotFoundException(planId.Value)).IndicatorOf(indicator)
                ?? throw new DomainException($"L'indicatore {indicator} non esiste nel piano {planId}.");
            var t = CellParsers.Target(value, i.Measure, i.Comparator, year);
            if (!t.Ok)
                throw new InvalidInputException([new ImportIssue(IssueSeverity.Error, "riga di comando", 0, "--value",
                    value, t.Error!, t.Fix ?? "")]);
            return new AmendPlan(planId.Value, act, on, reason, [new ReviseTarget(i.Code, year, t.Value)], by,
                clock.GetCurrentInstant());
        }, ct);

    /// <summary>
    /// Undoes an amendment made by mistake with a new amendment that restores the prior values and cites it.
    /// </summary>
    public async Task<PlanAmended> RevertAmendmentAsync(PlanId planId, int version, string act, LocalDate on,
        string reason, Actor by, CancellationToken ct)
    {
        IReadOnlyList<object> events;
        await using (var session = TenantSessions.Query(store, by, planId))
            events = (await PlanHistoryQueries.EventsAsync(session, planId, null, false,
                ct)).Select(e => e.Data).ToList();
        if (events.Count == 0) throw new PlanNotFoundException(planId.Value);
        var before = PlanHistory.AtVersion(events, version - 1);
        var after = PlanHistory.AtVersion(events, version);
        if (before is null || after is null || after.CurrentVersion < version || version < 2)
            throw new DomainException($"La versione {version} non è una variazione del "
                + $"piano {planId}.");
        return await AmendAsync(planId, by, "plan revert-amendment", current =>
            new AmendPlan(planId.Value, act, on, $"annulla la variazione n. {version}: {reason}",
                AmendmentReversal.Changes(before, after, current!, version, events.OfType<PlanAmended>()), by,
                    clock.GetCurrentInstant()) { Reverts = version }, ct);
    }

    async Task<PlanAmended> AmendAsync(PlanId planId, Actor by, string command, Func<Plan?, AmendPlan> build,
        CancellationToken ct)
    {
        await using var session = Open(by, planId, command);
        var stream = await session.Events.FetchForWriting<Plan>(planId.Value, ct);
        var events = AmendmentDecider.Decide(build(stream.Aggregate), stream.Aggregate);
        stream.AppendMany(events.ToArray());
        await session.SaveChangesAsync(ct);
        await LedgerService.CheckpointAfterAsync(store, clock, by.User, command, planId, ct);
        return (PlanAmended)events[0];
    }

    public async Task<Plan> RollForwardAsync(PlanId fromPlanId, PlanId toPlanId, Actor by, CancellationToken ct)
    {
        // The new plan is written in its own administration; the decider refuses one of another administration than
        // the old plan's — or, once that was merged, than its successor's (issue #10, ADR 0030).
        Plan? from;
        Administration? successor = null;
        await using (var read = TenantSessions.Query(store, by, fromPlanId))
        {
            from = await read.LoadAsync<Plan>(fromPlanId.Value, ct);
            if ((await EntityService.StateAsync(read, fromPlanId.Entity.Value, ct)).Dissolution is { } dissolved)
                successor = await EntityService.StateAsync(read, dissolved.Successor, ct);
        }
        await using var session = Open(by, toPlanId, "plan rollforward");
        var stream = await session.Events.FetchForWriting<Plan>(toPlanId.Value, ct);
        var events = RollForwardDecider.Decide(new RollPlanForward(fromPlanId.Value, toPlanId.Value, by,
            clock.GetCurrentInstant()), from, stream.Aggregate, successor);
        stream.AppendMany(events.ToArray());
        await session.SaveChangesAsync(ct);
        return Plan.Replay(events)!;
    }

    IDocumentSession Open(Actor by, PlanId plan, string command) =>
        TenantSessions.Write(store, by, plan, command, clock.GetCurrentInstant());
}
