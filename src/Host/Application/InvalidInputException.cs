using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Application;

/// <summary>Input that names the field and the fix; nothing was written.</summary>
public sealed class InvalidInputException(IReadOnlyList<ImportIssue> issues)
    : Exception(string.Join("\n", issues.Select(i => i.ToString())))
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;
}
