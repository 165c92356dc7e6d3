using PerformancePlan.Domain.Identity;
using MiniExcelLibs;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>The same plan as an .xlsx: read with the same header, and recognised as the same content.</summary>
public class SpreadsheetImportTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    public ValueTask InitializeAsync() => _db.InitializeAsync();
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    static string SeedAsXlsx()
    {
        var sheet = SheetReader.Read(SeedFiles.PlanCsv);
        var rows = sheet.Rows.Select(r => sheet.Headers.ToDictionary(h => h, h => (object)r[h])).ToList();
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-xlsx-").FullName, "piano.xlsx");
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    [Fact]
    public async Task An_xlsx_with_the_same_content_as_the_csv_is_the_same_plan()
    {
        var service = new PlanImportService(_db.Store, new FakeClock(Instant.FromUtc(2019, 1, 31, 10, 0)));
        var fromXlsx = await service.ImportAsync(SeedAsXlsx(), EntityId.Default, SeedPlan.Admin, false,
            TestContext.Current.CancellationToken);
        fromXlsx.Status.ShouldBe(ImportStatus.Imported, string.Join("\n", fromXlsx.Errors));

        var fromCsv = await service.ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false,
            TestContext.Current.CancellationToken);

        fromCsv.Status.ShouldBe(ImportStatus.AlreadyImported);
        (await _db.EventCountAsync()).ShouldBe(fromXlsx.EventsWritten);
    }
}
