namespace PerformancePlan.Host.Database;

/// <summary>
/// Where the event store lives: the server named by <c>--db</c> or <c>PERFPLAN_DB</c>, else the embedded default
/// (a private cluster from the machine's PostgreSQL binaries). Disposing stops a cluster this process started.
/// </summary>
public sealed class DatabaseConnection : IAsyncDisposable
{
    readonly EmbeddedPostgres? _embedded;

    DatabaseConnection(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }
    public string Description => _embedded is null
        ? "server configurato"
        : $"PostgreSQL incorporato (127.0.0.1:{_embedded.Port})";

    public static async Task<DatabaseConnection> OpenAsync(string? configured, CancellationToken ct)
    {
        var connection = configured is { Length: > 0 } ? configured : Environment.GetEnvironmentVariable("PERFPLAN_DB");
        if (connection is { Length: > 0 }) return new DatabaseConnection(connection, null);
        var options = new EmbeddedPostgresOptions(EmbeddedPostgresOptions.DefaultRoot());
        var embedded = await EmbeddedPostgres.StartAsync(options, ct);
        return new DatabaseConnection(embedded.ConnectionString, embedded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
