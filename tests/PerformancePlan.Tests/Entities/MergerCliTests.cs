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

    Task<CliRunner.Run> After(params string[] args) =>
        CliRunner.RunAtAsync(July4, [.. args, "--db", Db, .. Users is { } users ? new[] { "--users", users } : []]);

    /// <summary>The demo users, and the OIV and an analyst of Toscana Nord-Ovest and an analyst of Pisa.</summary>
    static string UsersOfTheSuccessor()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-users-").FullName, "users.json");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(SeedFiles.RepositoryRoot(), "src", "Host", "users.json"))
            .Replace("\"users\": [", """
                "users": [
                { "user": "oiv-tno", "roles": ["oiv"], "entities": ["cciaa-tno"] },
                { "user": "analista-tno", "roles": ["analyst"], "entities": ["cciaa-tno"] },
                { "user": "analista-pi", "roles": ["analyst"], "entities": ["cciaa-pi"] },
                { "user": "giunta-lu", "roles": ["approver"], "entities": ["cciaa-lu"] },
                { "user": "giunta-tno", "roles": ["approver"], "entities": ["cciaa-tno"] },
                """));
        return path;
    }

    public override async ValueTask InitializeAsync()
    {
        Users = UsersOfTheSuccessor();
        await base.InitializeAsync();
    }

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
        var history = await Run("targets", "history", "--entity", "cciaa-tno", "--indicator", "S3.2.1-a", "--format",
            "json");
        history.ExitCode.ShouldBe(0, history.Errors);
        using (var changes = System.Text.Json.JsonDocument.Parse(history.Output))
            changes.RootElement.EnumerateArray().Select(c => c.GetProperty("plan").GetString()).Distinct().Order()
                .ShouldBe(["cciaa-ms-2019", "cciaa-ms-2020", "cciaa-ms-2021", "cciaa-tno-2022"]);

        var show = await Run("entity", "show", "--entity", "cciaa-tno");
        show.Output.ShouldContain("Storia che prosegue: cciaa-tno ← cciaa-ms ← cciaa-lu ← cciaa-pi");

        // The successor's OIV verifies the predecessors' whole history up to the merger, and reads their plans.
        var verify = await After("ledger", "verify", "--entity", "cciaa-tno", "--as", "oiv-tno", "--format", "json");
        verify.ExitCode.ShouldBe(0, verify.Errors + verify.Output);
        using (var report = System.Text.Json.JsonDocument.Parse(verify.Output))
        {
            report.RootElement.GetProperty("verified").GetBoolean().ShouldBeTrue();
            report.RootElement.GetProperty("entities").EnumerateArray()
                .Select(e => e.GetProperty("entity").GetString()).ShouldBe(["cciaa-tno", "cciaa-ms", "cciaa-lu",
                    "cciaa-pi"]);
        }
        (await After("scores", "--plan", "cciaa-ms-2019", "--as", "analista-tno")).ExitCode.ShouldBe(0);
        (await After("plan", "approve", "--plan", "cciaa-tno-2022", "--act", "Delibera n. 1 del 04/07/2022", "--on",
            "04/07/2022", "--as", "giunta-tno")).ExitCode.ShouldBe(0);
        var write = await After("results", "record", "--plan", "cciaa-tno-2022", "--indicator", "S3.2.1-a",
            "--value", "50", "--on", "30/04/2022", "--as", "admin");
        write.ExitCode.ShouldBe(0, write.Errors);
        // Pisa's analyst reads nothing of Toscana Nord-Ovest: a successor's history is not its predecessors'.
        (await After("scores", "--plan", "cciaa-tno-2022", "--as", "analista-pi")).Errors.ShouldContain("non trovato");
    }

    [Fact]
    public async Task The_successors_verification_finds_a_rewritten_predecessor_and_a_write_after_the_merger()
    {
        (await Run("plan", "import", "--as", "admin", "--entity", "cciaa-lu", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Merge("--as", "admin")).ExitCode.ShouldBe(0);
        // A write that got past the guard (its index row removed behind the application's back) lands after the merger.
        await Sql("update perfplan.mt_doc_succession set id = 'nascosto' where id = 'cciaa-lu'");
        var late = await After("plan", "approve", "--plan", "cciaa-lu-2019", "--act", "Delibera n. 3", "--on",
            "31/01/2019", "--as", "giunta-lu");
        late.ExitCode.ShouldBe(0, late.Errors);
        await Sql("update perfplan.mt_doc_succession set id = 'cciaa-lu' where id = 'nascosto'");
        await Sql("alter table perfplan.mt_events disable trigger user; "
            + "update perfplan.mt_events set data = jsonb_set(data, '{act}', '\"Delibera n. 8\"') "
            + "where stream_id = 'cciaa-ms-2019' and type = 'plan_approved'; "
            + "alter table perfplan.mt_events enable trigger user");

        var verify = await After("ledger", "verify", "--entity", "cciaa-tno", "--as", "oiv-tno");

        verify.ExitCode.ShouldBe(4, verify.Output);
        verify.Errors.ShouldContain("cciaa-ms-2019 versione");
        verify.Errors.ShouldContain("l'ente cciaa-lu ha 1 sigillo dopo la fusione in cciaa-tno dal 01/07/2022");
    }

    async Task Sql(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(Db);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
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
