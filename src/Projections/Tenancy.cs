using JasperFx.MultiTenancy;
using Marten;
using Marten.Storage;
using PerformancePlan.Domain.Accounts;

namespace PerformancePlan.Projections;

/// <summary>
/// Administrations are Marten tenants (ADR 0028): the one place that says how. Conjoined tenancy in one database —
/// events and read models carry the entity code (<c>cciaa-ms</c>) as <c>tenant_id</c>, every session is opened for
/// one tenant and Marten filters every load, query and stream read by it. Local accounts stay global (a user may act
/// for several administrations), and so does the ledger's own stream of digests (the operator's).
/// </summary>
public static class Tenancy
{
    /// <summary>The tenant of what belongs to no administration: accounts, the ledger's stream, rows written before
    /// tenancy (moved to their entity by <c>db migrate</c>).</summary>
    public const string Installation = "*DEFAULT*";

    /// <summary>The tenant no administration has: a session opened on it finds nothing and may write nothing, which
    /// is how an actor outside a plan's entity meets it (as a plan that does not exist).</summary>
    public const string Nobody = "~nessun-ente";

    /// <summary>The tenant of the administration <paramref name="entity"/>: its code.</summary>
    public static string Of(string entity) => entity;

    /// <summary>
    /// Conjoined tenancy for events and documents; accounts global. With a <paramref name="layout"/> of several
    /// databases (ADR 0031), Marten's static multi-database tenancy places each administration's tenant in its
    /// database (still conjoined inside it); the home database, the default, holds the installation's tenant and
    /// <see cref="Nobody"/>. Without one, the single database of <c>opts.Connection</c> holds everything.
    /// </summary>
    public static void Configure(StoreOptions opts, DatabaseLayout? layout = null)
    {
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Policies.AllDocumentsAreMultiTenanted();
        opts.Schema.For<UserAccount>().SingleTenanted();
        opts.Schema.For<PerformancePlan.Domain.Entities.Succession>().SingleTenanted().Index(s => s.Successor);
        if (layout is null) return;
        opts.MultiTenantedDatabases(x =>
        {
            foreach (var d in layout.Databases)
            {
                var tenants = d == layout.Home ? [.. d.Entities.Select(Of), Installation, Nobody]
                    : d.Entities.Select(Of).ToArray();
                var placed = x.AddMultipleTenantDatabase(d.Connection, d.Name).ForTenants(tenants);
                if (d == layout.Home) placed.AsDefault();
            }
        });
        opts.Advanced.DefaultTenantUsageEnabled = true;   // the installation's own data, in the home database
    }

    /// <summary>Whether <paramref name="tenant"/> has a database in <paramref name="store"/>: always with one
    /// database; with several, only the administrations the layout places (and the installation's tenants).</summary>
    public static bool IsPlaced(IDocumentStore store, string tenant)
    {
        try
        {
            store.Options.Tenancy.GetTenant(tenant);
            return true;
        }
        catch (UnknownTenantIdException) { return false; }
    }

    /// <summary>The database holding <paramref name="entity"/>'s events, chains and read models; the home database
    /// for an administration the layout does not place (where it has nothing).</summary>
    public static IMartenDatabase DatabaseOf(IDocumentStore store, string entity) =>
        IsPlaced(store, Of(entity)) ? store.Options.Tenancy.GetTenant(Of(entity)).Database : Home(store);

    /// <summary>The home database: the installation's own data (ADR 0031); the only one without a layout.</summary>
    public static IMartenDatabase Home(IDocumentStore store) => store.Options.Tenancy.Default.Database;

    /// <summary>The name of <paramref name="database"/>: the layout's (<c>--databases</c>), or Marten's own for the
    /// one database of a store without a layout.</summary>
#pragma warning disable CS0618   // Marten 9 favours the Id value object; the name given in the layout is this one
    public static string NameOf(IMartenDatabase database) => database.Identifier;
#pragma warning restore CS0618

    /// <summary>Every database of the store, the home one first: what whole-store operations loop over.</summary>
    public static async Task<IReadOnlyList<IMartenDatabase>> DatabasesAsync(IDocumentStore store)
    {
        var home = Home(store);
        var all = await store.Storage.AllDatabases();
        return [home, .. all.Where(d => !ReferenceEquals(d, home) && !Equals(d.Id, home.Id))];
    }
}
