namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A plan in the home page's list.</summary>
public sealed record PlanListItem(string Id, string EntityName, int Year, string Status, int Version)
{
    /// <summary>The item of a listed plan.</summary>
    public static PlanListItem From(PlanListEntry p) =>
        new(p.Id, p.EntityName, p.Year, StatusNames.Of(p.Status), p.Version);
}

/// <summary>The home page: one page of plans, and where the previous and next pages are (null at either end).
/// </summary>
public sealed record PlanListModel(
    IReadOnlyList<PlanListItem> Plans, int Page, int Pages, int Total, string? Previous, string? Next)
{
    /// <summary>The model of one page of the list; links keep the page size asked.</summary>
    public static PlanListModel From(PlanListPage list)
    {
        var (page, pages, size) = (list.Paging.Number, list.Pages, list.Paging.Size);
        string Link(int n) => size == Paging.DefaultSize ? $"/?pagina={n}" : $"/?pagina={n}&per={size}";
        return new PlanListModel(list.Plans.Select(PlanListItem.From).ToList(), page, pages, list.Total,
            page > 1 ? Link(Math.Min(page - 1, pages)) : null, page < pages ? Link(page + 1) : null);
    }
}
