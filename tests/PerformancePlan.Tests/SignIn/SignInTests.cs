using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Web.SignIn;
using PerformancePlan.Tests.Api;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.SignIn;

/// <summary>One host for the class, with an account of office U2.1 per test (tests change their account's state)
/// and one of the OIV.</summary>
public sealed class SignInHost(PostgresCluster cluster) : IAsyncLifetime
{
    /// <summary>The accounts' password.</summary>
    public const string Password = "password-di-prova";

    /// <summary>The office accounts, U2.1 each.</summary>
    public static readonly string[] OfficeUsers = ["u2.1", "bloccato", "disabilitato", "uscita", "modulo", "api",
        "raffica", "revocato", "spento", "copiato"];

    /// <summary>The host, on a schema of its own with the seed plan approved.</summary>
    public ApiHost Host { get; } = new(cluster);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Host.StartAsync(approved: true, ct);
        var accounts = new AccountService(Host.Store, Host.Clock);
        foreach (var user in OfficeUsers)
            await accounts.AddAsync(new AccountInput(user, "Registro imprese", [Role.OfficeStaff], ["U2.1"], null),
                Password, ct);
        await accounts.AddAsync(new AccountInput("oiv", null, [Role.Oiv], [], null), Password, ct);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// The dashboard's sign-in through OpenID Connect against the embedded provider, as a browser does it (redirects and
/// cookies, no script): session cookie flags, refusals that do not tell whether a user exists, lockout, disabled
/// accounts, sign-out, antiforgery, and the provider's access token as the API's bearer token.
/// </summary>
public class SignInTests(SignInHost fixture) : IClassFixture<SignInHost>
{
    const string Password = SignInHost.Password;
    readonly ApiHost _host = fixture.Host;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    WebSignIn Browser() => new(_host.Address);

