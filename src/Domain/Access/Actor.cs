namespace PerformancePlan.Domain.Access;

/// <summary>What a user may do (BRIEF §4).</summary>
public enum Role { Admin, OfficeStaff, Approver, Oiv, Analyst, Holder }

/// <summary>
/// The user acting, as configured: roles, the offices whose indicators they record (office staff), the holder
/// code whose scorecard is theirs (holders) and the administrations (entities) they act for — roles and offices hold
/// in each of them (ADR 0028). Passed into commands; the domain decides what it allows.
/// </summary>
/// <param name="Entities">Entity codes (<c>cciaa-ms</c>), or <see cref="AllEntities"/> for an operator of the whole
/// deployment; null means the default entity <c>cciaa-ms</c>, the one administration of stores before issue #10.
/// </param>
public sealed record Actor(string User, IReadOnlyList<Role> Roles, IReadOnlyList<string> Offices, string? Holder = null,
    IReadOnlyList<string>? Entities = null)
{
    /// <summary>The entity code that binds a user to every administration of the deployment.</summary>
    public const string AllEntities = "*";

    /// <summary>The entity of actors that name none: the seed's administration.</summary>
    public const string DefaultEntity = "cciaa-ms";

    /// <summary>The entities the actor acts for (<see cref="DefaultEntity"/> when none was named).</summary>
    public IReadOnlyList<string> Scope => Entities is { Count: > 0 } e ? e : [DefaultEntity];

    /// <summary>Bound to every administration (<see cref="AllEntities"/>).</summary>
    public bool ActsForAll => Scope.Contains(AllEntities);

    /// <summary>Whether the actor acts for the administration <paramref name="entity"/>.</summary>
    public bool ActsFor(string entity) => ActsForAll || Scope.Contains(entity, StringComparer.Ordinal);

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
