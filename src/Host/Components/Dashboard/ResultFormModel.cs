namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>The form recording a result on an indicator's page: where it posts and its antiforgery token.</summary>
public sealed record ResultFormModel(string Action, string AntiforgeryToken);
