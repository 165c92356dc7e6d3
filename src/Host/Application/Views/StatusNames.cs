namespace PerformancePlan.Host.Application.Views;

/// <summary>The Italian names of a plan's lifecycle states, as tables, pages and reports print them.</summary>
public static class StatusNames
{
    /// <summary>bozza, approvato, chiuso, validato.</summary>
    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "bozza",
        PlanStatus.Approved => "approvato",
        PlanStatus.Closed => "chiuso",
        _ => "validato",
    };
}
