using System.Diagnostics;
using System.Threading.Channels;
using Weasel.Core;

namespace PerformancePlan.Host.Application;

/// <summary>What a rebuild did: events folded, documents written, how long, the rebuild-equals-live check.</summary>
/// <param name="Differences">Per plan, what the documents and the events still disagree on (empty: equal).</param>
public sealed record RebuildReport(
    long Events, long Documents, TimeSpan Elapsed, int PlansChecked, IReadOnlyList<string> Differences)
{
    /// <summary>Events folded per second of the rebuild (the check excluded).</summary>
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-6);
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
    const int Batch = 1000;

    /// <summary>Rebuilds; <paramref name="progress"/> hears the events folded so far, every few thousand.</summary>
    public async Task<RebuildReport> RebuildAsync(Action<long>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await DeleteDocumentsAsync(ct);
        // Folding and writing overlap: the reader hands full batches to one writer on a connection of its own, so the
        // rebuild takes about as long as the read alone (a few batches in flight bound the memory).
        // A batch is one administration's documents: they are written in its tenant (ADR 0028).
        var batches = Channel.CreateBounded<(string Tenant, List<object> Documents)>(
            new BoundedChannelOptions(4) { SingleReader = true });
        long documents = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var (tenant, batch) in batches.Reader.ReadAllAsync(ct))
                {
                    await store.BulkInsertDocumentsAsync(tenant, batch, BulkInsertMode.InsertsOnly, batch.Count, ct);
                    documents += batch.Count;
                }
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);   // the reader stops at its next batch instead of waiting forever
                throw;
            }
        }, ct);
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
            await using (var session = TenantSessions.Across(store))
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
        await writer;
        var elapsed = watch.Elapsed;
        progress?.Invoke(events);
        var (checkedPlans, differences) = await CheckAsync(ct);
        return new RebuildReport(events, documents, elapsed, checkedPlans, differences);
    }

    /// <summary>Both projections' tables emptied in one statement.</summary>
    async Task DeleteDocumentsAsync(CancellationToken ct)
    {
        var tables = new[] { typeof(Plan), typeof(IndicatorResults) }
            .Select(t => store.Options.Schema.For(t));
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand($"truncate {string.Join(", ", tables)}", conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rebuild equals live: every plan's documents against what its events give.</summary>
    public async Task<(int Plans, IReadOnlyList<string> Differences)> CheckAsync(CancellationToken ct)
    {
        List<string> ids;
        await using (var across = TenantSessions.Across(store))
            ids = [.. await across.Query<Plan>().Where(p => p.AnyTenant()).Select(p => p.Id).ToListAsync(ct)];
        var differences = new List<string>();
        foreach (var id in ids)
        {
            await using var session = TenantSessions.Query(store, null, PlanId.Parse(id));
            differences.AddRange((await ProjectionComparison.CompareWithStoredAsync(store, session, PlanId.Parse(id),
                ct)).Select(d => $"{id}: {d}"));
        }
        return (ids.Count, differences);
    }
}
