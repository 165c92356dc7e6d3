using System.Text.RegularExpressions;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Architecture;

/// <summary>
/// ADR 0028: sessions of the event store are opened in one place, <c>Application/TenantSessions</c>, for an
/// administration and an actor; only the operator's benchmark (a store of its own) opens one itself.
/// </summary>
public partial class SessionFactoryTests
{
    static readonly string[] Allowed = ["TenantSessions.cs", "Benchmark.cs"];

    [Fact]
    public void No_code_outside_the_factory_opens_a_session_of_the_store()
    {
        var src = Path.Combine(SeedFiles.RepositoryRoot(), "src");
        var opening = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => !Allowed.Contains(Path.GetFileName(f)))
            .Where(f => Opens().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f));

        opening.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\.(LightweightSession|QuerySession|OpenSession|IdentitySession|DirtyTrackedSession)\(")]
    private static partial Regex Opens();
}
