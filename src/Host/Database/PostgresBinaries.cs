using PerformancePlan.Host.Platform;

namespace PerformancePlan.Host.Database;

/// <summary>Finds the machine's PostgreSQL server binaries (Debian's <c>postgresql</c> package).</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL non trovato: servono i programmi del server (initdb, pg_ctl, postgres). " +
        "Installarli con «sudo apt-get install postgresql» (Debian/Ubuntu), " +
        "oppure indicare la cartella con PERFPLAN_PG_BIN, " +
        "oppure usare un server esistente con --db \"Host=…;Database=…;Username=…;Password=…\" o PERFPLAN_DB.";

    public static string Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PERFPLAN_PG_BIN") is { Length: > 0 } fromEnv) candidates.Add(fromEnv);
        if (ProcessRunner.TryRun("pg_config", ["--bindir"], out var output)) candidates.Add(output.Trim());
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        return Find(candidates);
    }

    /// <summary>
    /// The first folder holding initdb, pg_ctl and postgres; a clear error naming the fix when none does.
    /// </summary>
    public static string Find(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(IsServerBin) ?? throw new PostgresUnavailableException(InstallHint);

    static bool IsServerBin(string dir) =>
        File.Exists(Path.Combine(dir, "initdb"))
        && File.Exists(Path.Combine(dir, "pg_ctl"))
        && File.Exists(Path.Combine(dir, "postgres"));
}

public sealed class PostgresUnavailableException(string message) : Exception(message);