    [Fact]
    public async Task Signing_in_opens_a_session_with_the_accounts_roles_in_an_httponly_lax_cookie()
    {
        using var browser = Browser();

        var (response, page) = await browser.SignInAsync("u2.1", Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("u2.1</b> (personale d'ufficio; uffici U2.1)");
        var session = browser.SetCookies.Single(c => c.StartsWith(SignInSetup.SessionCookie + "="));
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
        session.ShouldNotContain("secure");   // plain http on loopback only: SameAsRequest
        session.ShouldNotContain("expires");  // a session cookie; the ticket itself expires after 30 idle minutes
        browser.SetCookies.ShouldContain(c => c.StartsWith(SignInSetup.ProviderCookie + "="));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_italian_refusal()
    {
        using var browser = Browser();

        var (wrong, wrongPage) = await browser.SignInAsync("u2.1", "non-la-password");
        var (unknown, unknownPage) = await browser.SignInAsync("nessuno", "non-la-password");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongPage.ShouldContain("Accesso non riuscito: nome utente o password non corretti.");
        Refusal(unknownPage).ShouldBe(Refusal(wrongPage));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_to_the_right_one()
    {
        using var browser = Browser();
        for (var i = 0; i < 5; i++)
            (await browser.SignInAsync("bloccato", "sbagliata-" + i)).Response.StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);

        var (locked, page) = await browser.SignInAsync("bloccato", Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        page.ShouldContain("Dopo 5 tentativi sbagliati l'accesso resta sospeso per 15 minuti");

        _host.Clock.Advance(Duration.FromMinutes(15));
        (await browser.SignInAsync("bloccato", Password)).Page.ShouldContain("bloccato</b> (personale d'ufficio");
        using var other = Browser();   // the lock was that account's only
        (await other.SignInAsync("oiv", Password)).Page.ShouldContain("oiv</b> (OIV)");
    }

    [Fact]
    public async Task Ten_wrong_passwords_sent_at_once_lock_the_account_as_five_in_a_row_do()
    {
        using var browser = Browser();
        var (_, form) = await browser.GetAsync("/accesso");
        var token = WebSignIn.Hidden(form, "__RequestVerificationToken");

        var refused = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => browser.PostAsync(
            "/accesso/credenziali", [new("__RequestVerificationToken", token), new("utente", "raffica"),
                new("password", "sbagliata-" + i)])));

        refused.ShouldAllBe(r => r.Response.StatusCode == HttpStatusCode.Unauthorized);
        var account = await new AccountService(_host.Store, _host.Clock).FindAsync("raffica", Ct);
        account!.LockedUntil.ShouldBe(_host.Clock.GetCurrentInstant() + Duration.FromMinutes(15));
        (await browser.SignInAsync("raffica", Password)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_session_ends()
    {
        using var open = Browser();
        (await open.SignInAsync("disabilitato", Password)).Page.ShouldContain("disabilitato</b>");

        await new AccountService(_host.Store, _host.Clock).SetDisabledAsync("disabilitato", true, Ct);

        using var another = Browser();
        var (refused, page) = await another.SignInAsync("disabilitato", Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Refusal(page).ShouldStartWith("Accesso non riuscito");
        var (_, now) = await open.GetAsync("/accesso");
        now.ShouldNotContain("disabilitato</b>");
        now.ShouldContain("Nome utente");   // back at the provider's form
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        using var browser = Browser();
        var (_, session) = await browser.SignInAsync("uscita", Password);

        var (done, home) = await browser.PostAsync("/esci",
            [new("__RequestVerificationToken", WebSignIn.Hidden(session, "__RequestVerificationToken"))]);

        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        var (_, again) = await browser.GetAsync("/accesso");
        again.ShouldContain("Nome utente");   // the provider asks again: its session ended too
        (await browser.GetAsync("/piani/cciaa-ms-2019/indicatori/O2.2.1-e")).Response.StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copy_of_its_cookies_no_longer_works()
    {
        using var browser = Browser();
        var (_, session) = await browser.SignInAsync("copiato", Password);
        var cookies = browser.Cookies.GetCookieHeader(_host.Address);
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
            { BaseAddress = _host.Address };
        copy.DefaultRequestHeaders.Add("Cookie", cookies);
        const string page = "/piani/cciaa-ms-2019/indicatori/O2.2.1-e";
        (await copy.GetAsync(page, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await browser.PostAsync("/esci",
            [new("__RequestVerificationToken", WebSignIn.Hidden(session, "__RequestVerificationToken"))]);

        (await copy.GetAsync(page, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var authorize = await copy.GetAsync("/connect/authorize?client_id=perfplan-cruscotto&response_type=code"
            + "&scope=openid&code_challenge=" + new string('a', 43) + "&code_challenge_method=S256&redirect_uri="
            + Uri.EscapeDataString(new Uri(_host.Address, "/signin-oidc").ToString()), Ct);
        authorize.Headers.Location!.AbsolutePath.ShouldBe("/accesso/credenziali");   // the provider asks again
        (await browser.SignInAsync("copiato", Password)).Page.ShouldContain("copiato</b>");   // a new session works
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_with_400_and_does_nothing()
    {
        using var browser = Browser();
        (await browser.GetAsync("/accesso")).Page.ShouldContain("Nome utente");

        var (login, page) = await browser.PostAsync("/accesso/credenziali",
            [new("utente", "modulo"), new("password", Password)]);
        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("Il modulo è scaduto o non viene da questa pagina");

        await browser.SignInAsync("modulo", Password);
        var (record, _) = await browser.PostAsync("/piani/cciaa-ms-2019/indicatori/O2.2.1-d/risultati",
            [new("valore", "85%"), new("data", "30/04/2019")]);
        record.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Entries("O2.2.1-d")).ShouldBe(0);
        (await browser.PostAsync("/esci", [])).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_result_form_records_with_the_session_and_is_refused_for_another_offices_indicator()
    {
        using var browser = Browser();
        await browser.SignInAsync("u2.1", Password);
        var (_, page) = await browser.GetAsync("/piani/cciaa-ms-2019/indicatori/O2.2.1-e");
        var token = WebSignIn.Hidden(page, "__RequestVerificationToken");

        var (ok, after) = await browser.PostAsync("/piani/cciaa-ms-2019/indicatori/O2.2.1-e/risultati",
            [new("__RequestVerificationToken", token), new("valore", "85%"), new("data", "30/04/2019")]);
        var (refused, why) = await browser.PostAsync("/piani/cciaa-ms-2019/indicatori/O2.1.4-b/risultati",
            [new("__RequestVerificationToken", token), new("valore", "100%"), new("data", "30/04/2019")]);

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.ShouldContain("85%");
        (await Entries("O2.2.1-e")).ShouldBe(1);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        why.ShouldContain("u2.1");
        (await Entries("O2.1.4-b")).ShouldBe(0);
        (await browser.GetAsync("/piani/cciaa-ms-2019/indicatori/O2.1.4-b")).Page.ShouldNotContain("Registra");
    }

    [Fact]
    public async Task The_providers_access_token_from_the_code_flow_is_a_bearer_token_of_the_api()
    {
        using var browser = Browser();
        var access = await AccessTokenAsync(browser, "api");
        using var api = new HttpClient { BaseAddress = _host.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);

        var recorded = await api.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-c", value = "90%", on = "30/04/2019" }, Ct);
        var foreign = await api.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.1.4-b", value = "90%", on = "30/04/2019" }, Ct);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access[..^4] + "AAAA");
        var forged = await api.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-c", value = "91%", on = "30/04/2019" }, Ct);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Entries("O2.2.1-c")).ShouldBe(1);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_access_token_at_the_next_api_call()
    {
        using var browser = Browser();
        using var api = new HttpClient { BaseAddress = _host.Address };
        api.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(browser, "revocato"));
        var before = await api.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-b", value = "90%", on = "30/04/2019" }, Ct);

        await new AccountService(_host.Store, _host.Clock).SetDisabledAsync("revocato", true, Ct);
        var after = await api.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-b", value = "91%", on = "30/04/2019" }, Ct);

        before.StatusCode.ShouldBe(HttpStatusCode.Created, await before.Content.ReadAsStringAsync(Ct));
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Entries("O2.2.1-b")).ShouldBe(1);
    }

    /// <summary>The provider's access token for <paramref name="user"/>, through the code flow with PKCE as the
    /// dashboard's client gets it.</summary>
    async Task<string> AccessTokenAsync(WebSignIn browser, string user)
    {
        await browser.SignInAsync(user, Password);   // the provider's own session, as a browser keeps it
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirect = new Uri(_host.Address, "/signin-oidc").ToString();

        var authorize = await browser.Http.GetAsync("/connect/authorize?client_id=perfplan-cruscotto&response_type=code"
            + $"&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}"
            + "&code_challenge_method=S256&state=s1", Ct);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"]
            .ToString();
        var tokens = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent([
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirect),
            new("client_id", "perfplan-cruscotto"), new("code_verifier", verifier)]), Ct);
        return JsonDocument.Parse(await tokens.Content.ReadAsStringAsync(Ct)).RootElement
            .GetProperty("access_token").GetString()!;
    }

    async Task<int> Entries(string indicator)
    {
        await using var session = _host.Store.QuerySession("cciaa-ms");
        var doc = await session.LoadAsync<PerformancePlan.Domain.Results.IndicatorResults>(
            PerformancePlan.Domain.Results.IndicatorResults.StreamId("cciaa-ms-2019", indicator), Ct);
        return doc?.Entries.Count ?? 0;
    }

    static string Refusal(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"error\">([^<]*)<").Groups[1].Value;
}
