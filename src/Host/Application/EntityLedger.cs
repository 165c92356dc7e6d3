using Npgsql;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The ledger as an actor may see it (ADR 0028): one plan or one administration's chain for whoever acts for it;
/// the whole store — global chain, every entity's head, checkpoints of the global head — only for whom every
/// administration in the store is theirs (the operator, bound to <c>*</c>; or the OIV of a store of one
/// administration). Another administration's plan or entity is one that does not exist.
/// </summary>
public sealed class EntityLedger(IDocumentStore store, IClock clock)
{
    readonly LedgerService _ledger = new(store, clock);

    /// <summary>Verifies <paramref name="plan"/>, else <paramref name="entity"/>'s chain, else the whole store.
    /// </summary>
    /// <exception cref="NotFoundException">The plan or the entity is unknown, or not <paramref name="by"/>'s.
    /// </exception>
    /// <exception cref="ForbiddenException">The whole store holds administrations <paramref name="by"/> does not act
    /// for: name one with <c>--entity</c>.</exception>
    public async Task<LedgerReport> VerifyAsync(Actor by, PlanId? plan, EntityId? entity, LedgerEvidence evidence,
        CancellationToken ct)
    {
        if (plan is not null)
        {
            await using var session = TenantSessions.Query(store, by, plan);
            if (await session.Events.FetchStreamStateAsync(plan.Value, ct) is null)
                throw new NotFoundException($"Piano «{plan}» non trovato: nessun evento da verificare.");
            return await _ledger.VerifyWithAsync(plan, evidence, ct);
        }
        if (entity is not null) return await VerifyEntityAsync(by, entity, evidence, ct);
        await RequireWholeStoreAsync(by, ct);
        var databases = await Tenancy.DatabasesAsync(store);
        if (databases.Count == 1) return await _ledger.VerifyWithAsync(null, evidence, ct);
        if (evidence.Digest is not null || evidence.Checkpoint is not null)
            throw new DomainException($"L'archivio è distribuito su {databases.Count} database, ciascuno con la "
                + "propria catena: un digest o un checkpoint conservato si verifica con --entity o --plan.");
        var reports = new List<LedgerReport>();
        foreach (var database in databases)
            reports.Add(await new LedgerService(store, clock, database).VerifyWithAsync(null, evidence, ct));
        return Combined(reports);
    }

