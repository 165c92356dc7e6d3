using PerformancePlan.Projections;

namespace PerformancePlan.Host.Database;

/// <summary>
/// Where the event store lives: the server named by <c>--db</c> or <c>PERFPLAN_DB</c>, else the embedded default
/// (a private cluster from the machine's PostgreSQL binaries). Disposing stops a cluster this process started.
/// </summary>
public sealed class DatabaseConnection : IAsyncDisposable
{
    readonly EmbeddedPostgres? _embedded;

    DatabaseConnection(string connectionString, EmbeddedPostgres? embedded, DatabaseLayout? layout = null)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
        Layout = layout;
    }

    public string ConnectionString { get; }

    /// <summary>Several databases, each with its administrations (<c>--databases</c>, ADR 0031); null: one.
    /// </summary>
    public DatabaseLayout? Layout { get; }
    public string Description => Layout is { } l ? $"{l.Databases.Count} database configurati"
        : _embedded is null ? "server configurato"
        : $"PostgreSQL incorporato (127.0.0.1:{_embedded.Port})";

    /// <param name="databases">The file listing several databases and their administrations (<c>--databases</c>,
    /// else <c>PERFPLAN_DATABASES</c>): when given, it replaces <paramref name="configured"/> and the embedded one.
    /// </param>
    /// <exception cref="DomainException">The databases file is missing or not a valid list.</exception>
    public static async Task<DatabaseConnection> OpenAsync(string? configured, CancellationToken ct,
        string? databases = null)
    {
        var file = databases is { Length: > 0 } ? databases : Environment.GetEnvironmentVariable("PERFPLAN_DATABASES");
        if (file is { Length: > 0 })
        {
            if (!File.Exists(file))
                throw new DomainException($"File dei database non trovato: {Path.GetFullPath(file)} (--databases o "
                    + "PERFPLAN_DATABASES). Indicare un file JSON esistente.");
            var layout = DatabaseLayout.Parse(await File.ReadAllTextAsync(file, ct), file);
            return new DatabaseConnection(layout.Home.Connection, null, layout);
        }
        var connection = configured is { Length: > 0 } ? configured : Environment.GetEnvironmentVariable("PERFPLAN_DB");
        if (connection is { Length: > 0 }) return new DatabaseConnection(connection, null);
        var options = new EmbeddedPostgresOptions(EmbeddedPostgresOptions.DefaultRoot());
        var embedded = await EmbeddedPostgres.StartAsync(options, ct);
        return new DatabaseConnection(embedded.ConnectionString, embedded);
    }

    /// <summary>
    /// While <paramref name="ct"/> runs, every <paramref name="every"/> checks that the embedded cluster is up and
    /// starts it again if it died (a <c>kill -9</c>, an out-of-memory kill), so a long-running <c>serve</c> recovers
    /// without a restart. Nothing to do for a configured server: its own supervisor restarts it.
    /// </summary>
    public async Task KeepAliveAsync(TimeSpan every, Action<string> said, CancellationToken ct)
    {
        if (_embedded is null) return;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, ct);
                if (await _embedded.EnsureRunningAsync(ct))
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    said($"PostgreSQL incorporato riavviato (porta {_embedded.Port}).");
                }
            }
            catch (OperationCanceledException) { return; }
            catch (PostgresUnavailableException e) { said(e.Message); }
        }
    }

    /// <summary>A connection to an embedded cluster under <paramref name="root"/> (tests and tools).</summary>
    public static async Task<DatabaseConnection> OpenEmbeddedAsync(string root, CancellationToken ct)
    {
        var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(root), ct);
        return new DatabaseConnection(embedded.ConnectionString, embedded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
