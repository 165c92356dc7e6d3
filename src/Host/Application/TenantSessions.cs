using System.Linq.Expressions;
using NodaTime.Text;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The one way a use case, a query or a door opens the event store (ADR 0028): a session for one administration,
/// chosen by the plan (its id's prefix is the entity) and allowed by the actor. An actor not bound to the plan's
/// entity gets a session on <see cref="Tenancy.Nobody"/>: the plan is not there, so every door answers exactly as for
/// a plan that does not exist (HTTP 404, the CLI's «Piano … non trovato» and its exit code), by construction, and
/// nothing can be written. Nobody signed in (public reads) reads every administration's public data.
/// </summary>
public static class TenantSessions
{
    /// <summary>
    /// The tenant <paramref name="actor"/> reads and writes <paramref name="entity"/> in: the entity's own when the
    /// actor acts for it — or for an administration it was merged into (ADR 0030: a successor's users read their
    /// predecessors' history; the ledger refuses writes to a dissolved administration) — else nobody's.
    /// </summary>
    public static string TenantFor(IDocumentStore store, Actor? actor, EntityId entity) =>
        actor is null || actor.ActsFor(entity.Value) || SuccessorsOf(store, entity.Value).Any(actor.ActsFor)
            ? Tenancy.Of(entity.Value) : Tenancy.Nobody;

    /// <summary>Reads of <paramref name="plan"/> as <paramref name="actor"/> (null: nobody signed in).</summary>
    public static IQuerySession Query(IDocumentStore store, Actor? actor, PlanId plan) =>
        Query(store, actor, plan.Entity);

    /// <summary>Reads of the administration <paramref name="entity"/> as <paramref name="actor"/>; an administration
    /// no database holds (several databases, ADR 0031) has nothing to read: <see cref="Tenancy.Nobody"/>'s session.
    /// </summary>
    public static IQuerySession Query(IDocumentStore store, Actor? actor, EntityId entity) =>
        store.QuerySession(Placed(store, TenantFor(store, actor, entity)));

    /// <summary>
    /// The administrations <paramref name="entity"/> was merged into, nearest first (none for almost all). Asked only
    /// when the actor does not act for the entity itself: one primary-key read per merger.
    /// </summary>
    static IEnumerable<string> SuccessorsOf(IDocumentStore store, string entity)
    {
        var seen = new List<string> { entity };
        while (Successions(store, "id", [seen[^1]]).FirstOrDefault() is { } next && !seen.Contains(next.Successor))
            seen.Add(next.Successor);
        return seen.Skip(1);
    }

    /// <summary>
    /// The administrations <paramref name="actor"/> reads: its own and, transitively, those merged into them.
    /// </summary>
    public static IReadOnlyList<string> ReadableBy(IDocumentStore store, Actor actor)
    {
        var readable = actor.Scope.ToList();
        for (var frontier = readable.ToArray(); frontier.Length > 0; readable.AddRange(frontier))
            frontier = [.. Successions(store, "data->>'successor'", frontier).Select(s => s.Id).Except(readable)];
        return readable;
    }

