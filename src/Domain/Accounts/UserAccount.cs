using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Accounts;

/// <summary>
/// A local account of the embedded sign-in (ADR 0026): who the person is to the policy (roles, offices, holder, as
/// in <c>users.json</c>), the hash of their password (never the password), whether an administrator disabled it, and
/// the failed sign-ins that lock it (<see cref="Lockout"/>). Stored as a document, not as events: it is the host's
/// configuration, not the plan's history. <see cref="Id"/> is the user name in lower case.
/// </summary>
public sealed record UserAccount(
    string Id, string? DisplayName, IReadOnlyList<Role> Roles, IReadOnlyList<string> Offices, string? Holder,
    string PasswordHash, Instant CreatedAt)
{
    /// <summary>Disabled by an administrator: no sign-in, no <c>--as</c>, sessions end at their next request.</summary>
    public bool Disabled { get; init; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-in is refused after <see cref="Lockout.MaxFailures"/> failures; null if not locked.
    /// </summary>
    public Instant? LockedUntil { get; init; }

    /// <summary>The generation of the account's sessions: signing out, or a new password, starts the next one, and a
    /// session (or the provider's sign-in) opened in an earlier one is over at its next request.</summary>
    public int Sessions { get; init; }

    /// <summary>Created by <c>perfplan demo</c> with the published demo password: refused off loopback.</summary>
    public bool Demo { get; init; }

    /// <summary>The administrations the user acts for (<c>*</c>: all); null on accounts made before issue #10, which
    /// act for the default entity (<see cref="Actor.DefaultEntity"/>).</summary>
    public IReadOnlyList<string>? Entities { get; init; }

    /// <summary>The acting user the policy checks.</summary>
    public Actor Actor => new(Id, Roles, Offices, Holder, Entities);

    /// <summary>Whether <paramref name="manager"/> (an administrator) may see and manage this account: it acts only
    /// for administrations of the manager's.</summary>
    public bool ManagedBy(Actor manager) => manager.ActsForAll || Actor.Scope.All(manager.ActsFor);

    /// <summary>Whether sign-in is refused at <paramref name="now"/> because of earlier failures.</summary>
    public bool IsLockedAt(Instant now) => LockedUntil is { } until && now < until;

    /// <summary>After a wrong password at <paramref name="now"/>: one more failure; the last allowed locks it.
    /// </summary>
    public UserAccount FailedAt(Instant now) => FailedSignIns + 1 >= Lockout.MaxFailures
        ? this with { FailedSignIns = 0, LockedUntil = now + Lockout.Duration }
        : this with { FailedSignIns = FailedSignIns + 1 };

    /// <summary>After a successful sign-in: the count of failures starts again.</summary>
    public UserAccount Succeeded() => this with { FailedSignIns = 0, LockedUntil = null };
}

/// <summary>The lockout rule: <see cref="MaxFailures"/> wrong passwords in a row lock sign-in for
/// <see cref="Duration"/>.</summary>
public static class Lockout
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly Duration Duration = Duration.FromMinutes(15);
}
