using System.Diagnostics;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

public sealed record BenchFigure(
    string Name, string Baseline, double Milliseconds, double BaselineMilliseconds, int Operations)
{
    /// <summary>Speed relative to the baseline measured in the same run (1 = as fast).</summary>
    public double Ratio => BaselineMilliseconds / Milliseconds;
}

/// <summary>
/// A year of results for the seed plan (every indicator, every quadrimestre or deadline), measured in one run against
/// baselines: recording through the real command path vs Marten's bare append of the same events; scoring a plan
/// from its events vs reading and deserialising those events alone. Each figure is the median of its rounds.
/// </summary>
public sealed class Benchmark(string connectionString, string planFile, IClock clock)
{
    static readonly Actor Admin = new("admin", [Role.Admin], [], Entities: [Actor.AllEntities]);
    static readonly PlanId Seed = PlanId.Parse("cciaa-ms-2019");
    static readonly Actor Giunta = new("giunta", [Role.Approver], []);

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(int rounds, CancellationToken ct)
    {
        var recording = new List<(double Command, double Bare, int Count)>();
        var scoring = new List<(double Score, double Read, int Events)>();
        var asOf = new List<(double Score, double Read, int Events)>();
        var rebuild = new List<(double Rebuild, double Read, int Events)>();
        for (var round = 0; round < rounds; round++)
        {
            using var commandStore = await FreshStoreAsync(ct);
            using var bareStore = await FreshStoreAsync(ct);
            try { await RoundAsync(commandStore, bareStore); }
            finally { foreach (var s in new[] { commandStore, bareStore }) await BenchStore.DropAsync(s, ct); }
        }
        async Task RoundAsync(DocumentStore commandStore, DocumentStore bareStore)
        {
            var plan = (await TenantSessions.Query(commandStore, null, Seed).LoadAsync<Plan>(Seed.Value, ct))!;
            var year = BenchStore.AYearOfResults(plan);

            var service = new ResultService(commandStore, clock);
            var sw = Stopwatch.StartNew();
            var planId = PlanId.Parse(plan.Id);
            foreach (var r in year)
                await service.RecordAsync(planId, r.Indicator, r.Value, r.On, r.Period, null, Admin, null, ct);
            var command = sw.Elapsed.TotalMilliseconds;

            var events = year.Select(r => ResultDecider.Decide(new RecordResult(plan.Id,
                ResultInput.Read(plan, r.Indicator, r.Value, r.On, r.Period ?? "", "",
                    new LocalDate(2020, 1, 15)).Draft!,
                Guid.NewGuid(), Admin, clock.GetCurrentInstant()), plan)).ToList();
            sw.Restart();
            foreach (var e in events)
            {
                await using var session = bareStore.LightweightSession(Tenancy.Of(Seed.Entity.Value));
                session.Events.Append(IndicatorResults.StreamId(e.PlanId, e.Indicator), e);
                await session.SaveChangesAsync(ct);
            }
            recording.Add((command, sw.Elapsed.TotalMilliseconds, year.Count));

            for (var i = 0; i < 5; i++) scoring.Add(await ScoreFromEventsAsync(commandStore, ct));
            for (var i = 0; i < 5; i++) asOf.Add(await ScoreAsOfAsync(commandStore, ct));
            for (var i = 0; i < 3; i++) rebuild.Add(await RebuildAsync(commandStore, ct));
        }
        return
        [
            new("registrazione risultati (percorso dei comandi)", "append nudo di Marten degli stessi eventi",
                Median(recording.Select(r => r.Command)), Median(recording.Select(r => r.Bare)), recording[0].Count),
            new("punteggi del piano calcolati dagli eventi", "sola lettura e deserializzazione degli eventi",
                Median(scoring.Select(s => s.Score)), Median(scoring.Select(s => s.Read)), scoring[0].Events),
            new("punteggi «al 30/06/2019» e «noti a» (perfplan scores --as-of/--known-at)",
                "sola lettura e deserializzazione degli eventi",
                Median(asOf.Select(s => s.Score)), Median(asOf.Select(s => s.Read)), asOf[0].Events),
            new("ricostruzione delle proiezioni (perfplan rebuild)",
                "sola lettura e deserializzazione degli stessi eventi",
                Median(rebuild.Select(s => s.Rebuild)), Median(rebuild.Select(s => s.Read)), rebuild[0].Events),
        ];
    }

    /// <summary>
    /// The rebuild of every projection, against reading and deserialising every event of the store in the same
    /// order (the rebuild's own read, alone).
    /// </summary>
    static async Task<(double Rebuild, double Read, int Events)> RebuildAsync(IDocumentStore store,
        CancellationToken ct)
    {
        var (events, read) = await BenchStore.ReadEveryEventAsync(store, ct);
        var report = await new ProjectionRebuild(store).RebuildAsync(null, ct);
        return (report.Elapsed.TotalMilliseconds, read, (int)events);
    }

    /// <summary>Reads every event of the plan's streams; then the same read plus folding and scoring.</summary>
    static Task<(double Score, double Read, int Events)> ScoreFromEventsAsync(
        IDocumentStore store, CancellationToken ct) =>
        AgainstReadingAsync(store, async () =>
        {
            var events = await ReadAsync(store, ct);
            var plan = Plan.Replay(events.Where(e => e.StreamKey == "cciaa-ms-2019").Select(e => e.Data))!;
            var results = events.Where(e => e.StreamKey != "cciaa-ms-2019").GroupBy(e => e.StreamKey)
                .Select(g => IndicatorResults.Replay(g.Select(e => e.Data).OfType<IResultEvent>())!).ToList();
            var scores = PlanScoring.Score(plan, results);
            _ = PlanScoring.Scorecards(plan, scores);
        }, ct);

    /// <summary>The query the CLI runs for --as-of and --known-at, against reading the same events alone.</summary>
    static Task<(double Score, double Read, int Events)> ScoreAsOfAsync(IDocumentStore store, CancellationToken ct) =>
        AgainstReadingAsync(store, async () =>
        {
            await using var session = TenantSessions.Query(store, null, Seed);
            _ = await PlanHistoryQueries.ScoresAsync(session, Seed,
                new LocalDate(2019, 6, 30), SystemClock.Instance.GetCurrentInstant(), ct);
        }, ct);

    /// <summary>
    /// Milliseconds of <paramref name="work"/>, of reading the plan's events alone (its baseline), and how many events
    /// that read.
    /// </summary>
    static async Task<(double Score, double Read, int Events)> AgainstReadingAsync(IDocumentStore store,
        Func<Task> work, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var events = await ReadAsync(store, ct);
        var read = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        await work();
        return (sw.Elapsed.TotalMilliseconds, read, events.Count);
    }

    static async Task<IReadOnlyList<JasperFx.Events.IEvent>> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = TenantSessions.Query(store, null, Seed);
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == "cciaa-ms-2019" || e.StreamKey!.StartsWith("cciaa-ms-2019/"))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
    }

    async Task<DocumentStore> FreshStoreAsync(CancellationToken ct)
    {
        var store = await BenchStore.CreateAsync(connectionString, ct);
        await new PlanImportService(store, clock).ImportAsync(planFile, EntityId.Default, Admin, false, ct);
        await new PlanLifecycleService(store, clock).ApproveAsync(PlanId.Parse("cciaa-ms-2019"),
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), Giunta, ct);
        return store;
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
