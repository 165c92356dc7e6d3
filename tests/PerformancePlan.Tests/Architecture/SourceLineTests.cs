namespace PerformancePlan.Tests.Architecture;

/// <summary>Lines a reader sees whole: no C# or Razor source line over the <c>.editorconfig</c> limit.</summary>
public class SourceLineTests
{
    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PerformancePlan.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PerformancePlan.sln not found above the tests");
    }

    static int Limit(string root) =>
        File.ReadLines(Path.Combine(root, ".editorconfig")).Select(l => l.Replace(" ", ""))
            .Where(l => l.StartsWith("max_line_length=") && int.TryParse(l["max_line_length=".Length..], out _))
            .Select(l => int.Parse(l["max_line_length=".Length..])).First();

    [Fact]
    public void No_source_line_is_over_the_editorconfig_limit()
    {
        var root = RepositoryRoot();
        var limit = Limit(root);
        var sources = new[] { "src", "tests" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.*",
                SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        var tooLong = sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Length > limit)
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1} ({x.line.Length})").ToList();

        limit.ShouldBe(120);
        tooLong.ShouldBeEmpty();
    }

    [Fact]
    public void No_file_keeps_a_merge_conflict_marker()
    {
        var root = RepositoryRoot();
        string[] kinds = [".cs", ".razor", ".md", ".json", ".csv", ".css", ".props", ".csproj", ".sln"];
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => kinds.Any(f.EndsWith))
            .Where(f => !new[] { "obj", "bin", ".git", "TestResults", "node_modules" }
                .Any(d => f.Contains($"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}")));

        var markers = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.StartsWith("<<<<<<< ") || x.line.StartsWith(">>>>>>> ") || x.line == "=======")
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}").ToList();

        markers.ShouldBeEmpty();
    }
}
