namespace PerformancePlan.Host.Application;

/// <summary>Approval, year close, reopening and neutralisation: decided by the domain on the plan's stream.</summary>
public sealed class PlanLifecycleService(IDocumentStore store, IClock clock)
{
    public Task<PlanApproved> ApproveAsync(PlanId planId, string act, LocalDate on, Actor by, CancellationToken ct) =>
        DecideAsync(planId, by, "plan approve",
            plan => PlanLifecycleDecider.Decide(
                new ApprovePlan(planId.Value, act, on, by, clock.GetCurrentInstant()), plan), ct);

    /// <summary>Closes the year; the latest reference date of the plan's valid entries bounds its date.</summary>
    public async Task<PlanClosed> CloseAsync(PlanId planId, LocalDate on, Actor by, CancellationToken ct)
    {
        LocalDate? last;
        await using (var query = TenantSessions.Query(store, by, planId))
        {
            var recorded = await query.Query<IndicatorResults>().Where(r => r.PlanId == planId.Value).ToListAsync(ct);
            last = recorded.SelectMany(r => r.Entries).Where(e => e.Reversal is null)
                .Select(e => (LocalDate?)e.ReferredTo).Max();
        }
        return await DecideAsync(planId, by, "plan close",
            plan => PlanLifecycleDecider.Decide(
                new ClosePlan(planId.Value, on, by, clock.GetCurrentInstant(), last), plan), ct);
    }

    /// <summary>Reopens a closed year not yet validated by the OIV (admin, with act and reason).</summary>
    public Task<PlanReopened> ReopenAsync(PlanId planId, string act, string reason, LocalDate on, Actor by,
        CancellationToken ct) =>
        DecideAsync(planId, by, "plan reopen",
            plan => PlanLifecycleDecider.Decide(
                new ReopenPlan(planId.Value, act, reason, on, by, clock.GetCurrentInstant()), plan), ct);

    public Task<IndicatorNeutralized> NeutralizeAsync(PlanId planId, string indicator, string act, string reason,
        Actor by, CancellationToken ct, LocalDate? on = null) =>
        DecideAsync(planId, by, "indicator neutralize",
            plan => PlanLifecycleDecider.Decide(new NeutralizeIndicator(planId.Value, indicator, act, reason, by,
                clock.GetCurrentInstant(), on), plan), ct);

    async Task<T> DecideAsync<T>(PlanId planId, Actor by, string command, Func<Plan?, T> decide,
        CancellationToken ct) where T : notnull
    {
        await using var session = TenantSessions.Write(store, by, planId, command, clock.GetCurrentInstant());
        var stream = await session.Events.FetchForWriting<Plan>(planId.Value, ct);
        var e = decide(stream.Aggregate);
        stream.AppendOne(e);
        await session.SaveChangesAsync(ct);
        await LedgerService.CheckpointAfterAsync(store, clock, by.User, command, planId, ct);
        return e;
    }
}
