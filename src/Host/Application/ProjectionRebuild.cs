using System.Diagnostics;
using System.Threading.Channels;
using PerformancePlan.Projections;
using Weasel.Core;
using IMartenDatabase = Marten.Storage.IMartenDatabase;

namespace PerformancePlan.Host.Application;

/// <summary>What a rebuild did: events folded, documents written, how long, the rebuild-equals-live check.</summary>
/// <param name="Differences">Per plan, what the documents and the events still disagree on (empty: equal).</param>
public sealed record RebuildReport(
    long Events, long Documents, TimeSpan Elapsed, int PlansChecked, IReadOnlyList<string> Differences)
{
    /// <summary>Events folded per second of the rebuild (the check excluded).</summary>
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-6);

    /// <summary>Where <see cref="Elapsed"/> went: emptying the tables and dropping their secondary indexes, reading
    /// the events while folding and writing the documents, creating the indexes again (every database summed).
    /// </summary>
    public (TimeSpan Emptying, TimeSpan Loading, TimeSpan Indexing) Phases { get; init; }

    /// <summary>The <see cref="Phases"/> as users read them, in seconds: «svuotamento 0,4 s, lettura e scrittura…».
    /// </summary>
    public string PhasesText => string.Create(ItalianFormat.Culture,
        $"svuotamento {Phases.Emptying.TotalSeconds:0.0} s, lettura e scrittura {Phases.Loading.TotalSeconds:0.0} s, "
        + $"indici {Phases.Indexing.TotalSeconds:0.0} s");
}

/// <summary>
/// Rebuilds the inline projections (<see cref="Plan"/>, <see cref="IndicatorResults"/>) from the events (ADR 0023):
/// the documents are deleted, the events read once in stream order with one cursor, each stream folded with the
/// domain's own <c>Evolve</c> (the same the inline projections call), and the documents written with Marten's bulk
/// copy in batches while the reading goes on — no round trip per event. Meant for a store nobody writes to meanwhile
/// (the service stopped).
/// </summary>
public sealed class ProjectionRebuild(IDocumentStore store)
{
    const int Batch = 1000, Writers = 3;

    /// <summary>Rebuilds every database of the store, one after another (ADR 0031); <paramref name="progress"/> hears
    /// the events folded so far, every few thousand.</summary>
    /// <param name="check">Whether to check rebuild equals live afterwards (<see cref="CheckAsync"/>); without it the
    /// report names no plan checked.</param>
    public async Task<RebuildReport> RebuildAsync(Action<long>? progress, CancellationToken ct, bool check = true)
    {
        var watch = Stopwatch.StartNew();
        (_events, _documents) = (0, 0);
        TimeSpan emptying = default, loading = default, indexing = default;
        foreach (var database in await Tenancy.DatabasesAsync(store))
        {
            var phase = Stopwatch.StartNew();
            var indexes = await DeleteDocumentsAsync(database, ct);
            emptying += phase.Elapsed;
            var before = _events;
            try
            {
                phase.Restart();
                await LoadAsync(database, progress is null ? null : n => progress(before + n), ct);
                loading += phase.Elapsed;
            }
            finally
            {
                phase.Restart();
                await CreateIndexesAsync(database, indexes, ct);
                indexing += phase.Elapsed;
            }
        }
        var elapsed = watch.Elapsed;
        var (checkedPlans, differences) = check ? await CheckAsync(ct) : (0, []);
        return new RebuildReport(_events, _documents, elapsed, checkedPlans, differences)
        {
            Phases = (emptying, loading, indexing),
        };
    }

    long _events, _documents;

