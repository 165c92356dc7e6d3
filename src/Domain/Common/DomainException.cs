namespace PerformancePlan.Domain.Common;

/// <summary>A business rule was broken. The message is written for the user, in Italian.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The acting user's role does not allow this; the message says which role would.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>What the command names does not exist.</summary>
public sealed class NotFoundException(string message) : DomainException(message);