    /// <summary>
    /// The rows of the successions index (<see cref="Succession"/>) whose <paramref name="column"/> is one of
    /// <paramref name="codes"/>. Synchronous, because opening a session is; Marten 9's own reads are asynchronous only.
    /// </summary>
    static List<(string Id, string Successor)> Successions(IDocumentStore store, string column, string[] codes)
    {
        using var conn = store.Options.Tenancy.Default.Database.CreateConnection();
        conn.Open();
        using var cmd = new Npgsql.NpgsqlCommand($"select id, data->>'successor' from "
            + $"{store.Options.DatabaseSchemaName}.mt_doc_succession where {column} = any($1)", conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = codes });
        var rows = new List<(string, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1)));
        return rows;
    }

    static string Placed(IDocumentStore store, string tenant) =>
        Tenancy.IsPlaced(store, tenant) ? tenant : Tenancy.Nobody;

    /// <summary>
    /// Reads across the administrations of <paramref name="actor"/>: queries must filter with <see cref="InScope"/>
    /// (Marten's <c>TenantIsOneOf</c>, or <c>AnyTenant</c> for whom acts for all).
    /// </summary>
    public static IQuerySession Across(IDocumentStore store) => store.QuerySession(Tenancy.Nobody);

    /// <summary>Reads across the administrations of one <paramref name="database"/> of the store (ADR 0031): as
    /// <see cref="Across"/>, which reads the home database only.</summary>
    public static IQuerySession AcrossIn(IDocumentStore store, Marten.Storage.IMartenDatabase database) =>
        store.QuerySession(Marten.Services.SessionOptions.ForDatabase(Tenancy.Nobody, database));

    /// <summary>One <see cref="AcrossIn"/> session per database, the home one first: what a list of every
    /// administration reads when the store spans several (ADR 0031). The caller disposes them.</summary>
    public static async Task<IReadOnlyList<IQuerySession>> AcrossEachAsync(IDocumentStore store) =>
        (await Tenancy.DatabasesAsync(store)).Select(d => AcrossIn(store, d)).ToList();

    /// <summary>The filter of a query across tenants: the documents of <paramref name="actor"/>'s administrations
    /// (every one for nobody signed in and for <see cref="Actor.AllEntities"/>).</summary>
    public static Expression<Func<T, bool>> InScope<T>(IDocumentStore store, Actor? actor) where T : notnull
    {
        if (actor is null || actor.ActsForAll) return x => x.AnyTenant();
        var tenants = ReadableBy(store, actor).Select(Tenancy.Of).ToArray();
        return x => x.TenantIsOneOf(tenants);
    }

    /// <summary>
    /// The session a command of <paramref name="by"/> on <paramref name="plan"/> writes through: one correlation id
    /// per command, and the acting user, the command and its instant as headers on every event — the "who" and
    /// "when" the ledger seals.
    /// </summary>
    public static IDocumentSession Write(IDocumentStore store, Actor by, PlanId plan, string command, Instant at) =>
        Write(store, by, plan.Entity, command, at);

    /// <summary>A command's session on the administration <paramref name="entity"/> itself (its own stream).
    /// </summary>
    /// <exception cref="DomainException">The store spans several databases and none holds the administration
    /// (ADR 0031): where it should live is a decision of the deployment.</exception>
    public static IDocumentSession Write(IDocumentStore store, Actor by, EntityId entity, string command,
        Instant at)
    {
        var tenant = TenantFor(store, by, entity);
        if (!Tenancy.IsPlaced(store, tenant))
            throw new DomainException($"L'ente «{entity}» non è assegnato a nessuno dei database di questa "
                + "installazione: nessun evento scritto. Aggiungerlo agli «entities» di un database nel file "
                + "indicato da --databases (o PERFPLAN_DATABASES) ed eseguire «perfplan db migrate».");
        return Headed(store.LightweightSession(tenant), by.User, command, at);
    }

    /// <summary>The session of the installation's own data — local accounts, the ledger's stream of digests — that
    /// belong to no administration.</summary>
    public static IDocumentSession Installation(IDocumentStore store) => store.LightweightSession(Tenancy.Installation);

    /// <summary>Reads of the installation's own data (<see cref="Installation"/>).</summary>
    public static IQuerySession InstallationQuery(IDocumentStore store) => store.QuerySession(Tenancy.Installation);

    /// <summary>A command's session on the installation's own data (a digest of the ledger), with its headers: in
    /// <paramref name="database"/> when given (each database records the digests of its own chains, ADR 0031).
    /// </summary>
    public static IDocumentSession InstallationCommand(IDocumentStore store, string user, string command, Instant at,
        Marten.Storage.IMartenDatabase? database = null) =>
        Headed(database is null ? Installation(store) : store.LightweightSession(
            Marten.Services.SessionOptions.ForDatabase(Tenancy.Installation, database)), user, command, at);

    static IDocumentSession Headed(IDocumentSession session, string user, string command, Instant at)
    {
        session.CorrelationId = Guid.NewGuid().ToString();
        session.SetHeader("user", user);
        session.SetHeader("command", command);
        session.SetHeader("at", InstantPattern.ExtendedIso.Format(at));
        return session;
    }
}
