using JasperFx.MultiTenancy;
using Marten;
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

    /// <summary>Conjoined tenancy for events and documents; accounts global.</summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Policies.AllDocumentsAreMultiTenanted();
        opts.Schema.For<UserAccount>().SingleTenanted();
        opts.Schema.For<PerformancePlan.Domain.Entities.Succession>().SingleTenanted().Index(s => s.Successor);
    }
}
