using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;
using System.Diagnostics;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// One administration's read measured in a store of one administration and in a store of many, in the same run.
/// </summary>
/// <param name="Name">What was measured, in Italian.</param>
/// <param name="Events">Events the read went through (the measured plan's).</param>
/// <param name="OneMilliseconds">Median milliseconds in the store of one administration.</param>
/// <param name="ManyMilliseconds">Median milliseconds in the store of many.</param>
public sealed record ScaleFigure(string Name, long Events, double OneMilliseconds, double ManyMilliseconds)
{
    /// <summary>How many times slower in the store of many (1 = as fast; issue #15's goal is at most 1,5).</summary>
    public double Factor => ManyMilliseconds / OneMilliseconds;
}

/// <summary>Peak managed memory of a whole-store <c>ledger verify</c> at two store sizes, in the same run.</summary>
/// <param name="SmallEvents">Events in the smaller store.</param>
/// <param name="LargeEvents">Events in the larger store.</param>
/// <param name="SmallBytes">Largest live managed heap during the smaller verify (after full collections), bytes.
/// </param>
/// <param name="LargeBytes">Largest live managed heap during the larger verify (after full collections), bytes.
/// </param>
/// <param name="SmallSeconds">Duration of the smaller verify, seconds.</param>
/// <param name="LargeSeconds">Duration of the larger verify, seconds.</param>
public sealed record VerifyMemoryFigure(long SmallEvents, long LargeEvents, long SmallBytes, long LargeBytes,
    double SmallSeconds, double LargeSeconds)
{
    /// <summary>Peak memory of the larger verify over the smaller one's (issue #15's goal: at most 1,2).</summary>
    public double Factor => (double)LargeBytes / SmallBytes;

    /// <summary>Events verified per second, smaller and larger store: equal when verify is linear.</summary>
    public (double Small, double Large) EventsPerSecond => (SmallEvents / SmallSeconds, LargeEvents / LargeSeconds);
}

/// <summary>The store <c>bench --keep</c> kept holds more administrations than <c>--entities</c> asks: the message says
/// what to do (in Italian).</summary>
public sealed class KeptStoreTooLargeException(string message) : Exception(message);

/// <summary>
/// The scale figures of <c>perfplan bench --entities N</c> and <c>--verify-memory</c> (issue #15): the same plan's
/// as-of scores, OIV replay and ledger verification in a store of N administrations against a store of one; the
/// rebuild of N administrations' projections against the bare read of their events; verify's memory at two sizes.
/// Stores are built by <see cref="BenchStore"/> in schemas of their own, dropped at the end.
/// </summary>
public sealed class ScaleBenchmark(string connectionString, string planFile, IClock clock)
{
    readonly RawSheet _plan = SheetReader.Read(planFile);

    /// <summary>Reports progress as Italian lines (stores being built, figures being measured).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Hears each figure as soon as it is measured (the bench prints it then: a run at 5 million events
    /// takes long).</summary>
    public Action<ScaleFigure>? Measured { get; init; }

