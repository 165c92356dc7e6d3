using System.Data;
using System.Text.Json;
using IMartenDatabase = Marten.Storage.IMartenDatabase;

using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

/// <summary>
/// A digest as exported to a file: the root, the global chain's count and link the root was taken at, and each
/// administration's chain head (ADR 0024). Files before ADR 0024 list stream heads instead.
/// </summary>
public sealed record LedgerDigestFile(string Root, IReadOnlyList<LedgerHead> Heads, Instant At, long? Position = null,
    string? Link = null, IReadOnlyList<EntityHead>? Entities = null);

/// <summary>
/// A signed checkpoint as exported to a file the OIV keeps (ADR 0016): the global chain's count and link, when, by
/// whom, why, and the public key that checks its Ed25519 signature.
/// </summary>
public sealed record LedgerCheckpointFile(
    long Number, long Position, string Link, string At, string By, string Reason, string KeyId, string PublicKey,
    string Signature)
{
    /// <summary>The checkpoint as the domain checks it.</summary>
    public LedgerCheckpoint ToCheckpoint() => new(Number, Position, Link, At, By, Reason, KeyId, Signature);
}

/// <summary>What the OIV brings to a verification, all optional.</summary>
/// <param name="Digest">A digest kept outside the system, whose heads the history must still extend.</param>
/// <param name="Checkpoint">A checkpoint kept outside the system, which the global chain must still extend.</param>
/// <param name="PublicKey">The public key (base64) that signs checkpoints, or several separated by commas (after a
/// rotation); by default the configured key's, else the one in <paramref name="Checkpoint"/>.</param>
public sealed record LedgerEvidence(
    LedgerDigestFile? Digest = null, LedgerCheckpointFile? Checkpoint = null, string? PublicKey = null);

/// <summary>
/// Reads the raw rows of the event table and of the ledger's tables (SQL, not Marten's documents) in one snapshot and
/// the digests recorded in the ledger's stream; the domain's <see cref="LedgerVerification"/> judges them (ADR 0008,
/// 0016). Takes signed checkpoints of the global chain's head.
/// </summary>
/// <param name="database">The database whose chains a whole-store operation reads (ADR 0031: each has its own global
/// chain, checkpoints and digests); null: the home database, and for a plan the database of its administration.
/// </param>
public sealed partial class LedgerService(IDocumentStore store, IClock clock, IMartenDatabase? database = null)
{
    /// <summary>The ledger's own stream, where digests are recorded.</summary>
    public const string LedgerStream = LedgerVerification.LedgerStream;

    /// <summary>The database of <paramref name="plan"/>'s administration, else the one this service was given, else
    /// the home database.</summary>
    IMartenDatabase DatabaseOf(string? stream) => stream is not null && LedgerEntities.EntityOf(stream) is { } e
        ? Projections.Tenancy.DatabaseOf(store, e) : database ?? Projections.Tenancy.Home(store);

    string Schema => store.Options.Events.DatabaseSchemaName;

    /// <summary>Verifies one plan's streams (or all, when <paramref name="planId"/> is null).</summary>
    /// <param name="digest">A digest kept outside the system, whose heads the history must still extend.</param>
    public Task<LedgerReport> VerifyAsync(PlanId? planId, LedgerDigestFile? digest, CancellationToken ct) =>
        VerifyWithAsync(planId, new LedgerEvidence(digest), ct);

    /// <summary>Verifies one plan's streams (or all), the global chain and every checkpoint.</summary>
    public Task<LedgerReport> VerifyWithAsync(PlanId? planId, LedgerEvidence evidence, CancellationToken ct) =>
        ReadAsync(planId?.Value, evidence, null, ct);

    /// <summary>
    /// Verifies one stream scope — an administration's own stream <c>{entity}/ente</c> (ADR 0030) — its entity's
    /// chain, and that chain against <paramref name="recorded"/> heads (a successor's record of a predecessor).
    /// </summary>
    public Task<LedgerReport> VerifyStreamAsync(string stream, LedgerEvidence evidence,
        IReadOnlyList<(EntityHead Head, string Which)> recorded, CancellationToken ct) =>
        ReadAsync(stream, evidence, null, ct, recorded);

    /// <summary>True when the plan has events (verification of an unknown plan is a mistake, not "0 events").
    /// </summary>
    public async Task<bool> KnowsPlanAsync(PlanId planId, CancellationToken ct)
    {
        await using var session = TenantSessions.Query(store, null, planId);
        return await session.Events.FetchStreamStateAsync(planId.Value, ct) is not null;
    }

    /// <summary>
    /// Records a digest of the whole ledger in its stream and returns it, for the OIV to keep: the root of every
    /// stream's head, the global chain's count and link (ADR 0023), and each entity chain's head (ADR 0024) — a
    /// compact head whatever the number of streams.
    /// </summary>
    /// <exception cref="DomainException">The ledger does not verify: no digest of an altered history.</exception>
    public async Task<LedgerDigestFile> DigestAsync(string by, CancellationToken ct)
    {
        var report = await ReadAsync(null, new LedgerEvidence(), null, ct);
        if (report.FirstBad is { } bad && !report.Verified)
            throw new DomainException($"Il registro non è integro ({bad.Reason}, {bad.Stream} v{bad.Version}): "
                + "nessun digest su una storia alterata.");
        var at = clock.GetCurrentInstant();
        await using var session = TenantSessions.InstallationCommand(store, by, "ledger digest", at, DatabaseOf(null));
        // Appended without an aggregate: two digests at once collide on the ledger's (stream, version) key instead.
        session.Events.Append(LedgerStream,
            new LedgerDigested(report.Head, [], by, at, report.Position, report.Link, report.Entities));
        await session.SaveChangesAsync(ct);
        return new LedgerDigestFile(report.Head, [], at, report.Position, report.Link, report.Entities);
    }

    /// <summary>The JSON of digest and checkpoint files (<see cref="AppJson"/>).</summary>
    public static readonly JsonSerializerOptions FileJson = AppJson.Options;
}
