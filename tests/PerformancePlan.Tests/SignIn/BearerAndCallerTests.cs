using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Auth;
using PerformancePlan.Tests.Api;

namespace PerformancePlan.Tests.SignIn;

/// <summary>
/// <c>perfplan token</c>'s development tokens name a user the directory knows, and carry the directory's roles, not
/// their own; they and the demo accounts are for a caller on this machine, which a proxy passing on a remote client
/// (<c>X-Forwarded-For</c>) is not, even to a host listening on 127.0.0.1 (ADR 0026).
/// </summary>
public class BearerAndCallerTests(SignInHost fixture) : IClassFixture<SignInHost>, IAsyncLifetime
{
    const string Remote = "203.0.113.9";
    readonly ApiHost _host = fixture.Host;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One demo account, admin, with the published password.</summary>
    public async ValueTask InitializeAsync() =>
        await new AccountService(_host.Store, _host.Clock).EnsureDemoAccountsAsync(new UserDirectory("prova",
            new Dictionary<string, Actor> { ["dimostrativo"] = new("dimostrativo", [Role.Admin], [], null) }), Ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_development_token_for_a_user_nobody_knows_is_refused_and_records_nothing()
    {
        var token = Token("nessuno", Role.Admin);

        var write = await Api(token).PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-a", value = "90%", on = "30/04/2019" }, Ct);

        write.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api(Token("admin", Role.Admin)).GetStringAsync("/api/plans/cciaa-ms-2019/audit", Ct))
            .ShouldNotContain("nessuno");
    }

    [Fact]
    public async Task A_development_token_acts_with_the_directorys_roles_not_those_it_claims()
    {
        var token = Token("u1.1", Role.Admin, "U2.1");   // users.json: office staff of U1.1

        var write = await Api(token).PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-a", value = "90%", on = "30/04/2019" }, Ct);
        var audit = await Api(token).GetAsync("/api/plans/cciaa-ms-2019/audit", Ct);

        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_development_token_of_a_disabled_account_is_refused()
    {
        var token = Token("spento", Role.OfficeStaff, "U2.1");
        var before = await Api(token).GetAsync("/api/plans/cciaa-ms-2019/indicators/O2.2.1-a/results", Ct);

        await new AccountService(_host.Store, _host.Clock).SetDisabledAsync("spento", true, Ct);
        var after = await Api(token).GetAsync("/api/plans/cciaa-ms-2019/indicators/O2.2.1-a/results", Ct);

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Through_a_local_proxy_for_a_remote_client_a_development_token_is_refused()
    {
        var token = Token("admin", Role.Admin);
        using var proxied = Api(token);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);

        (await Api(token).GetAsync("/api/plans/cciaa-ms-2019/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await proxied.GetAsync("/api/plans/cciaa-ms-2019/audit", Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Through_a_local_proxy_for_a_remote_client_the_demo_password_is_neither_shown_nor_accepted()
    {
        using var remote = new WebSignIn(_host.Address);
        remote.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);
        using var local = new WebSignIn(_host.Address);

        var (_, remoteForm) = await remote.GetAsync("/accesso");
        var (refused, _) = await remote.SignInAsync("dimostrativo", AccountService.DemoPassword);
        var (_, localForm) = await local.GetAsync("/accesso");
        var (_, signedIn) = await local.SignInAsync("dimostrativo", AccountService.DemoPassword);

        remoteForm.ShouldContain("Nome utente");
        remoteForm.ShouldNotContain(AccountService.DemoPassword);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        localForm.ShouldContain(AccountService.DemoPassword);
        signedIn.ShouldContain("dimostrativo</b>");
    }

    /// <summary>A token as <c>perfplan token --user U --role R [--office O]</c> makes it (valid now).</summary>
    static string Token(string user, Role role, params string[] offices) =>
        new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey)
            .Issue(user, [role], offices, null, DateTime.UtcNow, TimeSpan.FromMinutes(10));

    HttpClient Api(string token)
    {
        var http = new HttpClient { BaseAddress = _host.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