    /// <summary>
    /// Builds a store of one administration and one of <paramref name="entities"/>, then measures each figure
    /// <paramref name="rounds"/> times in both, alternating; medians. The last figure, unless
    /// <paramref name="rebuildRounds"/> is 0, is the rebuild of the larger store against reading and deserialising its
    /// events, <paramref name="rebuildRounds"/> times (its <see cref="ScaleFigure.Factor"/> is rebuild/read). With
    /// <paramref name="keep"/> the larger store is the one in <see cref="BenchStore.KeptSchema"/>, grown to
    /// <paramref name="entities"/> if it has fewer, and left there for the next run.
    /// </summary>
    /// <exception cref="KeptStoreTooLargeException">The kept store holds more administrations than asked.</exception>
    public async Task<(IReadOnlyList<ScaleFigure> Figures, long EventsOne, long EventsMany)> RunAsync(
        int entities, int rounds, int rebuildRounds, bool keep, CancellationToken ct)
    {
        DocumentStore? one = null, many = null;
        try
        {
            one = await BenchStore.CreateAsync(connectionString, ct);
            many = keep ? await BenchStore.OpenKeptAsync(connectionString, ct)
                : await BenchStore.CreateAsync(connectionString, ct);
            var generator = new BenchStore(_plan, clock);
            var eventsOne = await generator.AddAsync(one, 0, 1, null, ct);
            var there = keep ? await BenchStore.EntitiesAsync(many, ct) : 0;
            if (there > entities)
                throw new KeptStoreTooLargeException($"L'archivio conservato ({BenchStore.KeptSchema}) ha già "
                    + $"{there} enti, più dei {entities} chiesti: usare --entities {there}, oppure eliminarlo con "
                    + $"«drop schema {BenchStore.KeptSchema} cascade».");
            if (there > 0)
                Progress?.Report($"Archivio conservato ({BenchStore.KeptSchema}): {there} enti già presenti.");
            if (there < entities) await BuildAsync(generator, many, entities, ct, from: there);
            // Measured as a store in use would be, on current statistics: generation grows it faster than autovacuum
            // analyses (at 5 million events, a plan's verification measured 1,55× before and 0,95× after).
            Progress?.Report("Statistiche degli archivi (analyze)…");
            await SchemaStamp.AnalyzeAsync(one, ct);
            await SchemaStamp.AnalyzeAsync(many, ct);
            var eventsMany = await BenchStore.EventCountAsync(many, ct);
            Progress?.Report("Misure in corso…");
            var figures = new List<ScaleFigure>();
            void Add(ScaleFigure f) { figures.Add(f); Measured?.Invoke(f); }
            Add(await CompareAsync("punteggi «al 30/06/2019» (scores --as-of)", one, many, rounds, AsOfAsync, ct));
            Add(await CompareAsync("ripetizione dell'OIV (oiv replay)", one, many, rounds, OivAsync, ct));
            Add(await CompareAsync("verifica del registro del piano (ledger verify --plan)", one, many, rounds,
                VerifyPlanAsync, ct));
            if (rebuildRounds > 0) Add(await RebuildAsync(many, rebuildRounds, ct));
            return (figures, eventsOne, eventsMany);
        }
        finally
        {
            // Also when the kept store cannot be opened: the store of one is never left behind.
            if (one is not null) await BenchStore.DropAsync(one, ct);
            if (many is not null && !keep) await BenchStore.DropAsync(many, ct);
        }
    }

    /// <summary>
    /// Whole-store <c>ledger verify</c> in a store of about <paramref name="smallEvents"/> events and one of about
    /// <paramref name="largeEvents"/> (whole administrations of ~290 events each): peak managed heap and duration.
    /// The larger store is the smaller one grown, so both are measured in the same run on the same rows.
    /// </summary>
    public async Task<VerifyMemoryFigure> VerifyMemoryAsync(long smallEvents, long largeEvents, CancellationToken ct)
    {
        var store = await BenchStore.CreateAsync(connectionString, ct);
        try
        {
            var generator = new BenchStore(_plan, clock);
            var perEntity = await generator.AddAsync(store, 0, 1, null, ct);
            var small = (int)Math.Max(1, smallEvents / perEntity);
            var large = (int)Math.Max(small + 1, largeEvents / perEntity);
            await BuildAsync(generator, store, small, ct, from: 1);
            var (smallCount, smallBytes, smallSeconds) = await MeasureVerifyAsync(store, ct);
            await BuildAsync(generator, store, large, ct, from: small);
            var (largeCount, largeBytes, largeSeconds) = await MeasureVerifyAsync(store, ct);
            return new VerifyMemoryFigure(smallCount, largeCount, smallBytes, largeBytes, smallSeconds, largeSeconds);
        }
        finally { await BenchStore.DropAsync(store, ct); }
    }

    async Task<long> BuildAsync(BenchStore generator, IDocumentStore store, int entities, CancellationToken ct,
        int from = 0)
    {
        var sw = Stopwatch.StartNew();
        var step = Math.Max(1, entities / 20);
        var progress = new Progress<int>(k =>
        {
            if (k % step == 0 || k == entities)
                Progress?.Report($"Enti generati: {k} di {entities} ({sw.Elapsed.TotalSeconds:0} s)");
        });
        return await generator.AddAsync(store, from, entities, progress, ct);
    }

