namespace PerformancePlan.Host.Database;

/// <summary>An exclusive lock on a file, so two perfplan processes do not create or start one cluster twice.</summary>
public static class FileLock
{
    public static async Task<IDisposable> AcquireAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(100, ct); }
        }
    }
}
