namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>
/// The embedded provider's sign-in form: where to go back after it, the antiforgery token, the refusal to show (if
/// any), the name typed, and the demo accounts with their password (on loopback, when <c>perfplan demo</c> made them).
/// </summary>
public sealed record CredentialsModel(string? ReturnUrl, string AntiforgeryToken, string? Error, string? User,
    IReadOnlyList<DemoUser> DemoUsers, string? DemoPassword);

/// <summary>A demo account: user name and what it stands for.</summary>
public sealed record DemoUser(string User, string Name);
