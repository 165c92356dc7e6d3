using System.Text.Json;
using Marten;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// Every statement PostgreSQL runs for one administration's writes and ledger checks — including those of the
/// ledger's trigger and functions, which no client-side recorder sees — explained by <c>auto_explain</c> with
/// sequential scans off: none may read our tables whole, nor walk an index whose leading key it does not constrain.
/// Under conjoined tenancy Marten's stream key leads with <c>tenant_id</c>; a lookup by stream id alone walked it
/// whole, so each sealed event cost a scan of the store's key and generating 1,000 administrations slowed with every
/// one added (issue #10, ADR 0032).
/// </summary>
public sealed class TenantLookupScanTests(PostgresCluster cluster) : IAsyncLifetime
{
    static readonly string[] Entities = ["ente-b", "ente-c", "ente-d"];
    // The head's one row too: every write updates it, so its file grows (22 MB at 5 million events) and a read
    // without its key reads every page of it.
    static readonly string[] Tables = ["mt_events", "mt_streams", LedgerListener.Table, LedgerSchema.HeadTable];
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly string _schema = "tscan_" + Guid.NewGuid().ToString("N")[..10];
    readonly PlanCapture _plans = new(cluster.Server.LogFile);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 9, 15, 8, 0));
    DocumentStore _store = null!;
    NpgsqlDataSource _source = null!;

    public async ValueTask InitializeAsync()
    {
        var explained = new NpgsqlConnectionStringBuilder(cluster.ConnectionString)
        {
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 "
                + "-c auto_explain.log_nested_statements=on -c auto_explain.log_format=json "
                + "-c enable_seqscan=off",
        };
        _source = NpgsqlDataSource.Create(explained.ConnectionString);
        _store = DocumentStore.For(o => EventStore.Configure(o, explained.ConnectionString, _schema));
        await EventStore.PrepareAsync(_store, Ct);
        foreach (var entity in Entities) await ImportAndApproveAsync(entity);
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _source.DisposeAsync();
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop schema if exists {_schema} cascade", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    async Task ImportAndApproveAsync(string entity)
    {
        var imported = await new PlanImportService(_store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Parse(entity), SeedPlan.Admin, false, Ct);
        await new PlanLifecycleService(_store, _clock).ApproveAsync(PlanId.Parse(imported.PlanId!),
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
    }

    [Fact]
    public async Task Recording_and_reverting_a_result_looks_every_stream_up_by_an_index_it_constrains()
    {
        var plan = PlanId.Parse("ente-c-2019");
        var results = new ResultService(_store, _clock);
        _plans.Clear();

        var recorded = await results.RecordAsync(plan, "O1.2.4-a", "3", "30/04/2019", null, "nota", SeedPlan.Admin,
            null, Ct);
        await results.RevertAsync(recorded.EntryId, "registrato per errore", SeedPlan.Admin, Ct);

        (await WholeScansAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Verifying_a_plan_and_an_entity_reads_only_by_indexes_it_constrains()
    {
        var ledger = new EntityLedger(_store, _clock);
        _plans.Clear();

        (await ledger.VerifyAsync(SeedPlan.Admin, PlanId.Parse("ente-b-2019"), null, new LedgerEvidence(), Ct))
            .Verified.ShouldBeTrue();
        (await ledger.VerifyAsync(SeedPlan.Admin, null, EntityId.Parse("ente-b"), new LedgerEvidence(), Ct))
            .Verified.ShouldBeTrue();

        (await WholeScansAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_capture_sees_the_ledgers_trigger_and_would_see_a_lookup_by_stream_id_alone()
    {
        var plan = PlanId.Parse("ente-d-2019");
        _plans.Clear();
        await new ResultService(_store, _clock).RecordAsync(plan, "O1.2.4-a", "4", "30/04/2019", null, "nota",
            SeedPlan.Admin, null, Ct);
        _plans.Statements.ShouldContain(s => s.Contains("pp_ledger_link") || s.Contains($"{_schema}.pp_ledger_head"));

        // The trigger's lookup of an event by stream and version, with ADR 0032's index dropped (and put back by
        // the rollback): the only index left is Marten's tenant-led key, and the check flags the walk through it.
        await using var conn = await _source.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await using (var hide = new NpgsqlCommand($"drop index {_schema}.pp_events_stream", conn, tx))
            await hide.ExecuteNonQueryAsync(Ct);
        _plans.Clear();
        await using (var lookup = new NpgsqlCommand($"select 1 from {_schema}.mt_events where stream_id = "
            + "'ente-d-2019' and version = 1", conn, tx)) await lookup.ExecuteScalarAsync(Ct);
        // In a transaction the statement's portal, and so its executor, ends only with the next statement.
        await using (var next = new NpgsqlCommand("select 1", conn, tx)) await next.ExecuteScalarAsync(Ct);
        var flagged = await WholeScansAsync(conn, tx);
        await tx.RollbackAsync(Ct);

        flagged.ShouldContain(f => f.Contains("pk_mt_events_stream_and_version"));
    }

    /// <summary>
    /// The captured plans' scans of our tables that read them whole: a sequential scan, or an index scan whose
    /// condition leaves the index's first key free.
    /// </summary>
    async Task<List<string>> WholeScansAsync(NpgsqlConnection? open = null, NpgsqlTransaction? tx = null)
    {
        var conn = open ?? await _source.OpenConnectionAsync(Ct);
        try
        {
            var found = new List<string>();
            foreach (var (query, plan) in _plans.Plans.Where(p => p.Query.Contains(_schema + ".")))
                foreach (var (type, relation, index, condition) in Scans(plan))
                {
                    if (!Tables.Contains(relation) && index is null) continue;
                    if (type == "Seq Scan" && Tables.Contains(relation))
                        found.Add($"{type} on {relation}: {query}");
                    else if (index is not null && await LeadingKeyAsync(conn, tx, index) is { } key
                        && (await TableOfAsync(conn, tx, index) is { } table && Tables.Contains(table))
                        && !Normal(condition ?? "").Contains(Normal(key)))
                        found.Add($"{type} on {index} without its first key {key}: {query}");
                }
            return found;
        }
        finally
        {
            if (open is null) await conn.DisposeAsync();
        }
    }

    static string Normal(string sql) => new string(sql.Where(c => c is not ('(' or ')' or ' ')).ToArray())
        .Replace("::text", "").Replace("::charactervarying", "");

    async Task<string?> LeadingKeyAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string index)
    {
        await using var cmd = new NpgsqlCommand("select pg_get_indexdef(to_regclass($1), 1, true)", conn, tx);
        cmd.Parameters.AddWithValue($"{_schema}.{index}");
        return await cmd.ExecuteScalarAsync(Ct) as string;
    }

    async Task<string?> TableOfAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string index)
    {
        await using var cmd = new NpgsqlCommand("select c.relname::text from pg_index i join pg_class c "
            + "on c.oid = i.indrelid where i.indexrelid = to_regclass($1)", conn, tx);
        cmd.Parameters.AddWithValue($"{_schema}.{index}");
        return await cmd.ExecuteScalarAsync(Ct) as string;
    }

    static IEnumerable<(string Type, string? Relation, string? Index, string? Condition)> Scans(JsonElement node)
    {
        string? Text(string name) => node.TryGetProperty(name, out var v) ? v.GetString() : null;
        var type = Text("Node Type")!;
        if (type.Contains("Scan")) yield return (type, Text("Relation Name"), Text("Index Name"), Text("Index Cond"));
        if (node.TryGetProperty("Plans", out var children))
            foreach (var scan in children.EnumerateArray().SelectMany(Scans)) yield return scan;
    }

    /// <summary>
    /// The plans <c>auto_explain</c> writes to the server's log for our connections since <see cref="Clear"/>: the log,
    /// not notices, because a notice written after a statement's result reaches Npgsql only with the next command.
    /// </summary>
    sealed class PlanCapture(string logFile)
    {
        long _from;

        public void Clear() => _from = new FileInfo(logFile).Length;

        IEnumerable<string> Entries()
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(_from, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var entry = new System.Text.StringBuilder();
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                if (!line.StartsWith('\t') && entry.Length > 0)
                {
                    yield return entry.ToString();
                    entry.Clear();
                }
                entry.AppendLine(line.TrimStart('\t'));
            }
            if (entry.Length > 0) yield return entry.ToString();
        }

        /// <summary>The plans logged so far; a statement's plan is logged as its executor ends, which can be just
        /// after its result reached us: read once the log has stopped growing.</summary>
        public IReadOnlyList<string> Statements
        {
            get
            {
                for (var length = -1L; new FileInfo(logFile).Length != length; Thread.Sleep(150))
                    length = new FileInfo(logFile).Length;
                return Entries().Where(e => e.Contains("plan:")).ToList();
            }
        }

        public IEnumerable<(string Query, JsonElement Plan)> Plans => Statements
            .Where(n => n.Contains('{'))
            .Select(n => JsonDocument.Parse(n[n.IndexOf('{')..]).RootElement)
            .Select(j => (j.GetProperty("Query Text").GetString() ?? "", j.GetProperty("Plan")));
    }
}
