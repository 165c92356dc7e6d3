namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>
/// The session page: the user signed in (name, roles, offices, holder) and the antiforgery token of the sign-out form;
/// or, with no user, why the last sign-in failed.
/// </summary>
public sealed record LoginModel(string? User, string Description = "", string AntiforgeryToken = "",
    string? Error = null);
