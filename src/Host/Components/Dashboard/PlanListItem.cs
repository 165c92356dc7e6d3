namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A plan in the home page's list.</summary>
public sealed record PlanListItem(string Id, string EntityName, int Year, string Status, int Version)
{
    /// <summary>The item of a stored plan.</summary>
    public static PlanListItem From(Plan p) =>
        new(p.Id, p.EntityName, p.Year, StatusNames.Of(p.Status), p.CurrentVersion);
}
