namespace PerformancePlan.Domain.Access;

/// <summary>What the access table answers: allowed, a user is needed (none was named), or refused.</summary>
public enum AccessOutcome { Allowed, NeedsUser, Refused }

/// <summary>
/// The answer to «may this actor do this?»: the outcome and, when not allowed, the Italian sentence that says what was
/// asked and who may (transports add how to name a user: <c>--as</c>, a token, signing in).
/// </summary>
public sealed record AccessDecision(AccessOutcome Outcome, string Sentence)
{
    /// <summary>True when the capability may be exercised.</summary>
    public bool Allowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// What a capability is exercised on, when the table's scope depends on it: a holder's scorecard, or an indicator
/// and its offices. <see cref="Name"/> completes the sentence («… la scheda individuale di PO3»).
/// </summary>
public sealed record AccessResource(string Name, string? Holder = null, IReadOnlyList<string>? Offices = null)
{
    /// <summary>The scorecard of <paramref name="holder"/> (a holder code, compared case-insensitively).</summary>
    public static AccessResource OfHolder(string holder) => new(holder.ToUpperInvariant(), Holder: holder);

    /// <summary>The indicator <paramref name="code"/>, whose results the <paramref name="offices"/> record.</summary>
    public static AccessResource OfIndicator(string code, IReadOnlyList<string> offices) =>
        new($"{code} (uffici {string.Join(", ", offices)})", Offices: offices);
}
