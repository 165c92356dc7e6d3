using JasperFx;
using JasperFx.Events;
using Marten;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Projections;

/// <summary>
/// Seals every event as it is appended, in the same transaction: for each stream written, the chain continues from
/// the stream's last sealed hash and one row per event goes into <c>pp_ledger</c> (stream, version, hash). Writers of
/// different streams never touch the same rows; two writers of one stream already conflict on its version.
/// </summary>
public sealed class LedgerListener : DocumentSessionListenerBase
{
    public const string Table = "pp_ledger";

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams();
        if (streams.Count == 0) return;
        // The session of an actor outside the plan's administration (ADR 0028): no plan there, nothing to write.
        if (session.TenantId == Tenancy.Nobody)
            throw new NotFoundException("Piano non trovato: nessun evento scritto.");
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var serializer = session.DocumentStore.Options.Serializer();
        var headers = (session as IMetadataContext)?.Headers;
        var user = headers?.GetValueOrDefault("user")?.ToString() ?? "";
        var at = headers?.GetValueOrDefault("at")?.ToString() ?? "";
        var correlation = session.CorrelationId ?? "";
        foreach (var entity in streams.Select(s => LedgerEntities.EntityOf(s.Key!)).OfType<string>().Distinct())
            await RefuseDissolvedAsync(session, entity, token);
        foreach (var action in streams)
        {
            var (version, hash) = await HeadAsync(session, schema, action.Key!, token);
            // Another writer committed between this command's read and its write: the usual conflict, not tampering.
            if (action.ExpectedVersionOnServer is { } expected && expected != version)
            {
                await RefuseAlteredStreamAsync(session, schema, action.Key!, version, token);
                throw new EventStreamUnexpectedMaxEventIdException(action.Key!, action.AggregateType ?? typeof(object),
                    expected, version);
            }
            foreach (var e in action.Events)
            {
                version++;
                var data = LedgerHash.CanonicalJson(serializer.ToJson(e.Data));
                hash = LedgerHash.Next(hash,
                    LedgerHash.CanonicalEvent(e.EventTypeName, action.Key!, version, user, at, correlation, data));
                session.QueueSqlCommand($"insert into {schema}.{Table} (stream_id, version, hash) values (?, ?, ?)",
                    action.Key!, version, hash);
            }
        }
    }

    /// <summary>
    /// A dissolved administration (merged into a successor, ADR 0030) takes no writes, by any door: its history is
    /// read-only from the merger on.
    /// </summary>
    /// <exception cref="DomainException">The administration was dissolved; the message names the successor.</exception>
    static async Task RefuseDissolvedAsync(IDocumentSession session, string entity, CancellationToken token)
    {
        if (await session.LoadAsync<Succession>(entity, token) is { } gone)
            Administration.Evolve(null, new EntityDissolved(gone.Id, gone.Successor, gone.On, gone.Act, "", default))
                .RequireActive();
    }

    static async Task<(long Version, string Hash)> HeadAsync(IDocumentSession session, string schema, string stream,
        CancellationToken token)
    {
        var head = (await session.QueryAsync<string>(
            $"select version::text || ':' || hash from {schema}.{Table} where stream_id = ? order by version desc "
                + "limit 1", token, stream)).FirstOrDefault();
        return head is null ? (0, "") : (long.Parse(head[..head.IndexOf(':')]), head[(head.IndexOf(':') + 1)..]);
    }

    /// <summary>
    /// A writer racing another sees <c>mt_streams</c> at the ledger's head; one that sees another version there is
    /// looking at a row edited outside the application: retrying would conflict forever (ADR 0016).
    /// </summary>
    static async Task RefuseAlteredStreamAsync(IDocumentSession session, string schema, string stream,
        long sealedVersion, CancellationToken token)
    {
        var declared = (await session.QueryAsync<long>(
            $"select version from {schema}.mt_streams where id = ?", token, stream)).FirstOrDefault();
        var (after, _) = await HeadAsync(session, schema, stream, token);
        if (after == sealedVersion && declared != sealedVersion)   // nobody committed meanwhile: not a race
            throw new DomainException($"Lo stream {stream} dichiara in mt_streams la versione {declared} "
                + $"ma il registro ne sigilla {sealedVersion}: dati alterati fuori dall'applicazione, "
                + "nessun evento scritto. "
                + "Eseguire «perfplan ledger verify --as oiv» e ripristinare il database da una copia integra.");
    }
}
