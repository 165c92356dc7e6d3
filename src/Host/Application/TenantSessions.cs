using System.Linq.Expressions;
using NodaTime.Text;
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
    /// <summary>The tenant <paramref name="actor"/> reads and writes <paramref name="entity"/> in.</summary>
    public static string TenantFor(Actor? actor, EntityId entity) =>
        actor is null || actor.ActsFor(entity.Value) ? Tenancy.Of(entity.Value) : Tenancy.Nobody;

    /// <summary>Reads of <paramref name="plan"/> as <paramref name="actor"/> (null: nobody signed in).</summary>
    public static IQuerySession Query(IDocumentStore store, Actor? actor, PlanId plan) =>
        Query(store, actor, plan.Entity);

    /// <summary>Reads of the administration <paramref name="entity"/> as <paramref name="actor"/>.</summary>
    public static IQuerySession Query(IDocumentStore store, Actor? actor, EntityId entity) =>
        store.QuerySession(TenantFor(actor, entity));

    /// <summary>
    /// Reads across the administrations of <paramref name="actor"/>: queries must filter with <see cref="InScope"/>
    /// (Marten's <c>TenantIsOneOf</c>, or <c>AnyTenant</c> for whom acts for all).
    /// </summary>
    public static IQuerySession Across(IDocumentStore store) => store.QuerySession(Tenancy.Nobody);

    /// <summary>The filter of a query across tenants: the documents of <paramref name="actor"/>'s administrations
    /// (every one for nobody signed in and for <see cref="Actor.AllEntities"/>).</summary>
    public static Expression<Func<T, bool>> InScope<T>(Actor? actor) where T : notnull =>
        actor is null || actor.ActsForAll ? x => x.AnyTenant()
            : x => x.TenantIsOneOf(actor.Scope.Select(Tenancy.Of).ToArray());

    /// <summary>
    /// The session a command of <paramref name="by"/> on <paramref name="plan"/> writes through: one correlation id
    /// per command, and the acting user, the command and its instant as headers on every event — the "who" and
    /// "when" the ledger seals.
    /// </summary>
    public static IDocumentSession Write(IDocumentStore store, Actor by, PlanId plan, string command, Instant at) =>
        Headed(store.LightweightSession(TenantFor(by, plan.Entity)), by.User, command, at);

    /// <summary>The session of the installation's own data — local accounts, the ledger's stream of digests — that
    /// belong to no administration.</summary>
    public static IDocumentSession Installation(IDocumentStore store) => store.LightweightSession(Tenancy.Installation);

    /// <summary>Reads of the installation's own data (<see cref="Installation"/>).</summary>
    public static IQuerySession InstallationQuery(IDocumentStore store) => store.QuerySession(Tenancy.Installation);

    /// <summary>A command's session on the installation's own data (a digest of the ledger), with its headers.
    /// </summary>
    public static IDocumentSession InstallationCommand(IDocumentStore store, string user, string command, Instant at) =>
        Headed(Installation(store), user, command, at);

    static IDocumentSession Headed(IDocumentSession session, string user, string command, Instant at)
    {
        session.CorrelationId = Guid.NewGuid().ToString();
        session.SetHeader("user", user);
        session.SetHeader("command", command);
        session.SetHeader("at", InstantPattern.ExtendedIso.Format(at));
        return session;
    }
}
