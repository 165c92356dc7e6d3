using System.Text;
using PerformancePlan.Tests.Import;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// The users' files of Cases/files typed at the command line: bad input exits 2 with an Italian message, never 1
/// with a stack trace (today Excel's Windows-1252 «CSV» crashed both imports).
/// </summary>
public class UserFileCliTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "cli_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);
    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    Task<CliRunner.Run> Run(params string[] args) => CliRunner.RunAsync([.. args, "--db", _db]);

    static void ShouldBeAnAnswerNotACrash(CliRunner.Run run)
    {
        run.ExitCode.ShouldBeOneOf(0, 2);
        (run.Output + run.Errors).ShouldNotContain("Exception");
        (run.Output + run.Errors).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Plan_import_of_Excels_Windows_1252_csv_imports_it()
    {
        var run = await Run("plan", "import", "--as", "admin", SeedFiles.Case("files", "B09g-plan-cp1252.csv"));

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Output.ShouldContain("Piano cciaa-ms-2019 importato");
    }

    [Fact]
    public async Task Results_import_of_Excels_Windows_1252_csv_reads_the_file_and_answers()
    {
        (await Run("plan", "import", "--as", "admin", UserFileImportTests.Plan2026File())).ExitCode.ShouldBe(0);
        (await Run("plan", "approve", "--plan", "cciaa-ms-2026", "--act", "Delibera n. 1", "--on", "01/02/2022",
            "--as", "giunta")).ExitCode.ShouldBe(0);

        var run = await Run("results", "import", SeedFiles.Case("files", "B09b-cp1252.csv"),
            "--plan", "cciaa-ms-2026", "--as", "admin");

        // The runner's clock is 01/03/2022, so 30/06/2026 is refused as a future date: a rule, not a misreading.
        ShouldBeAnAnswerNotACrash(run);
        run.Errors.ShouldNotContain("codifica");
        (run.Output + run.Errors).ShouldContain("B09b-cp1252.csv");
    }

    [Fact]
    public async Task Results_import_of_a_comma_separated_file_exits_2_naming_the_comma()
    {
        var run = await Run("results", "import", SeedFiles.Case("files", "B09d-comma.csv"),
            "--plan", "cciaa-ms-2026", "--as", "admin");

        run.ExitCode.ShouldBe(2, run.Errors);
        run.Errors.ShouldContain("B09d-comma.csv");
        run.Errors.ShouldContain("separate da «,» (virgola)");
        run.Errors.ShouldContain("Nessun evento scritto");
    }

    [Theory]
    [InlineData("plan", "import")]
    [InlineData("results", "import")]
    public async Task An_xlsx_that_is_not_a_workbook_exits_2_saying_so(string noun, string verb)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-cli-").FullName, "piano.xlsx");
        await File.WriteAllTextAsync(path, "non sono un foglio", Encoding.UTF8, TestContext.Current.CancellationToken);
        string[] extra = noun == "results" ? ["--plan", "cciaa-ms-2026", "--as", "admin"] : ["--as", "admin"];

        var run = await Run([noun, verb, path, .. extra]);

        run.ExitCode.ShouldBe(2, run.Errors);
        run.Errors.ShouldContain("piano.xlsx");
        run.Errors.ShouldContain("non è una cartella di lavoro Excel (.xlsx)");
    }
}
