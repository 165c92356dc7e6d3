using PerformancePlan.Domain.Identity;
using System.Text.Json;
using JasperFx;
using Marten;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Cli;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Results;

/// <summary>Results through the real command path into PostgreSQL, and the scores read back.</summary>
public class ResultStoreTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 9, 15, 8, 0));
    static readonly Actor Admin = SeedPlan.Admin;
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

    async Task<ObjectiveScores> ScoresAsync()
    {
        await using var session = _db.Store.QuerySession("cciaa-ms");
        return (await ScoreQueries.LoadAsync(session, SeedPlan.Id, Ct))!.Value.Scores;
    }

    static string ResultsCsv(params string[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-results-").FullName, "risultati.csv");
        File.WriteAllLines(path, ["Codice;Valore;Riferito al;Periodo;Note", .. rows]);
        return path;
    }

    [Fact]
    public async Task A_recorded_result_is_scored_at_once()
    {
        var e = await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, "newsletter",
            Admin, null, Ct);

        var score = (await ScoresAsync()).Indicators.Single(i => i.Code == "O1.2.4-a");
        score.Score.ShouldBe(new Score(25, Band.NotAchieved, 0));
        score.Used.Single().EntryId.ShouldBe(e.EntryId);
    }

    [Fact]
    public async Task A_new_entry_supersedes_and_both_stay_in_history()
    {
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, Admin, null, Ct);
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "6", "30/04/2019", null, "corretto", Admin, null, Ct);

        (await ScoresAsync()).Indicators.Single(i => i.Code == "O1.2.4-a").Score.Raw.ShouldBe(50);
        await using var session = _db.Store.QuerySession("cciaa-ms");
        (await session.Events.FetchStreamAsync("cciaa-ms-2019/O1.2.4-a", token: Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_offices_recording_at_the_same_moment_both_succeed()
    {
        var u11 = new Actor("u1.1", [Role.OfficeStaff], ["U1.1"]);
        var u41 = new Actor("u4.1", [Role.OfficeStaff], ["U4.1"]);

        await Task.WhenAll(
            Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, u11, null, Ct),
            Results.RecordAsync(SeedPlan.Id, "S3.1.1-b", "10", "30/04/2019", null, null, u41, null, Ct));

        var scores = await ScoresAsync();
        scores.Indicators.Where(i => i.Used.Count > 0).Select(i => i.Code)
            .ShouldBe(["S3.1.1-b", "O1.2.4-a"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_stale_write_on_the_same_indicator_is_a_conflict_not_a_lost_event()
    {
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, Admin, null, Ct);
        var before = await _db.EventCountAsync();

        // The user saw the indicator before that entry (version 0) and records on top of it.
        await Should.ThrowAsync<ConcurrencyException>(() =>
            Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "4", "30/04/2019", null, null, Admin,
                expectedVersion: 0, Ct));
        (await _db.EventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("S2.1.1-b;120%;30/04/2019;;", "Valore")]
    [InlineData("O1.2.4-a;-2;30/04/2019;;", "Valore")]
    [InlineData("O1.2.4-a;2,5;30/04/2019;;", "Valore")]
    [InlineData("O1.2.4-a;30/04/2019;30/04/2019;;", "Valore")]
    [InlineData("O2.1.3-c;00/01/1900;30/04/2019;;", "Valore")]
    [InlineData("O1.2.4-a;3;00/01/1900;;", "Riferito al")]
    [InlineData("O1.2.4-a;3;31/04/2019;;", "Riferito al")]
    [InlineData("O1.2.4-a;3;15/12/2018;;", "Riferito al")]
    [InlineData("O1.2.4-a;3;16/09/2019;;", "Riferito al")]
    [InlineData("O9.9.9-a;3;30/04/2019;;", "Codice")]
    [InlineData("O1.2.4-a;3;30/04/2019;Q1;", "Periodo")]
    public async Task Results_import_rejects_each_bad_row_and_writes_nothing(string badRow, string column)
    {
        var before = await _db.EventCountAsync();
        var file = ResultsCsv("O1.2.3-a;29/03/2019;29/03/2019;;", badRow, "O2.1.1-b;4;30/04/2019;;");

        var outcome = await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);

        var error = outcome.Errors.ShouldHaveSingleItem();
        (error.File, error.Row, error.Column).ShouldBe(("risultati.csv", 3, column));
        (await _db.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Results_import_of_another_offices_indicator_is_refused_whole()
    {
        var outcome = await Results.ImportAsync(ResultsCsv("O1.2.4-a;3;30/04/2019;;", "S3.1.1-b;10;30/04/2019;;"),
            SeedPlan.Id, new Actor("u1.1", [Role.OfficeStaff], ["U1.1"]), Ct);

        outcome.Errors.ShouldHaveSingleItem().Row.ShouldBe(3);
        (await ScoresAsync()).Indicators.ShouldAllBe(i => i.Used.Count == 0);
    }

    [Fact]
    public async Task Results_import_writes_every_row_in_one_operation()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019-risultati.csv");
        var outcome = await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);

        outcome.Recorded.ShouldBe(8);
        (await ScoresAsync()).Entity.Score.ShouldBe(new Score(75, Band.Partial, 75));
        await using var session = _db.Store.QuerySession("cciaa-ms");
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "result_recorded")
            .ToListAsync(Ct);
        events.Select(e => e.CorrelationId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Importing_the_same_results_again_records_nothing_twice()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019-risultati.csv");
        await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);
        var before = await _db.EventCountAsync();

        var again = await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);

        (again.Recorded, again.AlreadyPresent, again.Errors.Count).ShouldBe((0, 8, 0));
        (await _db.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task After_a_mistaken_reversal_importing_the_right_row_again_records_it()
    {
        var file = ResultsCsv("O1.2.4-a;3;30/04/2019;;newsletter");
        await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);
        var entry = (await ScoresAsync()).Indicators.Single(i => i.Code == "O1.2.4-a").Used.Single();
        await Results.RevertAsync(entry.EntryId, "annullato per errore", Admin, Ct);

        var again = await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);

        (again.Recorded, again.AlreadyPresent).ShouldBe((1, 0));
        (await ScoresAsync()).Indicators.Single(i => i.Code == "O1.2.4-a").Score
            .ShouldBe(new Score(25, Band.NotAchieved, 0));
    }

    [Fact]
    public async Task A_file_row_equal_to_an_older_entry_supersedes_a_later_one_for_the_same_date()
    {
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null, null, Admin, null, Ct);
        await Results.RecordAsync(SeedPlan.Id, "O1.2.4-a", "6", "30/04/2019", null, "errato", Admin, null, Ct);

        var outcome = await Results.ImportAsync(ResultsCsv("O1.2.4-a;3;30/04/2019;;"), SeedPlan.Id, Admin, Ct);

        (outcome.Recorded, outcome.AlreadyPresent).ShouldBe((1, 0));
        (await ScoresAsync()).Indicators.Single(i => i.Code == "O1.2.4-a").Score.Raw.ShouldBe(25);
        (await Results.ImportAsync(ResultsCsv("O1.2.4-a;3;30/04/2019;;"), SeedPlan.Id, Admin, Ct))
            .AlreadyPresent.ShouldBe(1);
    }

    [Fact]
    public async Task The_third_quadrimester_reported_in_January_is_imported_and_the_year_closes_after_it()
    {
        _clock.Reset(Instant.FromUtc(2020, 2, 3, 9, 0));
        var file = ResultsCsv("O2.1.4-e;15;10/05/2019;Q1", "O2.1.4-e;20;20/01/2020;Q3");

        var outcome = await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);

        (outcome.Recorded, outcome.Errors.Count).ShouldBe((2, 0));
        (await ScoresAsync()).Indicators.Single(i => i.Code == "O2.1.4-e").Periods.Select(p => p.Realization)
            .ShouldBe([100, null, 100]);
        var lifecycle = new PlanLifecycleService(_db.Store, _clock);
        (await Should.ThrowAsync<DomainException>(() =>
                lifecycle.CloseAsync(SeedPlan.Id, new LocalDate(2019, 12, 31), Admin, Ct)))
            .Message.ShouldContain("risultati riferiti fino al 20/01/2020");
        (await lifecycle.CloseAsync(SeedPlan.Id, new LocalDate(2020, 1, 31), Admin, Ct)).On
            .ShouldBe(new LocalDate(2020, 1, 31));
    }

    [Fact]
    public void A_malformed_users_file_is_a_clear_error_and_holders_match_in_any_case()
    {
        var dir = Directory.CreateTempSubdirectory("perfplan-users-").FullName;
        File.WriteAllText(Path.Combine(dir, "bad.json"), """{ "users": [ { "user": "x" } ] }""");
        File.WriteAllText(Path.Combine(dir, "ok.json"),
            """{ "users": [ { "user": "Po2", "roles": ["holder"], "holder": "po2" } ] }""");

        Should.Throw<UnknownUserException>(() => UserDirectory.Load(Path.Combine(dir, "bad.json")))
            .Message.ShouldContain("ruolo");
        var po2 = UserDirectory.Load(Path.Combine(dir, "ok.json")).Find("po2");
        PerformancePlan.Domain.Access.AccessPolicy.MayReadScorecard(po2, "PO2").ShouldBeTrue();
    }

    [Fact]
    public async Task Scores_after_a_full_rebuild_from_the_events_are_identical()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019-risultati.csv");
        await Results.ImportAsync(file, SeedPlan.Id, Admin, Ct);
        await new PlanLifecycleService(_db.Store, _clock).NeutralizeAsync(SeedPlan.Id, "S1.1.1-b", "Det. SG n. 1",
            "progetto sospeso", Admin, Ct);
        var live = JsonSerializer.Serialize(ScoresView.From(await ScoresAsync()), AppJson.Options);

        using (var daemon = await _db.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<PlanTreeProjection>(Ct);
            await daemon.RebuildProjectionAsync<IndicatorResultsProjection>(Ct);
        }

        JsonSerializer.Serialize(ScoresView.From(await ScoresAsync()), AppJson.Options).ShouldBe(live);
        live.ShouldContain("\"neutralized\"");
    }
}
