using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>The seed plan file and variants of it with one defect each, written to temporary files.</summary>
public static class SeedFiles
{
    public static string PlanCsv => Path.Combine(RepositoryRoot(), "data", "cciaa-ms-2019.csv");

    /// <summary>
    /// A file of other administrations and of users' spreadsheets, as written (copied unedited from
    /// <c>shared/cases</c>): <paramref name="folder"/> is <c>plans</c>, <c>probes</c> or <c>files</c>.
    /// </summary>
    public static string Case(string folder, string name) =>
        Path.Combine(RepositoryRoot(), "tests", "PerformancePlan.Tests", "Cases", folder, name);

    public static string[] PlanLines() => File.ReadAllLines(PlanCsv);

    /// <summary>The demonstration users (src/Host/users.json), each bound to every administration (<c>*</c>): for
    /// tests of other administrations' plans run by the demo's users (ADR 0028).</summary>
    public static string UsersOfEveryEntity()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-users-").FullName, "users.json");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Host", "users.json"))
            .Replace("\"entities\": [\"cciaa-ms\"]", "\"entities\": [\"*\"]"));
        return path;
    }

    public static RawSheet PlanSheet() => SheetReader.Read(PlanCsv);

    /// <summary>Writes the seed file with <paramref name="edit"/> applied to its lines; returns the path.</summary>
    public static string Variant(Func<List<string>, List<string>> edit, string name = "piano.csv")
    {
        var dir = Directory.CreateTempSubdirectory("perfplan-file-");
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllLines(path, edit(PlanLines().ToList()));
        return path;
    }

    /// <summary>Replaces one cell of the row whose code is <paramref name="code"/>.</summary>
    public static List<string> SetCell(List<string> lines, string code, string column, string value)
    {
        var header = lines[0].Split(';');
        var col = Array.IndexOf(header, column);
        var i = lines.FindIndex(l => l.Split(';').ElementAtOrDefault(1) == code);
        if (col < 0 || i < 0) throw new ArgumentException($"no cell {code}/{column}");
        var cells = lines[i].Split(';');
        cells[col] = value;
        lines[i] = string.Join(';', cells);
        return lines;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PerformancePlan.sln"))) dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("PerformancePlan.sln not found above " + AppContext.BaseDirectory);
    }
}