    async Task LoadAsync(IMartenDatabase database, Action<long>? progress, CancellationToken ct)
    {
        // Folding and writing overlap: the reader hands full batches to a few writers, each on a connection of its own,
        // so the rebuild takes about as long as the read alone (a few batches in flight bound the memory). A batch is
        // one administration's documents, written in its tenant (ADR 0028): with thousands of administrations a batch
        // is small, and several writers keep PostgreSQL busy while each waits for its commit (ADR 0029).
        var batches = Channel.CreateBounded<(string Tenant, List<object> Documents)>(
            new BoundedChannelOptions(4 * Writers) { SingleWriter = true });
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var (tenant, batch) in batches.Reader.ReadAllAsync(ct))
                {
                    await store.BulkInsertDocumentsAsync(tenant, batch, BulkInsertMode.InsertsOnly, batch.Count, ct);
                    Interlocked.Add(ref _documents, batch.Count);
                }
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);   // the reader stops at its next batch instead of waiting forever
                throw;
            }
        }, ct)).ToList();
        long events = 0;
        try
        {
            var pending = new List<object>(Batch);
            string? stream = null, tenant = null;
            Plan? plan = null;
            IndicatorResults? result = null;
            async Task CloseAsync(bool last, string? next)
            {
                if (plan is not null) pending.Add(plan);
                if (result is not null) pending.Add(result);
                (plan, result) = (null, null);
                if (pending.Count < Batch && !last && next == tenant || pending.Count == 0) return;
                await batches.Writer.WriteAsync((tenant!, pending), ct);
                pending = new List<object>(Batch);
            }
            await using (var session = TenantSessions.AcrossIn(store, database))
                await foreach (var e in session.Events.QueryAllRawEvents().Where(e => e.AnyTenant())
                    .OrderBy(e => e.StreamKey).ThenBy(e => e.Version).ToAsyncEnumerable(ct))
                {
                    if (e.StreamKey != stream)
                    {
                        await CloseAsync(false, e.TenantId);
                        (stream, tenant) = (e.StreamKey, e.TenantId);
                    }
                    if (e.Data is IPlanEvent p) plan = Plan.Evolve(plan, p);
                    if (e.Data is IResultEvent r) result = IndicatorResults.Evolve(result, r);
                    if (++events % 5000 == 0) progress?.Invoke(events);
                }
            await CloseAsync(true, null);
        }
        catch (ChannelClosedException) { }   // the writer failed: awaiting it below throws its error
        finally { batches.Writer.TryComplete(); }
        await Task.WhenAll(writers);
        _events += events;
        progress?.Invoke(events);
    }

    /// <summary>
    /// Both projections' tables emptied in one statement, and their secondary indexes dropped (returned, to be
    /// created again): at a million documents, inserting each into the entries' GIN index and the plan-id btree cost
    /// more than reading the events; building them once after the copy is one sort each. Primary keys stay.
    /// </summary>
    async Task<IReadOnlyList<string>> DeleteDocumentsAsync(IMartenDatabase database, CancellationToken ct)
    {
        var tables = new[] { typeof(Plan), typeof(IndicatorResults) }
            .Select(t => store.Options.Schema.For(t)).ToArray();
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        var indexes = new List<(string Name, string Definition)>();
        await using (var find = new Npgsql.NpgsqlCommand("select i.indexrelid::regclass::text, "
            + "pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid in (select unnest($1::text[])::regclass) "
            + "and not i.indisprimary and not i.indisunique", conn))
        {
            find.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tables });
            await using var r = await find.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        var drops = string.Concat(indexes.Select(i => $"; drop index {i.Name}"));
        await using var cmd = new Npgsql.NpgsqlCommand($"truncate {string.Join(", ", tables)}{drops}", conn);
        await cmd.ExecuteNonQueryAsync(ct);
        return indexes.Select(i => i.Definition).ToList();
    }

    /// <summary>The indexes <see cref="DeleteDocumentsAsync"/> dropped, created again from their own definitions
    /// (also when the load failed; if the process was killed meanwhile, <c>perfplan db migrate</c> creates them).
    /// </summary>
    async Task CreateIndexesAsync(IMartenDatabase database, IReadOnlyList<string> definitions, CancellationToken ct)
    {
        if (definitions.Count == 0) return;
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(CancellationToken.None);
        await using var cmd = new Npgsql.NpgsqlCommand("set maintenance_work_mem = '256MB'; "
            + string.Join("; ", definitions.Select(d => d.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "))),
            conn);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);   // even when cancelled: never leave them dropped
    }

    /// <summary>Rebuild equals live: every plan's documents against what its events give.</summary>
    public async Task<(int Plans, IReadOnlyList<string> Differences)> CheckAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var database in await Tenancy.DatabasesAsync(store))
        {
            await using var across = TenantSessions.AcrossIn(store, database);
            ids.AddRange(await across.Query<Plan>().Where(p => p.AnyTenant()).Select(p => p.Id).ToListAsync(ct));
        }
        // Plans are independent: compared a few at a time, so PostgreSQL reads one plan's events while another's are
        // folded (17 007 plans took 6 minutes one by one on two cores).
        var found = new IReadOnlyList<string>[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct },
            async (k, token) =>
            {
                var plan = PlanId.Parse(ids[k]);
                await using var session = TenantSessions.Query(store, null, plan);
                found[k] = await ProjectionComparison.CompareWithStoredAsync(store, session, plan, token);
            });
        return (ids.Count, ids.SelectMany((id, k) => found[k].Select(d => $"{id}: {d}")).ToList());
    }
}
