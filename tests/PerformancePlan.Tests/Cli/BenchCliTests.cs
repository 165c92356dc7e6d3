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

    [Fact]
    public async Task Each_figure_is_printed_as_soon_as_it_is_measured_with_its_ratio_before_the_summary()
    {
        var run = await Ok("bench", "--entities", "2", "--rounds", "1", "--rebuild-rounds", "1");

        var asOf = run.Output.IndexOf("Misurato — punteggi «al 30/06/2019» (scores --as-of): ",
            StringComparison.Ordinal);
        var verify = run.Output.IndexOf("Misurato — verifica del registro del piano (ledger verify --plan): ",
            StringComparison.Ordinal);
        var rebuild = run.Output.IndexOf("Misurato — ricostruzione delle proiezioni (rebuild) rispetto alla sola "
            + "lettura degli eventi, 588 eventi: ", StringComparison.Ordinal);
        var summary = run.Output.IndexOf("Archivio di 1 ente:", StringComparison.Ordinal);
        asOf.ShouldBeGreaterThanOrEqualTo(0, run.Output);
        verify.ShouldBeGreaterThan(asOf);
        rebuild.ShouldBeGreaterThan(verify);
        summary.ShouldBeGreaterThan(rebuild);
        run.Output.ShouldContain("ms con 2 enti; rapporto ");
        run.Output.ShouldContain("(obiettivo: al più 1,5×)");
    }

    [Fact]
    public async Task With_keep_the_store_of_N_stays_for_the_next_run_which_grows_it_and_refuses_to_shrink_it()
    {
        var first = await Ok("bench", "--entities", "2", "--rounds", "1", "--rebuild-rounds", "0", "--keep");

        first.Output.ShouldContain("di 2 enti: 588 eventi");
        first.Output.ShouldNotContain("Ricostruzione delle proiezioni");   // --rebuild-rounds 0: not measured
        (await BenchSchemasAsync()).ShouldBe(1);   // bench_kept; the store of one is dropped

        var second = await Ok("bench", "--entities", "3", "--rounds", "1", "--rebuild-rounds", "1", "--keep");

        second.Errors.ShouldContain("Archivio conservato (bench_kept): 2 enti già presenti.");
        second.Errors.ShouldContain("Enti generati: 3 di 3");
        second.Output.ShouldContain("di 3 enti: 882 eventi");
        second.Output.ShouldContain("Ricostruzione delle proiezioni di 882 eventi");

        var smaller = await Run("bench", "--entities", "2", "--rounds", "1", "--keep");

        smaller.ExitCode.ShouldBe(2);
        smaller.Errors.ShouldContain("ha già 3 enti, più dei 2 chiesti: usare --entities 3");
        (await BenchSchemasAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("--rebuild-rounds", "1001", "--rebuild-rounds vuole un numero di ripetizioni fra 0 e 1000")]
    [InlineData("--keep", null, "--keep e --rebuild-rounds valgono con --entities N")]
    [InlineData("--entities", "1", "--entities vuole un numero di enti")]
    [InlineData("--verify-memory", "100000", "--verify-memory vuole due numeri")]
    [InlineData("--verify-memory", "2000,1000", "--verify-memory vuole due numeri")]
    public async Task Impossible_sizes_are_refused_with_exit_2(string option, string? value, string said)
    {
        var run = await Run(value is null ? ["bench", option] : ["bench", option, value]);

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
