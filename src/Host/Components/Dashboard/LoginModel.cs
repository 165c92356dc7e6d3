namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>The login page: the name of the user the cookie's token authenticates, or null.</summary>
public sealed record LoginModel(string? User);
