using PerformancePlan.Domain.Identity;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Ledger;
using PerformancePlan.Host.Application;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// A digest is a compact head (ADR 0023): the root, the global chain's count and link, and only the heads written
/// since the previous digest; history rewritten before any digest is still caught.
/// </summary>
public class CompactDigestTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    LedgerService Ledger => new(_db.Store, _clock);

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
        await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(SeedPlan.Id,
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_digest_is_each_administration_s_head_not_its_streams_and_both_digests_stay_verifiable()
    {
        var first = await Ledger.DigestAsync("oiv", Ct);
        await new ResultService(_db.Store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null,
            null, SeedPlan.Admin, null, Ct);

        var second = await Ledger.DigestAsync("oiv", Ct);

        first.Heads.ShouldBeEmpty();   // ADR 0024: a few lines per entity, whatever the number of streams
        first.Entities!.Select(h => h.Entity).ShouldBe(["cciaa-ms"]);
        second.Entities!.Single().Position.ShouldBe(first.Entities!.Single().Position + 1);
        second.Position!.Value.ShouldBeGreaterThan(first.Position!.Value);
        var report = await Ledger.VerifyAsync(null, first, Ct);
        report.Verified.ShouldBeTrue(string.Join("\n", report.Problems));
        (await Ledger.VerifyAsync(SeedPlan.Id, second, Ct)).Verified.ShouldBeTrue();
    }

    [Fact]
    public async Task A_stream_rewritten_before_the_first_digest_is_caught_by_the_root_at_its_position()
    {
        await Ledger.DigestAsync("oiv", Ct);
        await new ResultService(_db.Store, _clock).RecordAsync(SeedPlan.Id, "O1.2.4-a", "3", "30/04/2019", null,
            null, SeedPlan.Admin, null, Ct);
        var second = await Ledger.DigestAsync("oiv", Ct);
        await using var conn = new NpgsqlConnection(cluster.ConnectionString);
        await conn.OpenAsync(Ct);
        await using (var cmd = new NpgsqlCommand($"update {_db.Schema}.mt_events set data = jsonb_set(data, "
            + "'{description}', '\"Altro\"') where stream_id = 'cciaa-ms-2019' and version = 40", conn))
            (await cmd.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        await LedgerAttacks.ReChainStreamAsync(conn, _db.Schema, SeedPlan.Id.Value, Ct);
        await LedgerAttacks.ReLinkGlobalChainAsync(conn, _db.Schema, Ct);

        var report = await Ledger.VerifyAsync(null, second, Ct);

        report.Verified.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Stream == SeedPlan.Id.Value && p.Reason.Contains("non estende il digest"));
        report.Problems.ShouldContain(p => p.Stream == "digest" && p.Reason.Contains("digest esterno"));
        var plan = await Ledger.VerifyAsync(SeedPlan.Id, second, Ct);   // the plan's verification, by its entity head
        plan.Verified.ShouldBeFalse();
        plan.Problems.ShouldContain(p => p.Reason.Contains("catena dell'ente cciaa-ms non estende il digest esterno"));
    }

    [Fact]
    public void The_streamed_Merkle_root_is_the_root_of_every_head_at_once()
    {
        for (var n = 0; n <= 40; n++)
        {
            var heads = Enumerable.Range(0, n).Select(i => new LedgerHead($"s{i:D3}", i + 1, $"h{i}")).ToList();
            var builder = new MerkleBuilder();
            heads.ForEach(builder.Add);
            builder.Root().ShouldBe(ReferenceRoot(heads), $"{n} heads");
        }
    }

    /// <summary>The root as ADR 0008 defines it: pairs level by level, an odd node paired with itself.</summary>
    static string ReferenceRoot(IReadOnlyList<LedgerHead> heads)
    {
        static string Sha(string t) => Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(t)));
        var level = heads.Select(h => Sha($"{h.Stream}\n{h.Version}\n{h.Hash}")).ToList();
        if (level.Count == 0) return Sha("");
        while (level.Count > 1)
            level = level.Chunk(2).Select(p => Sha(p[0] + (p.Length > 1 ? p[1] : p[0]))).ToList();
        return level[0];
    }
}
