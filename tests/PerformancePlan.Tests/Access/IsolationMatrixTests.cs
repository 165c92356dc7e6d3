using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// One store, two administrations (ADR 0028): the seed plan as Massa-Carrara's <c>cciaa-ms-2019</c>, approved, and
/// the same file imported for Lucca as <c>cciaa-lu-2019</c>. The demonstration users are Massa-Carrara's.
/// </summary>
public sealed class TwoEntitiesHost(PostgresCluster cluster) : IAsyncLifetime
{
    /// <summary>Lucca's plan, and one id that no administration has.</summary>
    public const string Lucca = "cciaa-lu-2019", Unknown = "cciaa-ms-2091";

    /// <summary>The host of the access matrix, with Lucca's plan added.</summary>
    public AccessHost Host { get; } = new(cluster);

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        (await Host.Cli("admin", "plan", "import", SeedFiles.PlanCsv, "--entity", "cciaa-lu")).ExitCode.ShouldBe(0);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// Issue #10, isolation: for every door of the access table (<see cref="AccessMatrix"/>) and every user of entity A
/// (Massa-Carrara), entity B's (Lucca's) plan answers exactly as a plan that does not exist (the CLI's exit and output,
/// the HTTP status: 404 for reads) — lists show A's plans only, writes to B are refused and write nothing, and the
/// ledger gives A's OIV A's chain only.
/// </summary>
public class IsolationMatrixTests(TwoEntitiesHost two) : IClassFixture<TwoEntitiesHost>
{
    AccessHost Host => two.Host;

    static readonly string[] Users = [.. AccessMatrix.Columns.OfType<string>().Where(u => u != "admin")];

    public static TheoryData<string, int, int> PlanDoors(bool cli)
    {
        var data = new TheoryData<string, int, int>();
        for (var r = 0; r < AccessMatrix.Rows.Length; r++)
            for (var d = 0; d < AccessMatrix.Rows[r].Doors.Length; d++)
                if (AccessMatrix.Rows[r].Doors[d] is var door && (cli
                        ? door.Cli?.Contains(AccessMatrix.Plan) == true
                        : door.Route?.Contains("{id}") == true && door.Id == AccessMatrix.Plan))
                    data.Add($"{AccessMatrix.Rows[r]}: {door}", r, d);
        return data;
    }

    [Theory]
    [MemberData(nameof(PlanDoors), true)]
    public async Task Every_CLI_verb_on_another_entitys_plan_answers_as_for_a_plan_that_does_not_exist(
        string door, int r, int d)
    {
        var verb = AccessMatrix.Rows[r].Doors[d].Cli!;
        string[] On(string plan) => [.. verb.Select(a => a == AccessMatrix.Plan ? plan : a)];
        foreach (var user in Users)
        {
            var lucca = await Host.Cli(user, On(TwoEntitiesHost.Lucca));
            var unknown = await Host.Cli(user, On(TwoEntitiesHost.Unknown));
            lucca.ExitCode.ShouldBe(unknown.ExitCode, $"{user}: {door}");
            lucca.ExitCode.ShouldNotBe(0, $"{user}: {door}");   // nothing empty-but-OK
            Plain(lucca.Output, TwoEntitiesHost.Lucca).ShouldBe(Plain(unknown.Output, TwoEntitiesHost.Unknown),
                $"{user}: {door}");
            lucca.Errors.Replace(TwoEntitiesHost.Lucca, "«piano»").ShouldBe(
                unknown.Errors.Replace(TwoEntitiesHost.Unknown, "«piano»"), $"{user}: {door}");
        }
    }

