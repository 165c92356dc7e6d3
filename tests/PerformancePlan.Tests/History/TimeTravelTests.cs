using PerformancePlan.Domain.Identity;
using Marten;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.History;

/// <summary>
/// The two time axes against real PostgreSQL: "as of" a business date (plan version in force, results referring up to
/// it) and "known at" an instant (only what had been recorded, by the events' own timestamps).
/// </summary>
public class TimeTravelTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 10, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    ResultService Results => new(_db.Store, _clock);

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
        await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(SeedPlan.Id,
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    async Task<IndicatorScore> Indicator(string code, LocalDate? asOf = null, Instant? knownAt = null)
    {
        await using var session = _db.Store.QuerySession("cciaa-ms");
        return (await PlanHistoryQueries.ScoresAsync(session, SeedPlan.Id, asOf, knownAt, Ct))!
            .Value.Scores.Indicators.Single(i => i.Code == code);
    }

    [Fact]
    public async Task A_late_result_and_a_reversal_change_what_was_known_at_a_moment_not_what_held_as_of_a_date()
    {
        // "Known at" reads the instant each command sealed into its events (the clock of the command).
        var newsletters = await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null,
            SeedPlan.Admin, null, Ct);
        var afterFirst = _clock.GetCurrentInstant();
        _clock.Advance(Duration.FromDays(3));
        await Results.RecordAsync(SeedPlan.Id, "O2.1.1-b", "4", "30/04/2019", null, "registrato in ritardo",
            SeedPlan.Admin, null, Ct);
        var afterLate = _clock.GetCurrentInstant();
        _clock.Advance(Duration.FromDays(3));
        await Results.RevertAsync(newsletters.EntryId, "conteggio errato", SeedPlan.Admin, Ct);

        // Known at the first moment: only the first entry.
        (await Indicator("O1.2.4-a", knownAt: afterFirst)).Score.Raw.ShouldBe(25);
        (await Indicator("O2.1.1-b", knownAt: afterFirst)).Score.Band.ShouldBe(Band.Pending);
        // Known after the late entry but before the reversal: both count.
        (await Indicator("O1.2.4-a", knownAt: afterLate)).Score.Raw.ShouldBe(25);
        (await Indicator("O2.1.1-b", knownAt: afterLate)).Score.Raw.ShouldBe(80);
        // As of 30/04/2019, asked now: the late entry counts and the reverted one does not,
        // whenever they were recorded.
        (await Indicator("O2.1.1-b", asOf: new LocalDate(2019, 4, 30))).Score.Raw.ShouldBe(80);
        (await Indicator("O1.2.4-a", asOf: new LocalDate(2019, 4, 30))).Score.Band.ShouldBe(Band.Pending);
        // As of the day before the results refer to, nothing yet.
        (await Indicator("O2.1.1-b", asOf: new LocalDate(2019, 4, 29))).Score.Band.ShouldBe(Band.Pending);
        // And the reverted entry is still in the log.
        await using var session = _db.Store.QuerySession("cciaa-ms");
        (await session.Events.FetchStreamAsync("cciaa-ms-2019/O1.2.4-a", token: Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_plan_version_in_force_changes_across_the_amendment_date()
    {
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, SeedPlan.Admin, null, Ct);
        await new AmendmentService(_db.Store, _clock).ReviseTargetAsync(SeedPlan.Id, "O1.2.4-a", 2019, "6",
            "Determinazione SG n. 115 del 15/05/2019", new LocalDate(2019, 5, 15), "newsletter trimestrali",
            SeedPlan.Admin, Ct);

        (await Indicator("O1.2.4-a", asOf: new LocalDate(2019, 5, 14))).Score.Raw.ShouldBe(25);    // 3 of 12
        (await Indicator("O1.2.4-a", asOf: new LocalDate(2019, 5, 15))).Score.Raw.ShouldBe(50);    // 3 of 6
        (await Indicator("O1.2.4-a")).Score.Raw.ShouldBe(50);
        await using var session = _db.Store.QuerySession("cciaa-ms");
        (await PlanHistoryQueries.PlanAsync(session, SeedPlan.Id, new LocalDate(2019, 5, 14), null, Ct))!
            .CurrentVersion.ShouldBe(1);
        (await PlanHistoryQueries.PlanAsync(session, SeedPlan.Id, new LocalDate(2019, 5, 15), null, Ct))!
            .CurrentVersion.ShouldBe(2);
    }

    [Fact]
    public async Task A_reverted_entry_cannot_be_reverted_twice_and_a_correction_cites_it()
    {
        var wrong = await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "30", "30/04/2019", null, null,
            SeedPlan.Admin, null, Ct);

        var corrected = await Results.CorrectAsync(wrong.EntryId, "3", "refuso: 30 invece di 3", SeedPlan.Admin, Ct);

        corrected.Corrects.ShouldBe(wrong.EntryId);
        (await Indicator("O1.2.4-a")).Score.Raw.ShouldBe(25);
        (await Should.ThrowAsync<PerformancePlan.Domain.Common.DomainException>(() =>
            Results.RevertAsync(wrong.EntryId, "di nuovo", SeedPlan.Admin, Ct)))
            .Message.ShouldContain("già stato annullato");
        (await Should.ThrowAsync<PerformancePlan.Domain.Common.DomainException>(() =>
            Results.RevertAsync(Guid.NewGuid(), "?", SeedPlan.Admin, Ct))).Message.ShouldContain("Nessun risultato");
        (await Should.ThrowAsync<PerformancePlan.Domain.Common.DomainException>(() =>
            Results.RevertAsync(corrected.EntryId, " ", SeedPlan.Admin, Ct))).Message.ShouldContain("motivo");
    }
}
