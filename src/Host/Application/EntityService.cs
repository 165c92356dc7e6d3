using Npgsql;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// Administrations themselves (issue #10, ADR 0030): their own stream <c>{entity}/ente</c>, which the ledger seals
/// into the administration's chain, and mergers — the successor records each predecessor's ledger head; each
/// predecessor's stream ends with its dissolution, after which the ledger refuses its writes.
/// </summary>
public sealed class EntityService(IDocumentStore store, IClock clock)
{

    /// <summary>The administration as its stream tells it (no stream: active, no predecessors).</summary>
    public static async Task<Administration> StateAsync(IQuerySession session, string entity, CancellationToken ct)
    {
        // Mergers are public acts: any session reads them, in the administration's own tenant.
        var events = await session.ForTenant(Tenancy.Of(entity)).Events
            .FetchStreamAsync(EntityStreams.Of(entity), token: ct);
        return events.Select(e => e.Data).OfType<IEntityEvent>()
            .Aggregate(Administration.New(entity), (s, e) => Administration.Evolve(s, e));
    }

    /// <summary>
    /// Every administration whose history <paramref name="entity"/> carries on: itself, then its predecessors.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LineageAsync(IQuerySession session, string entity,
        CancellationToken ct)
    {
        var states = new Dictionary<string, Administration>(StringComparer.Ordinal);
        var pending = new Queue<string>([entity]);
        while (pending.TryDequeue(out var e))
        {
            if (states.ContainsKey(e)) continue;
            states[e] = await StateAsync(session, e, ct);
            foreach (var p in states[e].Predecessors) pending.Enqueue(p.Entity);
        }
        return MergerDecider.LineageOf(entity, e => states[e]);
    }

    /// <summary>
    /// <c>perfplan entity merge</c>: merges <paramref name="predecessors"/> into <paramref name="successor"/> from
    /// <paramref name="on"/>, in one transaction — the successor's <see cref="EntityMerged"/> with each predecessor's
    /// ledger head, and each predecessor's <see cref="EntityDissolved"/>.
    /// </summary>
    /// <exception cref="DomainException">The domain refused the merger (<see cref="MergerDecider.Decide"/>), or a
    /// predecessor was merged meanwhile by another command.</exception>
    public async Task<EntityMerged> MergeAsync(EntityId successor, string name, IReadOnlyList<EntityId> predecessors,
        LocalDate on, string act, Actor by, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var all = predecessors.Select(p => p.Value).Prepend(successor.Value).Distinct().ToList();
        if (all.FirstOrDefault(e => !by.ActsFor(e)) is { } other)
            throw new ForbiddenException($"L'utente «{by.User}» non opera per l'ente {other}: la fusione la registra "
                + "chi opera per tutti gli enti coinvolti (in users.json \"entities\": [\"*\"] o ciascun codice).");
        await using var session = TenantSessions.Write(store, by, successor, "entity merge", now);
        var states = new Dictionary<string, Administration>(StringComparer.Ordinal);
        foreach (var e in all) states[e] = await StateAsync(session, e, ct);
        var heads = await HeadsAsync(predecessors.Select(p => p.Value).ToArray(), ct);
        var decision = MergerDecider.Decide(new MergeEntities(successor.Value, name,
            predecessors.Select(p => p.Value).ToList(), on, act, by, now), states, heads);
        session.Events.Append(EntityStreams.Of(successor.Value), decision.Merged);
        foreach (var d in decision.Dissolved)
        {
            // A predecessor's stream ends here: starting it again (a second merger racing this one) conflicts.
            var events = session.ForTenant(Tenancy.Of(d.Entity)).Events;
            if (states[d.Entity].Mergers.Count == 0) events.StartStream(EntityStreams.Of(d.Entity), d);
            else events.Append(EntityStreams.Of(d.Entity), d);
            session.Store(Succession.Of(d));
        }
        await session.SaveChangesAsync(ct);
        await LedgerService.CheckpointAfterAsync(store, clock, by.User, "entity merge", successor, ct);
        return decision.Merged;
    }

    /// <summary>Each administration's entity-chain head as it stands (ADR 0024): position and link.</summary>
    async Task<IReadOnlyDictionary<string, PredecessorHead>> HeadsAsync(string[] entities, CancellationToken ct)
    {
        await using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"select entity, position, link from "
            + $"{store.Options.Events.DatabaseSchemaName}.{LedgerSchema.EntityHeadTable} where entity = any($1)", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = entities });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var heads = new Dictionary<string, PredecessorHead>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
            heads[r.GetString(0)] = new PredecessorHead(r.GetString(0), r.GetInt64(1), r.GetString(2).Trim());
        return heads;
    }
}
