using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Marten;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace PerformancePlan.Projections;

/// <summary>
/// An index that one of our reads needs on a table Marten owns (<c>mt_events</c>, a document table), created with
/// Marten's own schema objects (ADR 0022): Marten creates it after its table, and is told to leave it alone.
/// </summary>
/// <param name="Schema">The store's schema.</param>
/// <param name="Table">The table it indexes, e.g. <c>mt_events</c>.</param>
/// <param name="Name">The index's name, unique in the schema.</param>
/// <param name="Definition">What follows <c>on table</c>, e.g. <c>(stream_id text_pattern_ops)</c>.</param>
public sealed record ReadIndex(string Schema, string Table, string Name, string Definition)
    : ISchemaObject
{
    /// <summary>
    /// The plan a stream belongs to, in SQL: the stream id up to its first <c>/</c> (<c>cciaa-ms-2019</c> for the
    /// plan's stream and for <c>cciaa-ms-2019/O1.2.4-a</c>). One plan's rows are <c>PlanKey(column) = $1</c>, an
    /// equality on an indexed expression whose statistics count plans, so PostgreSQL expects a plan's few hundred rows
    /// at any store size (ADR 0029); a <c>LIKE 'plan/%'</c> range is estimated from a histogram bucket, which grows
    /// with the store until a full scan looks cheaper.
    /// </summary>
    public static string PlanKey(string column) => $"split_part({column}, '/', 1)";

    /// <summary>The index of one plan's events (<see cref="PlanKey"/>).</summary>
    public static ReadIndex PlanEvents(string schema) =>
        new(schema, "mt_events", "pp_events_plan", $"(({PlanKey("stream_id")}))");

    /// <summary>The same over the streams' table, for a plan's ledger verification (ADR 0024).</summary>
    public static ReadIndex PlanStreams(string schema) =>
        new(schema, "mt_streams", "pp_streams_plan", $"(({PlanKey("id")}))");

    /// <summary>
    /// One stream's rows by stream id and version, whatever its tenant: Marten's unique key under conjoined tenancy
    /// leads with <c>tenant_id</c> (ADR 0028), so the ledger's trigger, its listener and a plan's verify, which know
    /// the stream and not its tenant, would otherwise scan that whole key — a cost that grows with the administrations
    /// in the store (issue #10's 1 vs 1,000 figure; ADR 0032).
    /// </summary>
    public static ReadIndex StreamEvents(string schema) =>
        new(schema, "mt_events", "pp_events_stream", "(stream_id, version)");

    /// <summary>A stream's row in <c>mt_streams</c> by its id alone (see <see cref="StreamEvents"/>).</summary>
    public static ReadIndex StreamRows(string schema) =>
        new(schema, "mt_streams", "pp_streams_id", "(id)");

    /// <summary>The stream-prefix indexes of ADR 0022 and 0024, replaced by <see cref="PlanEvents"/> and
    /// <see cref="PlanStreams"/> and dropped by migrations (ADR 0029).</summary>
    public static readonly string[] RetiredPrefixes = ["pp_events_stream_prefix", "pp_streams_id_prefix"];

    /// <summary>
    /// The index that finds a result entry's stream by the entry's id: the events that name it (recorded, reverted),
    /// <c>data ->> 'entryId' = $1</c>. On the events, not on the results' documents (ADR 0029): one btree entry per
    /// such event, where a GIN index on every document's entries cost each update all its entries again and a
    /// rebuild of a million documents more than reading the events.
    /// </summary>
    public static ReadIndex EventEntries(string schema) =>
        new(schema, "mt_events", "pp_events_entry", "((data ->> 'entryId')) where (data ->> 'entryId') is not null");

    /// <summary>The entries' GIN index of ADR 0022 on the results' documents, dropped by migrations (ADR 0029).
    /// </summary>
    public const string RetiredResultEntries = "pp_results_entries";

    public DbObjectName Identifier => new PostgresqlObjectName(Schema, Name, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine($"create index if not exists {Name} on {Schema}.{Table} {Definition};");

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"drop index if exists {Schema}.{Name};");

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        builder.Append("select indexname from pg_indexes where schemaname = ");
        builder.AppendParameter(Schema);
        builder.Append(" and indexname = ");
        builder.AppendParameter(Name);
        builder.Append(";");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct) =>
        new SchemaObjectDelta(this,
            await reader.ReadAsync(ct) ? SchemaPatchDifference.None : SchemaPatchDifference.Create);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}

/// <summary>
/// Our read indexes as one Marten storage feature: Marten applies custom features after its own tables, so the
/// indexes are created with the schema (and by any later migration) once <c>mt_events</c> and the documents exist.
/// </summary>
public sealed class ReadIndexes(StoreOptions options) : FeatureSchemaBase("perfplan-read-indexes",
    options.Advanced.Migrator)
{
    /// <summary>A plan's events, an entry's events, a plan's streams: all on the event store's tables.</summary>
    public IReadOnlyList<ReadIndex> Indexes { get; } =
    [
        ReadIndex.PlanEvents(options.Events.DatabaseSchemaName),
        ReadIndex.EventEntries(options.Events.DatabaseSchemaName),
        ReadIndex.PlanStreams(options.Events.DatabaseSchemaName),
        ReadIndex.StreamEvents(options.Events.DatabaseSchemaName),
        ReadIndex.StreamRows(options.Events.DatabaseSchemaName),
    ];

    protected override IEnumerable<ISchemaObject> schemaObjects() => Indexes;
}
