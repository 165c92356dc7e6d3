namespace PerformancePlan.Domain.Common;

/// <summary>A business rule was broken. The message is written for the user, in Italian.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The acting user's role does not allow this; the message says which role would.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>What the command names does not exist.</summary>
public class NotFoundException(string message) : DomainException(message);

/// <summary>
/// The plan a command names does not exist — or belongs to an administration the actor does not act for, which must
/// answer exactly the same (ADR 0028): «Piano «<paramref name="plan"/>» non trovato.», HTTP 404 with the body of a
/// read of an unknown plan.
/// </summary>
public sealed class PlanNotFoundException(string plan) : NotFoundException($"Piano «{plan}» non trovato.")
{
    /// <summary>The plan id as the command named it.</summary>
    public string Plan { get; } = plan;
}
