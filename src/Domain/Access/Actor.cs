namespace PerformancePlan.Domain.Access;

/// <summary>What a user may do (BRIEF §4).</summary>
public enum Role { Admin, OfficeStaff, Approver, Oiv, Analyst, Holder }

/// <summary>
/// The user acting, as configured: roles, the offices whose indicators they record (office staff) and the holder
/// code whose scorecard is theirs (holders). Passed into commands; the domain decides what it allows.
/// </summary>
public sealed record Actor(string User, IReadOnlyList<Role> Roles, IReadOnlyList<string> Offices, string? Holder = null)
{
    /// <summary>Offices that stand for "every office" on an indicator.</summary>
    public const string AllOffices = "TUTTI";

    public bool Is(Role role) => Roles.Contains(role);

    public static string RoleName(Role r) => r switch
    {
        Role.Admin => "amministratore",
        Role.OfficeStaff => "personale d'ufficio",
        Role.Approver => "approvatore (Giunta)",
        Role.Oiv => "OIV",
        Role.Analyst => "analista",
        _ => "titolare",
    };
}
