using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>One plan in a list: status in lower case (<c>draft</c>, <c>approved</c>…), version 0 for a draft.
/// </summary>
public sealed record PlanSummary(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, string Status, int Version)
{
    /// <summary>The summary of a plan in a list.</summary>
    public static PlanSummary Of(PlanListEntry p) => new(p.Id, p.Entity, p.EntityName, p.Year, p.Horizon,
        p.Status.ToString().ToLowerInvariant(), p.Version);
}

/// <summary>A plan as a list shows it: no tree, no methodology; <see cref="Version"/> 0 for a draft.</summary>
public sealed record PlanListEntry(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, PlanStatus Status, int Version);

/// <summary>A page of plans, and how many there are in all.</summary>
public sealed record PlanListPage(IReadOnlyList<PlanListEntry> Plans, Paging Paging, int Total)
{
    /// <summary>Pages the whole list fills (at least 1).</summary>
    public int Pages => Paging.PagesFor(Total);
}

/// <summary>
/// "Which plans are there?": one page of the stored plans by id, each read as the few fields a list shows (ADR 0022),
/// never the whole plan tree.
/// </summary>
public static class PlanListQuery
{
    /// <summary>The plans of <paramref name="paging"/>'s page, ordered by id, and the count of all plans, of the
    /// administrations <paramref name="reader"/> acts for (every one for nobody signed in: plans are public) —
    /// <paramref name="session"/> is a session across tenants (<see cref="TenantSessions.Across"/>).
    /// With several databases (ADR 0031) each is asked for its first pages and the lists merged by id.</summary>
    public static async Task<PlanListPage> PageAsync(IQuerySession session, Paging paging, Actor? reader,
        CancellationToken ct)
    {
        var databases = await Tenancy.DatabasesAsync(session.DocumentStore);
        if (databases.Count == 1) return await PageOfAsync(session, paging.Skip, paging.Size, paging, reader, ct);
        var parts = new List<PlanListPage>();
        foreach (var database in databases)
        {
            await using var each = TenantSessions.AcrossIn(session.DocumentStore, database);
            parts.Add(await PageOfAsync(each, 0, paging.Skip + paging.Size, paging, reader, ct));
        }
        var plans = parts.SelectMany(p => p.Plans).OrderBy(p => p.Id, StringComparer.Ordinal).Skip(paging.Skip)
            .Take(paging.Size).ToList();
        return new PlanListPage(plans, paging, parts.Sum(p => p.Total));
    }

    static async Task<PlanListPage> PageOfAsync(IQuerySession session, int skip, int take, Paging paging,
        Actor? reader, CancellationToken ct)
    {
        var scope = TenantSessions.InScope<Plan>(session.DocumentStore, reader);
        var rows = await session.Query<Plan>().Where(scope).OrderBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new { p.Id, p.Entity, p.EntityName, p.Year, p.Horizon, p.Status, p.Versions })
            .ToListAsync(ct);
        var total = await session.Query<Plan>().Where(scope).CountAsync(ct);
        var plans = rows.Select(p => new PlanListEntry(p.Id, p.Entity, p.EntityName, p.Year, p.Horizon,
            p.Status, p.Versions.Count == 0 ? 0 : p.Versions[^1].Number)).ToList();
        return new PlanListPage(plans, paging, total);
    }
}
