using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Domain.Results;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>
/// The users' files (Cases/files) through the real import path into PostgreSQL: a results file saved by Excel is
/// recorded as written, an .xlsx percentage is recorded as a percentage, a file that cannot be read writes nothing.
/// </summary>
public class UserFileImportTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 15, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly PlanId Plan2026 = PlanId.Parse("cciaa-ms-2026");

    public ValueTask InitializeAsync() => _db.InitializeAsync();
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>A 2026 plan with the indicator the results files of Cases/files refer to (O1.1.1-a, a count).</summary>
    internal static string Plan2026File()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-plan-").FullName, "piano-2026.csv");
        File.WriteAllLines(path, [
            "Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;"
                + "Target 2026;Target 2027;Target 2028;Uffici;Titolari;Pesi",
            "Ente;ENTE;;Ente di prova;;;;;;;;;;;",
            "Area strategica;1;ENTE;Area;;;;;;;;;;;",
            "Obiettivo strategico;1.1;1;Obiettivo strategico;;;;;;;;;;;",
            "Obiettivo operativo;1.1.1;1.1;Obiettivo operativo;;;;;;;;;;;",
            "Indicatore operativo;O1.1.1-a;1.1.1;Pratiche evase;;;n. >= 5;numero;>=;5;5;5;U1;;",
        ]);
        return path;
    }

    async Task ImportAndApproveAsync(string file, PlanId plan, LocalDate approvedOn)
    {
        var imported = await new PlanImportService(_db.Store, _clock)
            .ImportAsync(file, EntityId.Default, SeedPlan.Admin, false, Ct);
        imported.Status.ShouldBe(ImportStatus.Imported, string.Join("\n", imported.Errors));
        await new PlanLifecycleService(_db.Store, _clock)
            .ApproveAsync(plan, "Delibera di Giunta n. 1", approvedOn, SeedPlan.Giunta, Ct);
    }

    async Task<ResultEntry> EntryAsync(PlanId plan, string indicator)
    {
        await using var session = _db.Store.QuerySession(plan.Entity.Value);
        var results = await session.LoadAsync<IndicatorResults>(IndicatorResults.StreamId(plan.Value, indicator), Ct);
        return results!.Entries.Single();
    }

    [Theory]
    [InlineData("B09a-sep-line.csv", 3, "Excel sep line")]
    [InlineData("B09b-cp1252.csv", 4, "Qualità verificata € cp1252")]
    public async Task A_results_file_saved_by_Excel_is_recorded_as_written(string file, int value, string note)
    {
        await ImportAndApproveAsync(Plan2026File(), Plan2026, new LocalDate(2026, 1, 31));

        var outcome = await new ResultService(_db.Store, _clock)
            .ImportAsync(SeedFiles.Case("files", file), Plan2026, SeedPlan.Admin, Ct);

        outcome.Errors.ShouldBeEmpty();
        outcome.Recorded.ShouldBe(1);
        var entry = await EntryAsync(Plan2026, "O1.1.1-a");
        (entry.Value.Amount, entry.ReferredTo, entry.Note).ShouldBe((value, new LocalDate(2026, 6, 30), note));
    }

    [Fact]
    public async Task A_comma_separated_results_file_is_refused_naming_the_comma_and_writes_nothing()
    {
        await ImportAndApproveAsync(Plan2026File(), Plan2026, new LocalDate(2026, 1, 31));
        var before = await _db.EventCountAsync();

        var outcome = await new ResultService(_db.Store, _clock)
            .ImportAsync(SeedFiles.Case("files", "B09d-comma.csv"), Plan2026, SeedPlan.Admin, Ct);

        outcome.Recorded.ShouldBe(0);
        outcome.Errors.Single().ToString().ShouldContain("B09d-comma.csv");
        outcome.Errors.Single().ToString().ShouldContain("«,» (virgola)");
        (await _db.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_xlsx_result_with_a_percent_format_is_recorded_as_85_percent_of_the_xlsx_plan()
    {
        var plan2019 = PlanId.Parse("cciaa-ms-2019");
        await ImportAndApproveAsync(SeedFiles.Case("files", "B04-plan-excel.xlsx"), plan2019,
            new LocalDate(2019, 1, 31));

        var outcome = await new ResultService(_db.Store, _clock).ImportAsync(
            SeedFiles.Case("files", "B04b-risultato-percentuale-excel.xlsx"), plan2019, SeedPlan.Admin, Ct);

        outcome.Errors.ShouldBeEmpty();
        var entry = await EntryAsync(plan2019, "O1.1.1-c");
        (entry.Value.Amount, entry.ReferredTo).ShouldBe((85m, new LocalDate(2019, 6, 30)));
    }

    [Fact]
    public async Task The_Windows_1252_plan_file_is_imported()
    {
        var outcome = await new PlanImportService(_db.Store, _clock).ImportAsync(
            SeedFiles.Case("files", "B09g-plan-cp1252.csv"), EntityId.Default, SeedPlan.Admin, false, Ct);

        outcome.Status.ShouldBe(ImportStatus.Imported, string.Join("\n", outcome.Errors));
        outcome.Definition!.Rows.ShouldBe(1);
    }
}
