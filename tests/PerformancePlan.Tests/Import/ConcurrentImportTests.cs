using PerformancePlan.Domain.Identity;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>Two administrators loading the same plan at the same moment: one plan, never two, nothing lost.</summary>
public class ConcurrentImportTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    public ValueTask InitializeAsync() => _db.InitializeAsync();
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Two_simultaneous_imports_write_the_plan_once()
    {
        await _db.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var clock = new FakeClock(Instant.FromUtc(2019, 1, 31, 10, 0));
        async Task<string> Attempt()
        {
            try
            {
                var o = await new PlanImportService(_db.Store, clock)
                    .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, CancellationToken.None);
                return o.Status.ToString();
            }
            catch (JasperFx.ConcurrencyException) { return "conflict"; }
        }

        var outcomes = await Task.WhenAll(Attempt(), Attempt());

        outcomes.Count(o => o == nameof(ImportStatus.Imported)).ShouldBe(1, string.Join(", ", outcomes));
        (await _db.EventCountAsync()).ShouldBe(105);
    }
}
