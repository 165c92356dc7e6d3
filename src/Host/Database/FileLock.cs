namespace PerformancePlan.Host.Database;

/// <summary>
/// Advisory locks on files between perfplan processes (on Linux, .NET takes <c>flock</c>: exclusive for
/// <see cref="FileShare.None"/>, shared for a read-only open), released by the kernel when a process dies.
/// </summary>
public static class FileLock
{
    /// <summary>Waits (up to 5 minutes) for the exclusive lock on <paramref name="path"/>: one process at a time.
    /// </summary>
    /// <exception cref="PostgresUnavailableException">Still held by another process after 5 minutes.</exception>
    public static async Task<IDisposable> AcquireAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(50, ct); }
            catch (IOException)
            {
                throw new PostgresUnavailableException($"Un altro comando perfplan tiene occupato {path} da oltre "
                    + "5 minuti: attenderne la fine e ripetere il comando.");
            }
        }
    }

    /// <summary>A shared lock on <paramref name="path"/>, held until disposed: many holders at once.</summary>
    public static FileStream Shared(string path)
    {
        if (!File.Exists(path)) File.WriteAllBytes(path, []);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>Whether no other process (and no other stream here) holds a lock on <paramref name="path"/>.</summary>
    public static bool NobodyElseHolds(string path)
    {
        try { using var _ = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { return false; }
        return true;
    }
}
