using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// An error nobody foresaw (here: a table dropped under the running service) is a 500 that names a correlation id and
/// shows no exception, and the same id is in the service's log with the exception — so an operator finds it (#14).
/// </summary>
public class InternalErrorTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    readonly Captured _log = new();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _host.StartAsync(approved: true, Ct);
        _host.Services.GetRequiredService<ILoggerFactory>().AddProvider(_log);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_500_names_its_correlation_id_and_the_log_has_it_with_the_exception()
    {
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            var schema = _host.Store.Options.DatabaseSchemaName;
            await using var drop = new NpgsqlCommand($"drop table {schema}.mt_doc_indicatorresults cascade", conn);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        var response = await _host.Client().GetAsync("/api/plans/cciaa-ms-2019/scores", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("   at ");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("correlationId").GetString()!;
        id.ShouldNotBeNullOrWhiteSpace();
        _log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains(id) && e.Exception != null,
            string.Join("\n", _log.Entries.Select(e => e.Message)));
    }

    sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    /// <summary>Every log entry of the host, kept in memory.</summary>
    sealed class Captured : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose() { }

        sealed class Logger(ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}
