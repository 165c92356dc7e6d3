namespace PerformancePlan.Host.Cli;

/// <summary>Exit codes of <c>perfplan</c> (and <see cref="LedgerCommands.NotVerified"/>, 4, for an altered ledger).
/// </summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The database could not be reached, or another failure outside the user's input.</summary>
    public const int Failure = 1;

    /// <summary>Unreadable or invalid input: nothing written.</summary>
    public const int InvalidInput = 2;

    /// <summary>A rule of the plan, a role, or a concurrent write refused it: nothing written.</summary>
    public const int RefusedByRule = 3;
}
