using PerformancePlan.Domain.Import;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The stores the scale figures of <c>perfplan bench</c> are measured on (issue #15, docs/performance.md): a schema of
/// its own holding <c>n</c> administrations, each a copy of the seed plan under its own entity code
/// (<c>cciaa-ms</c>, then <c>ente-00002</c>…), approved, with a year of results. The events are the ones the commands
/// write — decided by the same deciders from the same file and the same rows, sealed by the same ledger listener and
/// trigger — but one administration is appended in one transaction, so a store of a million events is built in
/// minutes. About 290 events per administration.
/// </summary>
public sealed class BenchStore(RawSheet planFile, IClock clock)
{
    static readonly Actor Admin = new("admin", [Role.Admin], [], Entities: [Actor.AllEntities]);
    static readonly Actor Giunta = new("giunta", [Role.Approver], []);

    /// <summary>The administration whose plan every scale figure reads: the seed's, in every store.</summary>
    public static readonly PlanId Measured = PlanId.Parse("cciaa-ms-2019");

    /// <summary>A new, migrated schema <c>bench_…</c> on <paramref name="connectionString"/>.</summary>
    public static async Task<DocumentStore> CreateAsync(string connectionString, CancellationToken ct)
    {
        var store = EventStore.Create(connectionString, "bench_" + Guid.NewGuid().ToString("N")[..8]);
        await EventStore.PrepareAsync(store, ct);
        return store;
    }

    /// <summary>The schema <c>bench --keep</c> keeps its store of N administrations in, from one run to the next.
    /// </summary>
    public const string KeptSchema = "bench_kept";

    /// <summary>
    /// The store <c>bench --keep</c> keeps in <see cref="KeptSchema"/>: created the first time, else the one a previous
    /// run left (migrated to this build's schema), so a store of millions of events is generated once.
    /// </summary>
    public static async Task<DocumentStore> OpenKeptAsync(string connectionString, CancellationToken ct)
    {
        var store = EventStore.Create(connectionString, KeptSchema);
        await EventStore.PrepareAsync(store, ct);
        return store;
    }

    /// <summary>How many administrations the store holds: one chain head each (ADR 0024), 1, 2… in order.</summary>
    public static async Task<int> EntitiesAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand($"select count(*) from "
            + $"{store.Options.Events.DatabaseSchemaName}.{LedgerSchema.EntityHeadTable}", conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
    }

    /// <summary>Events in the store (its <c>mt_events</c> rows).</summary>
    public static async Task<long> EventCountAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_events", conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    /// <summary>Drops a bench schema with everything in it (Marten's tables and the ledger's).</summary>
    public static async Task DropAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"drop schema if exists {store.Options.Events.DatabaseSchemaName} cascade", conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Adds administrations until the store holds <paramref name="entities"/> of them (counted from
    /// <paramref name="from"/>, the number already there), reporting each one added; returns the events appended.
    /// </summary>
    public async Task<long> AddAsync(IDocumentStore store, int from, int entities, IProgress<int>? progress,
        CancellationToken ct)
    {
        long events = 0;
        for (var k = from + 1; k <= entities; k++)
        {
            events += await AddEntityAsync(store, EntityCode(k), ct);
            progress?.Report(k);
        }
        return events;
    }

    /// <summary>The k-th administration's code: the seed's first, then <c>ente-00002</c>…</summary>
    public static EntityId EntityCode(int k) => k == 1 ? EntityId.Default : EntityId.Parse($"ente-{k:00000}");

    async Task<int> AddEntityAsync(IDocumentStore store, EntityId entity, CancellationToken ct)
    {
        var read = PlanFileImporter.Read(planFile, entity.Value, null);
        if (!read.Ok) throw new InvalidOperationException(read.Errors[0].Message);
        var now = clock.GetCurrentInstant();
        var definition = read.Plan!;
        var imported = PlanDecider.Decide(new ImportPlan(definition, planFile.FileName, Admin, now), null);
        var draft = Plan.Replay(imported)!;
        var approved = PlanLifecycleDecider.Decide(new ApprovePlan(draft.Id, "Delibera di Giunta n. 7 del 31/01/2019",
            new LocalDate(2019, 1, 31), Giunta, now), draft);
        var plan = Plan.Replay([.. imported, approved])!;
        var results = AYearOfResults(plan).Select(r => ResultDecider.Decide(new RecordResult(plan.Id,
            ResultInput.Read(plan, r.Indicator, r.Value, r.On, r.Period ?? "", "", new LocalDate(2020, 1, 15)).Draft!,
            Guid.NewGuid(), Admin, now), plan)).ToList();

        await using var session = TenantSessions.Write(store, Admin, PlanId.Parse(plan.Id), "bench", now);
        session.Events.StartStream<Plan>(plan.Id, [.. imported, approved]);
        foreach (var stream in results.GroupBy(e => IndicatorResults.StreamId(e.PlanId, e.Indicator)))
            session.Events.StartStream<IndicatorResults>(stream.Key, stream.Cast<object>().ToArray());
        await session.SaveChangesAsync(ct);
        return imported.Count + 1 + results.Count;
    }

    /// <summary>
    /// Reads and deserialises every event of the store in the order a rebuild reads them (stream, version): the
    /// baseline of the rebuild figures. Returns the events read and the milliseconds taken.
    /// </summary>
    public static async Task<(long Events, double Milliseconds)> ReadEveryEventAsync(IDocumentStore store,
        CancellationToken ct)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long events = 0;
        await using (var session = TenantSessions.Across(store))
            await foreach (var _ in session.Events.QueryAllRawEvents().Where(e => e.AnyTenant())
                .OrderBy(e => e.StreamKey)
                .ThenBy(e => e.Version).ToAsyncEnumerable(ct))
                events++;
        return (events, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>One result entry as an office types it: indicator code, value, date and period as text.</summary>
    public sealed record Row(string Indicator, string Value, string On, string? Period);

    /// <summary>
    /// A year of results for <paramref name="plan"/>: each indicator measured at each quadrimestre close (30/04,
    /// 31/08, 31/12); per-period measures once per quadrimestre, several-deadline measures once per deadline.
    /// </summary>
    public static List<Row> AYearOfResults(Plan plan)
    {
        var closes = new[] { new LocalDate(2019, 4, 30), new LocalDate(2019, 8, 31), new LocalDate(2019, 12, 31) };
        var rows = new List<Row>();
        foreach (var i in plan.Indicators)
        {
            var target = i.TargetFor(plan.Year)!;
            switch (i.Measure)
            {
                case MeasureKind.DaysAfterPeriodClose:
                    rows.AddRange(closes.Select((d, q) => new Row(i.Code, "12", ItalianFormat.Date(d), $"Q{q + 1}")));
                    break;
                case MeasureKind.Deadlines:
                    rows.AddRange(target.Dates.Select((d, k) =>
                        new Row(i.Code, ItalianFormat.Date(d), ItalianFormat.Date(d), (k + 1).ToString())));
                    break;
                case MeasureKind.Deadline:
                    var done = target.Dates[0] < closes[0] ? closes[0] : target.Dates[0];
                    rows.Add(new Row(i.Code, ItalianFormat.Date(done), ItalianFormat.Date(done), null));
                    break;
                default:
                    rows.AddRange(closes.Select((d, q) => new Row(i.Code,
                        ItalianFormat.Decimal(Math.Round((target.Amount ?? 0) * (q + 2) / 4)) +
                            (i.Measure == MeasureKind.Percent ? "%" : ""),
                        ItalianFormat.Date(d), null)));
                    break;
            }
        }
        return rows;
    }
}