    [Theory]
    [MemberData(nameof(PlanDoors), false)]
    public async Task Every_endpoint_and_page_on_another_entitys_plan_answers_as_for_a_plan_that_does_not_exist(
        string door, int r, int d)
    {
        var request = AccessMatrix.Rows[r].Doors[d];
        foreach (var user in Users)
        {
            var lucca = await Host.Answer(user, request with { Id = TwoEntitiesHost.Lucca });
            var unknown = await Host.Answer(user, request with { Id = TwoEntitiesHost.Unknown });
            lucca.Status.ShouldBe(unknown.Status, $"{user}: {door}");
            lucca.Status.ShouldNotBe(200, $"{user}: {door}");   // nothing empty-but-OK
            lucca.Body.Replace(TwoEntitiesHost.Lucca, "«piano»").ShouldBe(
                unknown.Body.Replace(TwoEntitiesHost.Unknown, "«piano»"), $"{user}: {door}");
        }
    }

    [Fact]
    public async Task A_write_to_another_entitys_plan_is_a_404_with_the_body_of_a_read_of_an_unknown_plan()
    {
        var read = await Host.Answer("u1.1", Door.Http("GET", "/api/plans/{id}") with { Id = TwoEntitiesHost.Lucca });
        var write = Door.Http("POST", "/api/plans/{id}/results", 201,
            """{"indicator":"O1.2.4-a","value":"3","on":"30/04/2019"}""");

        var lucca = await Host.Answer("u1.1", write with { Id = TwoEntitiesHost.Lucca });
        var unknown = await Host.Answer("u1.1", write with { Id = TwoEntitiesHost.Unknown });

        read.Status.ShouldBe(404);
        read.Body.ShouldContain($"Nessun piano con identificativo «{TwoEntitiesHost.Lucca}»");
        lucca.ShouldBe(read);
        unknown.ShouldBe((404, read.Body.Replace(TwoEntitiesHost.Lucca, TwoEntitiesHost.Unknown)));
    }

    [Theory]
    [InlineData("/api/plans/{id}/audit")]
    [InlineData("/api/plans/{id}/exports/audit")]
    [InlineData("/api/plans/{id}/indicators/{code}/results")]
    public async Task The_audit_and_an_indicators_entries_of_another_entitys_plan_are_a_404_not_an_empty_list(
        string route)
    {
        var read = await Host.Answer("oiv", Door.Http("GET", "/api/plans/{id}") with { Id = TwoEntitiesHost.Lucca });

        var lucca = await Host.Answer("oiv", Door.Http("GET", route) with { Id = TwoEntitiesHost.Lucca });
        var own = await Host.Answer("oiv", Door.Http("GET", route));

        lucca.ShouldBe(read);
        read.Status.ShouldBe(404);
        own.Status.ShouldBe(200);
    }

    [Theory]
    [InlineData("audit", "--plan", "{plan}")]
    [InlineData("export", "audit", "--plan", "{plan}", "--out", "{out}.csv")]
    [InlineData("results", "list", "--plan", "{plan}", "--indicator", "O1.2.4-a")]
    public async Task The_CLI_refuses_the_audit_and_entries_of_another_entitys_plan_as_an_unknown_plan(
        params string[] verb)
    {
        string[] On(string plan) => [.. verb.Select(a => a == "{plan}" ? plan : a)];

        var lucca = await Host.Cli("oiv", On(TwoEntitiesHost.Lucca));
        var own = await Host.Cli("oiv", On(AccessMatrix.Plan));

        lucca.ExitCode.ShouldBe(2);
        lucca.Output.ShouldBeEmpty();
        lucca.Errors.ShouldContain($"Piano «{TwoEntitiesHost.Lucca}» non trovato.");
        own.ExitCode.ShouldBe(0, own.Errors);
    }

