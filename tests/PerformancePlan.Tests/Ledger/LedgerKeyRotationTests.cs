using System.Text.Json;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// <c>perfplan ledger key rotate</c> (ADR 0027): a new signing key; the old key signs a checkpoint naming the new
/// one and the new key one naming the old, so the OIV proves checkpoints of both with either public key — and with
/// no key the database names by itself.
/// </summary>
public class LedgerKeyRotationTests(PostgresCluster cluster) : CliDatabase(cluster, "keyrot_")
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly string _dir = Directory.CreateTempSubdirectory("perfplan-key-").FullName;
    string Key => Path.Combine(_dir, "ledger-key");

    public override async ValueTask InitializeAsync()
    {
        Users = SeedFiles.UsersOfEveryEntity();   // the OIV verifies a store of two administrations whole (ADR 0028)
        await base.InitializeAsync();
        await Ok("plan", "import", "--as", "admin", SeedFiles.PlanCsv);
        await File.WriteAllTextAsync(Key, Convert.ToBase64String(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Ct);
    }

    [Fact]
    public async Task After_a_rotation_checkpoints_of_both_keys_are_proved_with_either_public_key()
    {
        var oldFile = Path.Combine(_dir, "vecchio.json");
        var newFile = Path.Combine(_dir, "nuovo.json");
        await Ok("ledger", "checkpoint", "--as", "oiv", "--key-file", Key, "--out", oldFile);
        var oldKey = PublicKeyIn(oldFile);

        var rotated = await Ok("ledger", "key", "rotate", "--as", "oiv", "--key-file", Key, "--out", newFile);
        await Ok("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--entity", "altro");   // events after it
        await Ok("ledger", "checkpoint", "--as", "oiv", "--key-file", Key);
        var newKey = PublicKeyIn(newFile);

        newKey.ShouldNotBe(oldKey);
        LedgerKey.Load(Key).PublicKey.ShouldBe(newKey);
        rotated.Output.ShouldContain(newKey);
        var withOld = await Verify("--public-key", oldKey);
        withOld.ExitCode.ShouldBe(0, withOld.Errors);
        Report(withOld).GetProperty("uncheckedCheckpoints").GetInt32().ShouldBe(0);
        Report(withOld).GetProperty("lastCheckpoint").GetProperty("reason").GetString().ShouldBe("ledger checkpoint");
        Report(withOld).GetProperty("sealedSinceCheckpoint").GetInt64().ShouldBe(0);
        (await Verify("--public-key", newKey, "--checkpoint", oldFile)).ExitCode.ShouldBe(0);
        var stranger = Convert.ToBase64String(new byte[32]);
        (await Verify("--public-key", stranger)).ExitCode.ShouldBe(4);
    }

    [Fact]
    public async Task A_rotation_forged_in_the_database_by_a_key_no_one_trusts_is_found_as_forged()
    {
        await Ok("ledger", "checkpoint", "--as", "oiv", "--key-file", Key);
        var trusted = LedgerKey.Load(Key).PublicKey;
        var attackerFile = Path.Combine(_dir, "attaccante");
        await File.WriteAllTextAsync(attackerFile, Convert.ToBase64String(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Ct);
        var attacker = LedgerKey.Load(attackerFile);

        // A superuser without the key signs a «rotation» to a key of their own, and a checkpoint with it.
        await InsertSignedAsync(attacker, LedgerKeyRotation.Successor(attacker.PublicKey));
        await InsertSignedAsync(attacker, "ledger checkpoint");
        var run = await Verify("--public-key", trusted);

        run.ExitCode.ShouldBe(4);
        run.Output.ShouldContain("falsificato");
    }

    [Fact]
    public async Task A_key_held_in_the_environment_variable_is_not_rotated_and_the_message_says_what_to_do()
    {
        var run = await Run("ledger", "key", "rotate", "--as", "oiv");

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("PERFPLAN_LEDGER_KEY");
        run.Errors.ShouldContain("--key-file");
    }

    Task<CliRunner.Run> Verify(params string[] more) => Run(["ledger", "verify", "--as", "oiv", "--format", "json",
        .. more]);

    static JsonElement Report(CliRunner.Run run) => JsonDocument.Parse(run.Output).RootElement;

    static string PublicKeyIn(string file) =>
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("publicKey").GetString()!;

    /// <summary>A checkpoint row of the current head signed by <paramref name="key"/>, inserted by plain SQL.</summary>
    async Task InsertSignedAsync(LedgerKey key, string reason)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(Ct);
        await using var head = new NpgsqlCommand($"select position, link from perfplan.{LedgerSchema.HeadTable}", conn);
        await using var r = await head.ExecuteReaderAsync(Ct);
        await r.ReadAsync(Ct);
        var (position, link) = (r.GetInt64(0), r.GetString(1));
        await r.CloseAsync();
        const string at = "2022-03-01T11:00:00Z";
        var signature = key.Sign(LedgerHash.CheckpointMessage(position, link, at, "oiv", reason));
        await using var insert = new NpgsqlCommand($"insert into perfplan.{LedgerSchema.CheckpointTable} (position, "
            + "link, taken_at, taken_by, reason, key_id, public_key, signature) values ($1, $2, $3, 'oiv', $4, $5, $6, "
            + "$7)", conn);
        foreach (var value in new object[] { position, link, at, reason, key.Id, key.PublicKey, signature })
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        await insert.ExecuteNonQueryAsync(Ct);
    }
}
