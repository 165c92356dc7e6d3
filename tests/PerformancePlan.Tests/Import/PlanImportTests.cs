using PerformancePlan.Domain.Identity;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>
/// The bad input of BRIEF §5 and the structural defects of a plan file, imported into real PostgreSQL:
/// an error names file, row, column, value and fix, and leaves the event store empty; a warning loses nothing.
/// </summary>
public class PlanImportTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 1, 31, 10, 0));

    public ValueTask InitializeAsync() => _db.InitializeAsync();
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    Task<PlanImportOutcome> Import(string path, bool dryRun = false) =>
        new PlanImportService(_db.Store, _clock)
            .ImportAsync(path, EntityId.Default, SeedPlan.Admin, dryRun, TestContext.Current.CancellationToken);

    async Task<ImportIssue> RejectedWith(string path)
    {
        var outcome = await Import(path);
        outcome.Status.ShouldBe(ImportStatus.Invalid);
        (await _db.EventCountAsync()).ShouldBe(0);
        outcome.Errors.Count.ShouldBe(1, string.Join("\n", outcome.Errors));
        return outcome.Errors[0];
    }

    static string WithCell(string code, string column, string value) =>
        SeedFiles.Variant(lines => SeedFiles.SetCell(lines, code, column, value));

    [Fact]
    public async Task The_seed_plan_is_written_as_events_in_one_stream()
    {
        var outcome = await Import(SeedFiles.PlanCsv);

        outcome.Status.ShouldBe(ImportStatus.Imported);
        (await _db.EventCountAsync()).ShouldBe(outcome.EventsWritten);
        outcome.EventsWritten.ShouldBe(1 + 25 + 77 + 1 + 1); // drafted, nodes, indicators, SG weights, imported
        await using var session = _db.Store.QuerySession("cciaa-ms");
        var events = await session.Events.FetchStreamAsync("cciaa-ms-2019",
            token: TestContext.Current.CancellationToken);
        events[0].Data.ShouldBeOfType<PlanDrafted>().Year.ShouldBe(2019);
        events[^1].Data.ShouldBeOfType<PlanImported>().Warnings.Count.ShouldBe(1);
        events.Select(e => e.CorrelationId).Distinct().Count().ShouldBe(1);
        var plan = await session.LoadAsync<Plan>("cciaa-ms-2019", TestContext.Current.CancellationToken);
        plan!.Indicators.Count.ShouldBe(77);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_is_a_no_op()
    {
        var first = await Import(SeedFiles.PlanCsv);
        var second = await Import(SeedFiles.PlanCsv);

        second.Status.ShouldBe(ImportStatus.AlreadyImported);
        (await _db.EventCountAsync()).ShouldBe(first.EventsWritten);
    }

    [Fact]
    public async Task A_different_file_for_an_existing_plan_is_refused_and_writes_nothing()
    {
        var first = await Import(SeedFiles.PlanCsv);

        var changed = WithCell("S3.2.1-a", "Target 2021", "130");
        (await Should.ThrowAsync<DomainException>(() => Import(changed))).Message.ShouldContain("esiste già");
        (await _db.EventCountAsync()).ShouldBe(first.EventsWritten);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        (await Import(SeedFiles.PlanCsv, dryRun: true)).Status.ShouldBe(ImportStatus.Validated);
        (await _db.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_spreadsheet_empty_date_is_rejected_with_file_row_column_and_value()
    {
        var path = WithCell("O2.1.3-c", "Target 2019", "00/01/1900");

        var error = await RejectedWith(path);

        (error.File, error.Row, error.Column, error.Value).ShouldBe(("piano.csv", 51, "Target 2019", "00/01/1900"));
        error.Message.ShouldContain("non è una data esistente");
        error.Fix.ShouldContain("gg/mm/aaaa");
    }

    [Fact]
    public async Task An_impossible_date_is_rejected()
    {
        (await RejectedWith(WithCell("O1.2.3-a", "Target 2019", "31/02/2019"))).Value.ShouldBe("31/02/2019");
    }

    [Fact]
    public async Task Rows_without_a_code_are_rejected_with_a_suggested_stable_code()
    {
        var error = await RejectedWith(WithCell("O2.1.1-1", "Codice", ""));

        error.Column.ShouldBe("Codice");
        error.Message.ShouldContain("codice mancante");
        error.Fix.ShouldContain("O2.1.1-1");
    }

    [Fact]
    public async Task Codes_with_a_zero_for_the_letter_O_are_normalised_with_a_warning()
    {
        var path = SeedFiles.Variant(lines => SeedFiles.SetCell(
            SeedFiles.SetCell(lines, "O1.2.4-a", "Codice", "01.2.4-a"),
            "O2.1.2-b", "Codice", "02.1.2-b"));

        var outcome = await Import(path);

        outcome.Status.ShouldBe(ImportStatus.Imported);
        outcome.Warnings.ShouldContain(w => w.Value == "01.2.4-a" && w.Message.Contains("O1.2.4-a"));
        outcome.Warnings.ShouldContain(w => w.Value == "02.1.2-b" && w.Message.Contains("O2.1.2-b"));
        outcome.Definition!.Definitions.OfType<IndicatorDefined>().ShouldContain(i => i.Code == "O1.2.4-a");
    }

    [Fact]
    public async Task A_holder_written_P02_is_read_as_PO2_with_a_warning()
    {
        var outcome = await Import(WithCell("S2.2.1-a", "Titolari", "P02"));

        outcome.Status.ShouldBe(ImportStatus.Imported);
        outcome.Warnings.ShouldContain(w => w.Column == "Titolari" && w.Message.Contains("«PO2»"));
        outcome.Definition!.Definitions.OfType<IndicatorDefined>().Single(i => i.Code == "S2.2.1-a")
            .Holders.ShouldBe(["PO2"]);
    }

    [Fact]
    public async Task Two_spellings_of_the_same_name_are_reported()
    {
        var outcome = await Import(WithCell("1.2.1", "Descrizione", "CrealNrete"));

        outcome.Status.ShouldBe(ImportStatus.Imported);
        outcome.Warnings.ShouldContain(w => w.Value == "CreaInRete" || w.Value == "CrealNrete");
        outcome.Warnings.First(w => w.Message.Contains("somiglia")).Message.ShouldContain("CreaInRete");
    }

    [Fact]
    public async Task Italian_numbers_percents_and_money_are_read()
    {
        var path = SeedFiles.Variant(lines => SeedFiles.SetCell(
            SeedFiles.SetCell(lines, "O2.1.4-a", "Target 2019", "100,00%"),
            "O2.1.4-f", "Target 2019", "15,00"));

        var outcome = await Import(path);

        var indicators = outcome.Definition!.Definitions.OfType<IndicatorDefined>().ToDictionary(i => i.Code);
        indicators["O2.1.4-a"].Targets[0].Amount.ShouldBe(100m);
        indicators["O2.1.4-f"].Targets[0].Amount.ShouldBe(15m);
        outcome.Definition.EntityBudget.ShouldBe(669_610.68m);
    }

    [Fact]
    public async Task A_deadline_before_the_plan_year_is_kept_with_a_warning()
    {
        var outcome = await Import(SeedFiles.PlanCsv);

        outcome.Warnings.Single().ShouldSatisfyAllConditions(
            w => w.Row.ShouldBe(47), w => w.Value.ShouldBe("30/11/2018"), w => w.Message.ShouldContain("2019"));
        outcome.Definition!.Definitions.OfType<IndicatorDefined>().Single(i => i.Code == "O2.1.2-c").Targets[0].Dates[0]
            .ShouldBe(new LocalDate(2018, 11, 30));
    }

    [Fact]
    public async Task Budgets_that_do_not_add_up_are_reported_with_both_figures()
    {
        // Section 7.2 of the seed: 3.1.1–3.1.3 sum to 360.148,24 against 281.810,68 declared for 3.1.
        var path = SeedFiles.Variant(lines => SeedFiles.SetCell(SeedFiles.SetCell(SeedFiles.SetCell(lines,
            "3.1.1", "Budget", "13.000,00 €"),
            "3.1.2", "Budget", "104.500,84 €"),
            "3.1.3", "Budget", "242.647,40€"));

        var outcome = await Import(path);

        outcome.Status.ShouldBe(ImportStatus.Imported);
        var warning = outcome.Warnings.Single(w => w.Message.Contains("«3.1»"));
        warning.Message.ShouldContain("€ 281.810,68");
        warning.Message.ShouldContain("€ 360.148,24");
    }

    [Fact]
    public async Task A_measured_zero_target_and_no_target_stay_distinct()
    {
        var outcome = await Import(WithCell("S3.2.2-b", "Target 2021", "0"));

        var indicators = outcome.Definition!.Definitions.OfType<IndicatorDefined>().ToDictionary(i => i.Code);
        indicators["S3.2.2-b"].Targets.Single(t => t.Year == 2021).Amount.ShouldBe(0m);
        indicators["O3.2.2-a"].Targets.ShouldNotContain(t => t.Year == 2021);
    }

    [Fact]
    public async Task A_target_that_does_not_match_its_measure_is_rejected()
    {
        var error = await RejectedWith(WithCell("O1.2.4-a", "Target 2019", "31/03/2019"));

        error.Message.ShouldContain("«numero»");
        error.Fix.ShouldContain("Misura");
    }

    [Fact]
    public async Task A_percent_above_100_is_rejected()
    {
        (await RejectedWith(WithCell("S1.1.1-a", "Target 2020", "120%"))).Message.ShouldContain("0–100");
    }

    [Fact]
    public async Task An_unknown_parent_is_rejected()
    {
        var error = await RejectedWith(WithCell("O3.2.3-c", "Padre", "3.2.9"));
        (error.Column, error.Value).ShouldBe(("Padre", "3.2.9"));
    }

    [Fact]
    public async Task A_duplicate_code_is_rejected()
    {
        var error = await RejectedWith(WithCell("O3.2.3-c", "Codice", "O3.2.3-b"));
        error.Message.ShouldContain("duplicato");
    }

    [Fact]
    public async Task A_code_whose_prefix_disagrees_with_its_parent_is_rejected()
    {
        var error = await RejectedWith(WithCell("O3.2.3-c", "Padre", "3.2.2"));
        error.Message.ShouldContain("non discende");
    }

    [Fact]
    public async Task Weights_of_a_holder_not_summing_to_100_are_rejected()
    {
        var error = await RejectedWith(WithCell("O3.1.3-a", "Pesi", "SG:7,1"));
        error.Message.ShouldContain("90%");
    }

    [Fact]
    public async Task One_bad_row_among_a_hundred_good_ones_writes_nothing()
    {
        await RejectedWith(WithCell("S3.2.3-c", "Misura", "ore"));
    }
}
