using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Database;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// Issue #10, «beyond one server» (ADR 0031): a second PostgreSQL cluster beside the test run's, and one host whose
/// store places Massa-Carrara on server A (the home database) and Lucca on server B (<c>--databases</c>). Each
/// administration's rows are physically on its server, each verifies, isolation holds through the CLI and HTTP, and
/// a row altered on server B is found by B's verification.
/// </summary>
public sealed class TwoServersTests(PostgresCluster cluster) : IAsyncLifetime
{
    const string MassaCarrara = "cciaa-ms-2019", Lucca = "cciaa-lu-2019";
    readonly string _databaseA = "servers_a_" + Guid.NewGuid().ToString("N")[..8];
    readonly string _rootB = Path.Combine(Path.GetTempPath(), "perfplan-server-b-" + Guid.NewGuid().ToString("N")[..8]);
    readonly string _files = Directory.CreateTempSubdirectory("perfplan-servers-").FullName;
    EmbeddedPostgres _serverB = null!;
    string _a = "", _b = "", _layout = "", _users = "";

    public async ValueTask InitializeAsync()
    {
        _a = await cluster.CreateDatabaseAsync(_databaseA);
        _serverB = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions(_rootB, Durable: false, Database: "perfplan_b"));
        _b = _serverB.ConnectionString;
        _layout = Path.Combine(_files, "databases.json");
        await File.WriteAllTextAsync(_layout, System.Text.Json.JsonSerializer.Serialize(new
        {
            databases = new[]
            {
                new { name = "server-a", connection = _a, entities = new[] { "cciaa-ms" } },
                new { name = "server-b", connection = _b, entities = new[] { "cciaa-lu" } },
            },
        }));
        _users = Path.Combine(_files, "users.json");
        await File.WriteAllTextAsync(_users, """
            { "users": [
              { "user": "admin", "name": "Operatore", "roles": ["admin"], "entities": ["*"] },
              { "user": "giunta", "name": "Giunte", "roles": ["approver"], "entities": ["*"] },
              { "user": "analista", "name": "Analista di Massa-Carrara", "roles": ["analyst"],
                "entities": ["cciaa-ms"] } ] }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _serverB.StopAsync();
        Directory.Delete(_rootB, recursive: true);
        await cluster.DropDatabaseAsync(_databaseA);
        Directory.Delete(_files, recursive: true);
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    Task<CliRunner.Run> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--databases", _layout, "--users", _users]);

    async Task<CliRunner.Run> Ok(params string[] args)
    {
        var run = await Run(args);
        run.ExitCode.ShouldBe(0, run.Errors);
        return run;
    }

    async Task StoreBothAsync()
    {
        await Ok("plan", "import", SeedFiles.PlanCsv, "--as", "admin");
        await Ok("plan", "import", SeedFiles.PlanCsv, "--entity", "cciaa-lu", "--as", "admin");
        foreach (var plan in new[] { MassaCarrara, Lucca })
        {
            await Ok("plan", "approve", "--plan", plan, "--act", "Delibera di Giunta n. 7 del 31/01/2019", "--on",
                "31/01/2019", "--as", "giunta");
            await Ok("results", "record", "--plan", plan, "--indicator", "O1.2.4-a", "--value", "4", "--on",
                "31/05/2019", "--as", "admin");
        }
    }

    static async Task<long> CountAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Two_servers_serve_two_entities_behind_one_host_with_isolation_and_verification_intact()
    {
        await StoreBothAsync();

        foreach (var plan in new[] { MassaCarrara, Lucca })
            (await Ok("scores", "--plan", plan, "--as", "admin")).Output.ShouldContain("O1.2.4");
        const string Events = "select count(*) from perfplan.mt_events where tenant_id = ";
        (await CountAsync(_a, Events + "'cciaa-ms'")).ShouldBeGreaterThan(0);
        (await CountAsync(_a, Events + "'cciaa-lu'")).ShouldBe(0);
        (await CountAsync(_b, Events + "'cciaa-lu'")).ShouldBeGreaterThan(0);
        (await CountAsync(_b, Events + "'cciaa-ms'")).ShouldBe(0);
        (await CountAsync(_b, "select count(*) from perfplan.pp_ledger_checkpoint")).ShouldBe(1);   // Lucca's approval

        foreach (var entity in new[] { "cciaa-ms", "cciaa-lu" })
            (await Ok("ledger", "verify", "--entity", entity, "--as", "admin")).Output
                .ShouldContain("Registro integro");
        (await Ok("ledger", "verify", "--as", "admin")).Output.ShouldContain("Registro integro");
        (await Ok("ledger", "digest", "--entity", "cciaa-lu", "--as", "admin")).Errors.ShouldContain("cciaa-lu");
        var whole = await Run("ledger", "digest", "--as", "admin");   // each database has its own global chain
        whole.ExitCode.ShouldBe(3);
        whole.Errors.ShouldContain("--entity");

        var lucca = await Run("scores", "--plan", Lucca, "--as", "analista");
        var unknown = await Run("scores", "--plan", "cciaa-ms-2091", "--as", "analista");
        lucca.ExitCode.ShouldNotBe(0);
        (lucca.ExitCode, lucca.Output, lucca.Errors.Replace(Lucca, "X"))
            .ShouldBe((unknown.ExitCode, unknown.Output, unknown.Errors.Replace("cciaa-ms-2091", "X")));
        (await Run("results", "record", "--plan", Lucca, "--indicator", "O1.2.4-a", "--value", "5", "--on",
            "30/06/2019", "--as", "analista")).ExitCode.ShouldNotBe(0);
        (await CountAsync(_b, Events + "'cciaa-lu' and type = 'result_recorded'")).ShouldBe(1);

        var unplaced = await Run("plan", "import", SeedFiles.PlanCsv, "--entity", "cciaa-pi", "--as", "admin");
        unplaced.ExitCode.ShouldBe(3, unplaced.Errors);
        unplaced.Errors.ShouldContain("non è assegnato a nessuno dei database");
        (await CountAsync(_a, Events + "'cciaa-pi'") + await CountAsync(_b, Events + "'cciaa-pi'")).ShouldBe(0);
    }

    [Fact]
    public async Task One_web_host_answers_for_both_servers_and_a_user_of_one_entity_meets_the_other_as_unknown()
    {
        await StoreBothAsync();
        using var store = EventStore.Create(DatabaseLayout.Parse(await File.ReadAllTextAsync(_layout, Ct), _layout));
        await using var app = WebHost.Build(store, "http://127.0.0.1:0",
            new FakeClock(Instant.FromUtc(2022, 3, 1, 10, 0)));
        await app.StartAsync(Ct);
        using var http = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features
                .Get<IServerAddressesFeature>()!.Addresses.First()),
        };
        // Development tokens take their entities from the directory: the demonstration users' (admin: every
        // administration; analista: Massa-Carrara's).
        async Task<(HttpStatusCode Status, string Body)> Get(Actor actor, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey).Issue(actor.User, actor.Roles,
                    actor.Offices, actor.Holder, DateTime.UtcNow, TimeSpan.FromMinutes(5)));
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var admin = new Actor("admin", [Role.Admin], []);
        var analyst = new Actor("analista", [Role.Analyst], []);

        (await Get(admin, $"/api/plans/{Lucca}/scores")).Status.ShouldBe(HttpStatusCode.OK);
        (await Get(analyst, $"/api/plans/{MassaCarrara}/scores")).Status.ShouldBe(HttpStatusCode.OK);
        var other = await Get(analyst, $"/api/plans/{Lucca}/scores");
        var none = await Get(analyst, "/api/plans/cciaa-ms-2091/scores");
        other.Status.ShouldBe(HttpStatusCode.NotFound);
        static string Plain(string body, string plan) =>   // the same answer, but for the plan's id and the trace
            System.Text.RegularExpressions.Regex.Replace(body.Replace(plan, "X"), "\"traceId\":\"[^\"]*\"", "");
        Plain(other.Body, Lucca).ShouldBe(Plain(none.Body, "cciaa-ms-2091"));
        var list = (await Get(admin, "/api/plans")).Body;
        list.ShouldContain(MassaCarrara);
        list.ShouldContain(Lucca);
        (await Get(analyst, "/api/plans")).Body.ShouldNotContain(Lucca);
        (await Get(admin, "/health")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rebuild_folds_each_server_s_events_into_that_server_s_documents()
    {
        await StoreBothAsync();

        var rebuilt = await Ok("rebuild", "--format", "json");

        using var report = System.Text.Json.JsonDocument.Parse(rebuilt.Output);
        report.RootElement.GetProperty("plansChecked").GetInt32().ShouldBe(2);
        report.RootElement.GetProperty("equalsEvents").GetBoolean().ShouldBeTrue();
        const string Plans = "select count(*) from perfplan.mt_doc_plan where tenant_id = ";
        (await CountAsync(_a, Plans + "'cciaa-ms'"), await CountAsync(_a, Plans + "'cciaa-lu'")).ShouldBe((1L, 0L));
        (await CountAsync(_b, Plans + "'cciaa-lu'"), await CountAsync(_b, Plans + "'cciaa-ms'")).ShouldBe((1L, 0L));
    }

    [Fact]
    public async Task A_row_altered_on_server_b_is_found_by_b_s_verification_and_a_still_verifies()
    {
        await StoreBothAsync();
        await using (var conn = new NpgsqlConnection(_b))
        {
            await conn.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand("update perfplan.mt_events set data = jsonb_set(data, "
                + "'{value,amount}', '12') where type = 'result_recorded' and tenant_id = 'cciaa-lu'", conn);
            (await cmd.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }

        var b = await Run("ledger", "verify", "--entity", "cciaa-lu", "--as", "admin");
        b.ExitCode.ShouldBe(4, b.Errors);
        b.Errors.ShouldContain("Registro NON integro");
        b.Errors.ShouldContain(Lucca);
        (await Ok("ledger", "verify", "--entity", "cciaa-ms", "--as", "admin")).Output
            .ShouldContain("Registro integro");
        (await Run("ledger", "verify", "--as", "admin")).ExitCode.ShouldBe(4);
    }
}