    [Fact]
    public async Task The_office_user_of_Massa_Carrara_cannot_record_on_Luccas_plan_and_nothing_is_written()
    {
        var before = await Host.Cli("admin", "ledger", "verify", "--entity", "cciaa-lu", "--format", "json");

        var run = await Host.Cli("u1.1", "results", "record", "--plan", TwoEntitiesHost.Lucca, "--indicator",
            "O1.2.4-a", "--value", "3", "--on", "30/04/2019");
        var write = Door.Http("POST", "/api/plans/{id}/results", 201,
            """{"indicator":"O1.2.4-a","value":"3","on":"30/04/2019"}""");
        var api = await Host.Send("u1.1", write with { Id = TwoEntitiesHost.Lucca });

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain($"Piano «{TwoEntitiesHost.Lucca}» non trovato");
        api.ShouldBe(404);
        api.ShouldBe(await Host.Send("u1.1", write with { Id = TwoEntitiesHost.Unknown }));
        var after = await Host.Cli("admin", "ledger", "verify", "--entity", "cciaa-lu", "--format", "json");
        Events(after).ShouldBe(Events(before));
        Events(before).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_holder_PO2_of_Massa_Carrara_cannot_read_Luccas_PO2_scorecard()
    {
        var run = await Host.Cli("po2", "scorecard", "--plan", TwoEntitiesHost.Lucca, "--holder", "PO2");
        var own = await Host.Cli("po2", "scorecard", "--plan", AccessMatrix.Plan, "--holder", "PO2");

        own.ExitCode.ShouldBe(0);
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Errors.ShouldContain($"Piano «{TwoEntitiesHost.Lucca}» non trovato");
    }

    [Fact]
    public async Task The_OIV_of_Massa_Carrara_gets_its_own_chain_and_nothing_of_Lucca()
    {
        var whole = await Host.Cli("oiv", "ledger", "digest");
        var own = await Host.Cli("oiv", "ledger", "digest", "--entity", "cciaa-ms");
        var other = await Host.Cli("oiv", "ledger", "verify", "--entity", "cciaa-lu");
        var operatorDigest = await Host.Cli("admin", "ledger", "digest");

        whole.ExitCode.ShouldBe(3);
        whole.Errors.ShouldContain("--entity cciaa-ms");
        own.ExitCode.ShouldBe(0, own.Errors);
        own.Output.ShouldContain("cciaa-ms");
        own.Output.ShouldNotContain("cciaa-lu");
        other.ExitCode.ShouldBe(2);
        other.Errors.ShouldContain("Ente «cciaa-lu» non trovato");
        operatorDigest.ExitCode.ShouldBe(0, operatorDigest.Errors);
        operatorDigest.Output.ShouldContain("cciaa-lu");
    }

    [Fact]
    public async Task The_ledger_verify_endpoint_gives_an_OIV_its_own_entity_and_nothing_of_another()
    {
        Door Verify(string entity) => Door.Http("GET", $"/api/ledger/verify?entity={entity}");
        var lucca = await Host.Answer("admin", Verify("cciaa-lu"));
        var luccaHead = System.Text.Json.JsonDocument.Parse(lucca.Body).RootElement.GetProperty("head").GetString()!;

        var own = await Host.Answer("oiv", Verify("cciaa-ms"));
        var other = await Host.Answer("oiv", Verify("cciaa-lu"));
        var none = await Host.Answer("oiv", Verify("cciaa-zz"));

        lucca.Status.ShouldBe(200);
        own.Status.ShouldBe(200, own.Body);
        own.Body.ShouldContain("\"verified\":true");
        own.Body.ShouldNotContain(luccaHead);
        other.Status.ShouldBe(404);
        other.Body.ShouldNotContain(luccaHead);
        other.Body.Replace("cciaa-lu", "«ente»").ShouldBe(none.Body.Replace("cciaa-zz", "«ente»"));
    }

    [Fact]
    public async Task Lists_show_the_users_own_administration_and_the_operator_sees_both()
    {
        foreach (var user in Users)
            (await Host.Get(user, "/api/plans/")).ShouldNotContain("cciaa-lu");
        (await Host.Get("u1.1", "/api/plans/")).ShouldContain(AccessMatrix.Plan);
        (await Host.Get("u1.1", "/")).ShouldNotContain("cciaa-lu");
        (await Host.Get("admin", "/api/plans/")).ShouldContain(TwoEntitiesHost.Lucca);
    }

    // The plan's id and the fresh output file each run writes are the only differences allowed.
    static string Plain(string output, string plan) =>
        System.Text.RegularExpressions.Regex.Replace(output.Replace(plan, "«piano»"), "/tmp/\\S+", "«file»");

    static long Events(CliRunner.Run run) =>
        System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("events").GetInt64();
}
