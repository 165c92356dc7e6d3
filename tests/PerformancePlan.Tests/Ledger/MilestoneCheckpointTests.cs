using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// The year's milestones each sign the ledger's head as soon as their events are written (ADR 0016): approval, an
/// amendment, the close and the OIV's validation — so what they decided is never in the unsigned window.
/// </summary>
public class MilestoneCheckpointTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2020, 2, 10, 9, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly Actor Oiv = new("oiv", [Role.Oiv], []);

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Approval_amendment_close_and_validation_each_leave_no_event_unsigned()
    {
        var lifecycle = new PlanLifecycleService(_db.Store, _clock);
        var milestones = new List<(string Command, Func<Task> Run)>
        {
            ("plan approve", () => lifecycle.ApproveAsync(SeedPlan.Id, "Delibera di Giunta n. 7 del 31/01/2019",
                new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct)),
            ("target revise", () => new AmendmentService(_db.Store, _clock).ReviseTargetAsync(SeedPlan.Id, "O1.2.4-a",
                2019, "10", "Determinazione SG n. 115", new LocalDate(2019, 5, 15), "meno numeri", SeedPlan.Admin,
                Ct)),
            ("plan close", () => lifecycle.CloseAsync(SeedPlan.Id, new LocalDate(2020, 1, 31), SeedPlan.Admin, Ct)),
            ("oiv validate", () => new OivService(_db.Store, _clock).ValidateAsync(SeedPlan.Id, "verificato", Oiv,
                Ct)),
        };
        var ledger = new LedgerService(_db.Store, _clock);

        foreach (var (command, run) in milestones)
        {
            var before = (await ledger.VerifyAsync(null, null, Ct)).Position;
            await run();
            var report = await ledger.VerifyAsync(null, null, Ct);

            report.Verified.ShouldBeTrue(command);
            report.Position.ShouldBeGreaterThan(before, command);
            report.LastCheckpoint!.Reason.ShouldBe(command);
            report.SealedSinceCheckpoint.ShouldBe(0, command);
        }
    }
}