    static async Task<ScaleFigure> CompareAsync(string name, IDocumentStore one, IDocumentStore many, int rounds,
        Func<IDocumentStore, CancellationToken, Task<long>> read, CancellationToken ct)
    {
        await read(one, ct);   // warm: JIT, pools, plans
        await read(many, ct);
        var timesOne = new List<double>();
        var timesMany = new List<double>();
        long events = 0;
        for (var round = 0; round < rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            events = await read(one, ct);
            timesOne.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            await read(many, ct);
            timesMany.Add(sw.Elapsed.TotalMilliseconds);
        }
        return new ScaleFigure(name, events, Median(timesOne), Median(timesMany));
    }

    async Task<long> AsOfAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = TenantSessions.Query(store, null, BenchStore.Measured);
        var scored = await PlanHistoryQueries.ReplayAsync(session, BenchStore.Measured, new LocalDate(2019, 6, 30),
            clock.GetCurrentInstant(), ct) ?? throw new InvalidOperationException("piano misurato assente");
        return scored.EventCount;
    }

    async Task<long> OivAsync(IDocumentStore store, CancellationToken ct)
    {
        var replay = await new OivService(store, clock).ReplayAsync(BenchStore.Measured, null, null, ct)
            ?? throw new InvalidOperationException("piano misurato assente");
        return replay.Events;
    }

    async Task<long> VerifyPlanAsync(IDocumentStore store, CancellationToken ct)
    {
        var report = await new LedgerService(store, clock).VerifyAsync(BenchStore.Measured, null, ct);
        if (!report.Verified) throw new InvalidOperationException("registro del piano misurato non integro");
        return report.Events;
    }

    /// <summary>
    /// The rebuild of every projection against reading and deserialising every event in the same order; medians of
    /// <paramref name="rounds"/> rounds, each read then rebuilt. Rebuild equals live is checked after the last one
    /// (outside the timed part; at millions of events each check takes minutes).
    /// </summary>
    async Task<ScaleFigure> RebuildAsync(IDocumentStore store, int rounds, CancellationToken ct)
    {
        var reads = new List<double>();
        var rebuilds = new List<double>();
        long events = 0;
        for (var round = 1; round <= rounds; round++)
        {
            Progress?.Report($"Ricostruzione, ripetizione {round} di {rounds}: sola lettura degli eventi…");
            (events, var read) = await BenchStore.ReadEveryEventAsync(store, ct);
            reads.Add(read);
            Progress?.Report($"Ricostruzione, ripetizione {round} di {rounds}: ricostruzione…");
            var report = await new ProjectionRebuild(store).RebuildAsync(null, ct, check: round == rounds);
            if (report.Differences.Count > 0)
                throw new InvalidOperationException("ricostruzione diversa dalle proiezioni: " + report.Differences[0]);
            Progress?.Report(string.Create(ItalianFormat.Culture, $"Ricostruzione, ripetizione {round} di {rounds}: "
                + $"{report.Elapsed.TotalSeconds:0.0} s ({report.PhasesText}); sola lettura {read / 1000:0.0} s."));
            if (report.PlansChecked > 0)
                Progress?.Report($"Ricostruzione uguale alle proiezioni dal vivo: {report.PlansChecked} piani "
                    + "confrontati con i loro eventi.");
            rebuilds.Add(report.Elapsed.TotalMilliseconds);
        }
        return new ScaleFigure("ricostruzione delle proiezioni (rebuild) rispetto alla sola lettura degli eventi",
            events, Median(reads), Median(rebuilds));
    }

    /// <summary>
    /// Verifies the whole store twice: once timed, once with the live heap measured — a full collection every 100 ms
    /// and the managed memory it leaves, at its largest — so the figure is what the verification keeps, not the
    /// garbage between collections, and the collections do not slow the timed run.
    /// </summary>
    async Task<(long Events, long PeakBytes, double Seconds)> MeasureVerifyAsync(IDocumentStore store,
        CancellationToken ct)
    {
        Progress?.Report("Verifica dell'intero registro…");
        var sw = Stopwatch.StartNew();
        var report = await new LedgerService(store, clock).VerifyAsync(null, null, ct);
        var seconds = sw.Elapsed.TotalSeconds;
        if (!report.Verified) throw new InvalidOperationException("registro del banco di prova non integro");
        Progress?.Report("Verifica dell'intero registro con la memoria misurata…");
        var peak = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { break; }
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }, CancellationToken.None);
        await new LedgerService(store, clock).VerifyAsync(null, null, ct);
        await stop.CancelAsync();
        await sampler;
        return (report.Events, peak, seconds);
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
