using Npgsql;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// <c>perfplan bench --entities N</c> and <c>--verify-memory</c> (issue #15): they run on a small scale, print their
/// ratios in Italian, refuse impossible sizes, and leave no <c>bench_*</c> schema behind.
/// </summary>
public class BenchCliTests(PostgresCluster cluster) : CliDatabase(cluster, "bench_cli_")
{
    [Fact]
    public async Task The_scale_bench_prints_one_plan_s_reads_with_N_administrations_against_one_and_cleans_up()
    {
        var run = await Ok("bench", "--entities", "3", "--rounds", "1", "--verify-memory", "1000,1500");

        run.Output.ShouldContain("ms con 3 enti");
        run.Output.ShouldContain("verifica del registro del piano (ledger verify --plan)");
        run.Output.ShouldContain("ripetizione dell'OIV (oiv replay)");
        run.Output.ShouldContain("di 3 enti: 882 eventi");   // 294 events for each administration
        run.Output.ShouldContain("Ricostruzione delle proiezioni di 882 eventi");
        run.Output.ShouldContain("Rapporto di memoria");
        (await BenchSchemasAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("--entities", "1", "--entities vuole un numero di enti")]
    [InlineData("--verify-memory", "100000", "--verify-memory vuole due numeri")]
    [InlineData("--verify-memory", "2000,1000", "--verify-memory vuole due numeri")]
    public async Task Impossible_sizes_are_refused_with_exit_2(string option, string value, string said)
    {
        var run = await Run("bench", option, value);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain(said);
    }

    async Task<long> BenchSchemasAsync()
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(
            "select count(*) from information_schema.schemata where schema_name like 'bench\\_%'", conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
