namespace PerformancePlan.Domain.Common;

/// <summary>A business rule was broken. The message is written for the user, in Italian.</summary>
public class DomainException(string message) : Exception(message);