    /// <summary>
    /// The whole store on several databases (ADR 0031): every database's chains verified on their own; the store is
    /// intact when each is. Counts add up, problems are listed together, entity heads are every database's; the
    /// global head, its position and checkpoints are the home database's (each database has its own global chain).
    /// </summary>
    static LedgerReport Combined(IReadOnlyList<LedgerReport> reports)
    {
        var problems = reports.SelectMany(r => r.Problems).ToList();
        var home = reports[0];
        return new LedgerReport(reports.All(r => r.Verified), reports.Sum(r => r.Events), home.Head,
            problems.FirstOrDefault(), problems, reports.SelectMany(r => r.Heads).ToList())
        {
            Position = home.Position, Link = home.Link, LastCheckpoint = home.LastCheckpoint,
            SealedSinceCheckpoint = reports.Sum(r => r.SealedSinceCheckpoint),
            UncheckedCheckpoints = reports.Sum(r => r.UncheckedCheckpoints), Streams = reports.Sum(r => r.Streams),
            Entities = reports.SelectMany(r => r.Entities).OrderBy(h => h.Entity, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// Refuses an operation on the whole store's chain (a recorded digest, a checkpoint, a key rotation) when the
    /// store spans several databases (ADR 0031): each has its own global chain; per entity it works.
    /// </summary>
    /// <exception cref="DomainException">Several databases.</exception>
    public async Task RequireOneDatabaseAsync(string what)
    {
        var count = (await Tenancy.DatabasesAsync(store)).Count;
        if (count > 1)
            throw new DomainException($"L'archivio è distribuito su {count} database, ciascuno con la propria catena: "
                + $"{what} dell'intero archivio non è ancora disponibile. Usare --entity per ciascun ente.");
    }

    /// <summary>
    /// One administration's verification: each of its plans' streams and its entity chain, reported with the
    /// entity chain's head only (its count and last link) — nothing of the global chain or of the others. A successor
    /// (ADR 0030) covers its predecessors: each one's chain must pass through the head the merger recorded, and end
    /// there but for its dissolution; their heads are reported after the successor's.
    /// </summary>
    /// <param name="recorded">The head a successor's merger recorded for this administration, if it was merged.
    /// </param>
    async Task<LedgerReport> VerifyEntityAsync(Actor by, EntityId entity, LedgerEvidence evidence,
        CancellationToken ct, (EntityHead Head, string Which)? recorded = null)
    {
        IReadOnlyList<string> plans;
        Administration state;
        await using (var session = TenantSessions.Query(store, by, entity))
        {
            plans = await session.Query<Plan>().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
            state = session.TenantId == Tenancy.Nobody ? Administration.New(entity.Value)
                : await EntityService.StateAsync(session, entity.Value, ct);
        }
        var ownStream = state.Mergers.Count > 0 || state.IsDissolved;
        if (plans.Count == 0 && !ownStream)
            throw new NotFoundException($"Ente «{entity}» non trovato: nessun piano da verificare.");
        var reports = new List<LedgerReport>();
        foreach (var plan in plans) reports.Add(await _ledger.VerifyWithAsync(PlanId.Parse(plan), evidence, ct));
        if (ownStream)
            reports.Add(await _ledger.VerifyStreamAsync(EntityStreams.Of(entity.Value), evidence,
                recorded is { } r ? [r] : [], ct));
        var head = reports[^1].Entities.FirstOrDefault(h => h.Entity == entity.Value);
        var problems = reports.SelectMany(r => r.Problems).ToList();
        if (recorded is { } merged && head is not null && head.Position > merged.Head.Position + 1)
        {
            var after = head.Position - merged.Head.Position - 1;
            problems.Add(new("registro", head.Position, null, $"l'ente {entity} ha {after} "
                + $"{(after == 1 ? "sigillo" : "sigilli")} dopo la {merged.Which}: scritture dopo la chiusura"));
        }
        var predecessors = new List<LedgerReport>();
        foreach (var m in state.Mergers)
            foreach (var p in m.Predecessors)
                predecessors.Add(await VerifyEntityAsync(by, EntityId.Parse(p.Entity), evidence, ct,
                    (new EntityHead(p.Entity, p.Position, p.Link),
                        $"fusione in {entity} dal {ItalianFormat.Date(m.On)} ({m.Act})")));
        problems.AddRange(predecessors.SelectMany(r => r.Problems));
        return new LedgerReport(problems.Count == 0 && reports.Concat(predecessors).All(r => r.Verified),
            reports.Sum(r => r.Events) + predecessors.Sum(r => r.Events), head?.Link ?? "",
            problems.FirstOrDefault(), problems, [])
        {
            Position = head?.Position ?? 0, Link = head?.Link ?? "",
            Streams = reports.Sum(r => r.Streams) + predecessors.Sum(r => r.Streams),
            Entities = [.. head is null ? [] : new[] { head }, .. predecessors.SelectMany(r => r.Entities)],
        };
    }

    /// <summary>
    /// A digest of <paramref name="entity"/>'s chain (exported, not recorded: the ledger's stream of digests is the
    /// operator's), or of the whole store (recorded) for whom may read it all.
    /// </summary>
    /// <exception cref="DomainException">The chain does not verify: no digest of an altered history.</exception>
    public async Task<LedgerDigestFile> DigestAsync(Actor by, EntityId? entity, CancellationToken ct)
    {
        if (entity is null)
        {
            await RequireWholeStoreAsync(by, ct);
            await RequireOneDatabaseAsync("il digest");
            return await _ledger.DigestAsync(by.User, ct);
        }
        var report = await VerifyEntityAsync(by, entity, new LedgerEvidence(), ct);
        if (report.FirstBad is { } bad && !report.Verified)
            throw new DomainException($"Il registro non è integro ({bad.Reason}, {bad.Stream} v{bad.Version}): "
                + "nessun digest su una storia alterata.");
        return new LedgerDigestFile(report.Head, [], clock.GetCurrentInstant(), Entities: report.Entities);
    }

    /// <summary>Refuses the whole store to whom does not act for every administration it holds.</summary>
    /// <exception cref="ForbiddenException">Another administration's chain is in the store.</exception>
    public async Task RequireWholeStoreAsync(Actor by, CancellationToken ct)
    {
        if (by.ActsForAll) return;
        var schema = store.Options.Events.DatabaseSchemaName;
        var others = new List<string>();
        foreach (var database in await Tenancy.DatabasesAsync(store))
        {
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(
                $"select entity from {schema}.{LedgerSchema.EntityHeadTable} order by entity", conn);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                if (!by.ActsFor(r.GetString(0))) others.Add(r.GetString(0));
        }
        if (others.Count > 0)
            throw new ForbiddenException($"L'archivio serve più amministrazioni: l'utente «{by.User}» può verificare "
                + "solo il registro dei propri enti. Indicare --entity "
                + string.Join(" oppure --entity ", by.Scope) + " (il registro intero è dell'operatore).");
    }
}
