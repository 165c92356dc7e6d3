using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Ledger;
using Weasel.Core;

namespace PerformancePlan.Projections;

/// <summary>
/// The one place where the event store is configured: serializer, stream identity, event types, metadata and
/// every projection with its lifecycle. The host and the tests both build their store here.
/// </summary>
public static class EventStore
{
    public const string DefaultSchema = "perfplan";

    /// <summary>Every event type of the solution, registered up front so their aliases are known at startup.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(PlanDrafted), typeof(StrategicAreaDefined), typeof(StrategicObjectiveDefined),
        typeof(OperationalObjectiveDefined), typeof(IndicatorDefined), typeof(HolderWeightsAssigned),
            typeof(PlanImported),
        typeof(PlanApproved), typeof(PlanClosed), typeof(IndicatorNeutralized), typeof(ResultRecorded),
        typeof(PlanAmended), typeof(TargetRevised), typeof(IndicatorWithdrawn), typeof(ObjectiveWithdrawn),
        typeof(IndicatorReassigned), typeof(MethodologyChanged), typeof(ResultReverted), typeof(IndicatorRenumbered),
        typeof(LedgerDigested), typeof(PlanValidated), typeof(PlanReopened), typeof(ObjectiveDefined),
        typeof(RegistryEntryDefined), typeof(PerformancePlan.Domain.Entities.EntityMerged),
        typeof(PerformancePlan.Domain.Entities.EntityDissolved),
    ];

    /// <param name="autoCreate">Whether Marten checks and creates its tables on first use in this process: yes for
    /// tests and migrations; <see cref="AutoCreate.None"/> for verbs on a stamped schema (ADR 0023).</param>
    /// <param name="layout">Several databases, each with its administrations (ADR 0031); null: one database,
    /// <paramref name="connectionString"/>'s.</param>
    public static void Configure(StoreOptions opts, string connectionString, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate, DatabaseLayout? layout = null)
    {
        if (layout is null) opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = autoCreate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json =>
            {
                json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
                json.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
                {
                    Modifiers = { OptionalMembers.OmitWhenUnset },
                };
            });

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.AddEventTypes(EventTypes);
        Tenancy.Configure(opts, layout);

        opts.Listeners.Add(new LedgerListener());
        opts.Projections.Add(new PlanTreeProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new IndicatorResultsProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<IndicatorResults>().Index(r => r.PlanId);
        opts.Schema.For<Plan>().Index(p => p.Entity);
        AddReadIndexes(opts);
    }

    /// <summary>
    /// The indexes that keep one plan's reads off the rest of the store (ADR 0022): its streams by prefix, an entry
    /// by id. Marten creates them with its schema and leaves them in place on every later migration.
    /// </summary>
    static void AddReadIndexes(StoreOptions opts)
    {
        var indexes = new ReadIndexes(opts);
        opts.Storage.Add(indexes);
        // All of them: an index on mt_streams Marten is not told about is dropped by its next migration (ADR 0029).
        foreach (var index in indexes.Indexes) opts.Events.IgnoreIndex(index.Name);
        foreach (var retired in ReadIndex.RetiredPrefixes) opts.Events.IgnoreIndex(retired);   // SchemaStamp drops
        opts.Schema.For<IndicatorResults>().IgnoreIndex(ReadIndex.RetiredResultEntries);   // dropped by SchemaStamp
    }

    public static DocumentStore Create(string connectionString, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate) =>
        DocumentStore.For(opts => Configure(opts, connectionString, schema, autoCreate));

    /// <summary>A store over several databases (ADR 0031): each administration in the one its layout names.
    /// </summary>
    public static DocumentStore Create(DatabaseLayout layout, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate) =>
        DocumentStore.For(opts => Configure(opts, layout.Home.Connection, schema, autoCreate, layout));

    /// <summary>Creates or upgrades the schema (<see cref="SchemaStamp.MigrateAsync"/>).</summary>
    public static Task PrepareAsync(IDocumentStore store, CancellationToken ct = default) =>
        SchemaStamp.MigrateAsync(store, ct);
}
