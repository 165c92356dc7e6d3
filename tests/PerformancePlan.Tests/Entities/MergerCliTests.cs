using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Entities;

/// <summary>
/// Issue #10's merger through the CLI: Massa-Carrara (the seed plan, approved) and Lucca (the same file as
/// demonstration data) merge into Toscana Nord-Ovest on 01/07/2022; the predecessors close to writes, the successor's
/// first plan carries Massa-Carrara's indicators over with their lineage.
/// </summary>
public class MergerCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "merge_")
{
    const string Act = "D.M. 16/02/2018";

    static readonly NodaTime.Instant July4 = NodaTime.Instant.FromUtc(2022, 7, 4, 9, 0);

    Task<CliRunner.Run> After(params string[] args) => CliRunner.RunAtAsync(July4, [.. args, "--db", Db]);

    Task<CliRunner.Run> Merge(params string[] extra) => After([
        "entity", "merge", "--into", "cciaa-tno", "--name", "Camera di Commercio della Toscana Nord-Ovest",
        "--from", "cciaa-ms", "cciaa-lu", "cciaa-pi", "--on", "01/07/2022", "--act", Act, .. extra]);

    [Fact]
    public async Task A_merger_records_the_heads_closes_the_predecessors_and_carries_lineage_across()
    {
        (await Run("plan", "import", "--as", "admin", "--entity", "cciaa-lu", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Run("plan", "rollforward", "--from", "cciaa-ms-2019", "--to", "cciaa-ms-2020", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        (await Run("plan", "rollforward", "--from", "cciaa-ms-2020", "--to", "cciaa-ms-2021", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        var merge = await Merge("--as", "admin");

        merge.ExitCode.ShouldBe(0, merge.Errors);
        merge.Output.ShouldContain("cciaa-ms, cciaa-lu, cciaa-pi → cciaa-tno");
        merge.Output.ShouldContain("cciaa-pi: registro chiuso alla posizione 0 (nessun evento)");
        merge.Output.ShouldMatch(@"cciaa-ms: registro chiuso alla posizione [1-9][0-9]*, anello [0-9a-f]{16}");

        var record = await After("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "S3.2.1-a",
            "--value", "50", "--on", "30/04/2019", "--as", "admin");
        record.ExitCode.ShouldBe(3, record.Errors);
        record.Errors.ShouldContain("L'ente cciaa-ms è cessato il 30/06/2022: dal 01/07/2022 le sue funzioni sono di "
            + "cciaa-tno (D.M. 16/02/2018)");
        (await Merge("--as", "admin")).Errors.ShouldContain("già confluito in cciaa-tno");

        var next = await After("plan", "rollforward", "--from", "cciaa-ms-2021", "--to", "cciaa-tno-2022", "--as",
            "admin");
        next.ExitCode.ShouldBe(0, next.Errors);
        var history = await Run("targets", "history", "--entity", "cciaa-tno", "--indicator", "S3.2.1-a");
        history.ExitCode.ShouldBe(0, history.Errors);
        history.Output.ShouldContain("cciaa-ms-2019");
        history.Output.ShouldContain("cciaa-tno-2022");

        var show = await Run("entity", "show", "--entity", "cciaa-tno");
        show.Output.ShouldContain("Storia che prosegue: cciaa-tno ← cciaa-ms ← cciaa-lu ← cciaa-pi");
    }

    [Fact]
    public async Task Only_an_admin_merges_and_bad_codes_are_refused_before_anything_is_written()
    {
        (await Merge("--as", "oiv")).ExitCode.ShouldBe(3);
        var bad = await After("entity", "merge", "--into", "cciaa-tno", "--name", "X", "--from", "CCIAA MS",
            "--on", "01/07/2022", "--act", Act, "--as", "admin");
        bad.ExitCode.ShouldBe(2);
        bad.Errors.ShouldContain("--from");
        (await Run("entity", "show", "--entity", "cciaa-ms")).Output.ShouldContain("Nessun predecessore.");
        var record = await After("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "S3.2.1-a",
            "--value", "50", "--on", "30/04/2019", "--as", "admin");
        record.ExitCode.ShouldBe(0, record.Errors);
    }
}
