using Marten;
using Marten.Services;
using Npgsql;

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>
/// A Marten logger that keeps every command a store ran, with its parameters, so a test can ask PostgreSQL how it
/// would run them (<c>EXPLAIN</c>).
/// </summary>
public sealed class SqlRecorder : IMartenLogger, IMartenSessionLogger
{
    readonly List<(string Sql, NpgsqlParameter[] Parameters)> _commands = [];

    /// <summary>The commands run since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Commands
    {
        get { lock (_commands) return _commands.ToList(); }
    }

    public void Clear()
    {
        lock (_commands) _commands.Clear();
    }

    void Add(string sql, NpgsqlParameterCollection parameters)
    {
        lock (_commands) _commands.Add((sql, parameters.Select(p => p.Clone()).ToArray()));
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;
    public void SchemaChange(string sql) { }
    public void LogSuccess(NpgsqlCommand command) => Add(command.CommandText, command.Parameters);

    public void LogSuccess(NpgsqlBatch batch)
    {
        foreach (NpgsqlBatchCommand c in batch.BatchCommands) Add(c.CommandText, c.Parameters);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    public void OnBeforeExecute(NpgsqlCommand command) { }
    public void OnBeforeExecute(NpgsqlBatch batch) { }
}
