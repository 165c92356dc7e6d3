using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// A mistake on the command line is bad input: exit 2, an Italian message naming the option and the fix, the way
/// to the verb's help, and nothing done (most never reach the database: no <c>--db</c> is needed).
/// </summary>
public class CommandLineErrorTests(PostgresCluster cluster)
{
    [Theory]
    [InlineData("%")]
    [InlineData("cciaa-ms-2091x")]
    [InlineData("cciaa-ms")]
    public async Task A_plan_id_that_is_not_one_is_refused_before_anything_runs(string typed)
    {
        var run = await CliRunner.RunAsync("ledger", "verify", "--plan", typed);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain($"--plan: «{typed}» non è un identificativo di piano");
        run.Errors.ShouldContain("es. cciaa-ms-2019");
        run.Errors.ShouldContain("perfplan ledger verify --help");
    }

    [Fact]
    public async Task A_missing_required_option_is_named_in_Italian()
    {
        var run = await CliRunner.RunAsync("scores");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("manca l'opzione obbligatoria --plan");
        run.Errors.ShouldNotContain("is required");
    }

    [Fact]
    public async Task An_unknown_verb_is_named_and_the_help_is_not_dumped()
    {
        var run = await CliRunner.RunAsync("plna", "show");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("«plna» non è un comando");
        run.Output.ShouldNotContain("Usage");
    }

    [Fact]
    public async Task An_entry_id_that_is_not_one_says_what_to_write()
    {
        var run = await CliRunner.RunAsync("results", "revert", "non-un-id", "--reason", "errore", "--as", "admin");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("«non-un-id» non è un valore valido");
        run.Errors.ShouldNotContain("System.Guid");
    }

    [Fact]
    public async Task An_entity_code_that_is_not_one_is_refused()
    {
        var run = await CliRunner.RunAsync("targets", "history", "--indicator", "S3.2.1-a", "--entity", "CCIAA MS");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("--entity: «CCIAA MS» non è un codice di ente");
    }

    [Fact]
    public async Task An_output_file_in_a_folder_that_does_not_exist_is_bad_input_not_a_crash()
    {
        var db = await cluster.CreateDatabaseAsync("cli_errors_out");
        (await CliRunner.RunAsync("plan", "import", "--as", "admin", SeedFiles.PlanCsv, "--db",
            db)).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("export", "scores", "--plan", "cciaa-ms-2019",
            "--out", "/nessuna-cartella/punteggi.csv", "--db", db);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("la cartella non esiste");
        run.Errors.ShouldNotContain("   at ");
        await cluster.DropDatabaseAsync("cli_errors_out");
    }
}
