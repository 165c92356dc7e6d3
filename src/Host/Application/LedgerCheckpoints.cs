using NodaTime.Text;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Application;

public sealed partial class LedgerService
{
    /// <summary>
    /// Signs the global chain's head as it is now and records the checkpoint (ADR 0016); returned for export. Taken
    /// after approval, amendment, close and validation (<see cref="CheckpointAfterAsync"/>) and on demand.
    /// </summary>
    /// <param name="reason">Why: the command it follows, or <c>ledger checkpoint</c>.</param>
    /// <param name="key">The signing key; by default <see cref="LedgerKey.Load"/>.</param>
    /// <exception cref="DomainException">The key cannot be read.</exception>
    public async Task<LedgerCheckpointFile> CheckpointAsync(string by, string reason, LedgerKey? key,
        CancellationToken ct)
    {
        key ??= LedgerKey.Load();
        var at = InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant());
        await using var conn = DatabaseOf(null).CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var head = (await QueryAsync(conn, tx,
            $"select position, link from {Schema}.{LedgerSchema.HeadTable} where id = 1",
            r => new LedgerChainHead(r.GetInt64(0), r.GetString(1)), ct)).Single();
        var signature = key.Sign(LedgerHash.CheckpointMessage(head.Position, head.Link, at, by, reason));
        await using var insert = new NpgsqlCommand(
            $"insert into {Schema}.{LedgerSchema.CheckpointTable} (position, link, taken_at, taken_by, reason, key_id, "
            + "public_key, signature) values ($1, $2, $3, $4, $5, $6, $7, $8) returning number", conn, tx);
        object[] values = [head.Position, head.Link, at, by, reason, key.Id, key.PublicKey, signature];
        foreach (var value in values)
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        var number = (long)(await insert.ExecuteScalarAsync(ct))!;
        await tx.CommitAsync(ct);
        return new LedgerCheckpointFile(number, head.Position, head.Link, at, by, reason, key.Id, key.PublicKey,
            signature);
    }

    /// <summary>
    /// Replaces the signing key (ADR 0027): verifies the ledger with the old key (nothing happens on an altered one),
    /// has the old key sign the head naming the new public key, writes the new key over the old key's file, and has
    /// the new key sign the head naming the old one. Checkpoints of both keys stay provable with either public key.
    /// </summary>
    /// <param name="keyFile">The key's file; by default as <see cref="LedgerKey.FileToRotate"/> finds it.</param>
    /// <exception cref="DomainException">No key file to rotate, or the key is in the environment variable.
    /// </exception>
    public async Task<KeyRotation> RotateKeyAsync(string by, string? keyFile, CancellationToken ct)
    {
        var path = LedgerKey.FileToRotate(keyFile);
        var old = LedgerKey.Load(path);
        var report = await VerifyWithAsync(null, new LedgerEvidence(PublicKey: old.PublicKey), ct);
        if (!report.Verified) return new KeyRotation(report);
        var fresh = LedgerKey.Generate();
        var retiring = await CheckpointAsync(by, LedgerKeyRotation.Successor(fresh.PublicKey), old, ct);
        fresh = fresh.ReplaceFile(path);
        var introducing = await CheckpointAsync(by, LedgerKeyRotation.Predecessor(old.PublicKey), fresh, ct);
        return new KeyRotation(report, retiring, introducing, old, fresh);
    }

    /// <summary>The checkpoint a command on <paramref name="plan"/> takes after its events (approval, amendment,
    /// close, validation): of the global chain of the plan's database (ADR 0031).</summary>
    public static Task<LedgerCheckpointFile> CheckpointAfterAsync(IDocumentStore store, IClock clock, string by,
        string command, PlanId plan, CancellationToken ct) =>
        CheckpointAfterAsync(store, clock, by, command, plan.Entity, ct);

    /// <summary>The checkpoint a command on the administration <paramref name="entity"/> takes after its events (a
    /// merger): of the global chain of its database (ADR 0031).</summary>
    public static Task<LedgerCheckpointFile> CheckpointAfterAsync(IDocumentStore store, IClock clock, string by,
        string command, EntityId entity, CancellationToken ct) =>
        new LedgerService(store, clock, Tenancy.DatabaseOf(store, entity.Value))
            .CheckpointAsync(by, command, null, ct);
}

/// <summary>What <see cref="LedgerService.RotateKeyAsync"/> did: the verification it started from and, when the
/// ledger verified, the two checkpoints of the rotation and the keys.</summary>
/// <param name="Retiring">Signed by the old key, naming the new one.</param>
/// <param name="Introducing">Signed by the new key, naming the old one: the one to export for the OIV.</param>
public sealed record KeyRotation(LedgerReport Report, LedgerCheckpointFile? Retiring = null,
    LedgerCheckpointFile? Introducing = null, LedgerKey? Old = null, LedgerKey? New = null);
