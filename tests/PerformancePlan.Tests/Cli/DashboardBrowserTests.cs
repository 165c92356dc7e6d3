using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// The dashboard in a real browser: Debian's Chromium driven by Playwright (no browser download). Opens the plan,
/// drills into an indicator, moves the "as of" date and sees the score change, and saves a screenshot as an artefact;
/// signs in through OpenID Connect with the embedded provider (the demo's accounts), records a result through the
/// dashboard, and is refused another office's indicator and another holder's scorecard.
/// </summary>
public class DashboardBrowserTests(PostgresCluster cluster) : IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";
    readonly StoreSchema _db = new(cluster);
    WebApplication _app = null!;
    string _base = "";

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        await new DemoData(_db.Store, SystemClock.Instance, data, _ => { }, _ => { })
            .LoadAsync(TestContext.Current.CancellationToken);
        await new AccountService(_db.Store, SystemClock.Instance)
            .EnsureDemoAccountsAsync(UserDirectory.Load(), TestContext.Current.CancellationToken);
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0");
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Signs in as a person does: /accesso, the provider's form, the demo password, back to /accesso.
    /// </summary>
    async Task LoginAsync(IPage page, string user)
    {
        await page.GotoAsync(_base + "/accesso");
        (await page.TextContentAsync("[data-testid=demo-password]")).ShouldBe(AccountService.DemoPassword);
        await page.FillAsync("[data-testid=user]", user);
        await page.FillAsync("[data-testid=password]", AccountService.DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync("**/accesso");
        (await page.TextContentAsync("[data-testid=signed-in]")).ShouldBe(user);
    }

    /// <summary>
    /// Debian's Chromium, headless, with the flags this closed network needs (no background connections).
    /// </summary>
    static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium, Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    });

    [Fact]
    public async Task Open_the_dashboard_drill_into_an_indicator_and_travel_in_time()
    {
        File.Exists(Chromium).ShouldBeTrue("Debian's chromium package is needed: .ci/run installs it");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019");
        (await page.TextContentAsync("[data-testid=entity-score]")).ShouldBe("75");   // published: no login needed

        await LoginAsync(page, "analista");   // the drill-down names people
        await page.GotoAsync(_base + "/piani/cciaa-ms-2019");
        await page.ClickAsync("[data-testid='indicator-O1.2.4-a']");
        (await page.TextContentAsync("[data-testid=realization]")).ShouldBe("25");
        (await page.TextContentAsync("[data-testid=target]"))!.ShouldContain("≥ 12");

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019");
        await page.FillAsync("[data-testid=as-of]", "2019-03-31");
        await page.ClickAsync("[data-testid=apply]");
        await page.WaitForURLAsync("**al=2019-03-31**");
        // only O1.2.3-a, done 29/03, counts yet
        (await page.TextContentAsync("[data-testid=entity-score]")).ShouldBe("100");

        var artefacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var shot = Path.Combine(artefacts, "dashboard-al-31-03-2019.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        new FileInfo(shot).Length.ShouldBeGreaterThan(10_000);
        TestContext.Current.AddAttachment("screenshot", shot);
    }

    [Fact]
    public async Task Scorecards_and_the_audit_need_a_sign_in_and_show_after_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        var refused = await page.GotoAsync(_base + "/piani/cciaa-ms-2019/schede/SG");
        refused!.Status.ShouldBe(401);   // nobody signed in: sign in first
        (await page.ContentAsync()).ShouldContain("Dato personale");

        await LoginAsync(page, "oiv");

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/schede/SG");
        (await page.TextContentAsync("[data-testid=scorecard-score]")).ShouldBe("80");
        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/audit");
        (await page.ContentAsync()).ShouldContain("Determinazione SG n. 115 del 15/05/2019");
        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/oiv");
        (await page.ContentAsync()).ShouldContain("Verifica dell'Organismo Indipendente di Valutazione");
    }

    [Fact]
    public async Task An_office_user_signs_in_records_a_result_and_is_refused_another_offices_and_holders_data()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await LoginAsync(page, "u2.1");

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/indicatori/O2.2.1-e");
        await page.FillAsync("[data-testid=value]", "87,5%");
        await page.FillAsync("[data-testid=date]", "31/05/2019");
        await page.FillAsync("[data-testid=note]", "dal cruscotto");
        await page.ClickAsync("[data-testid=record]");
        await page.WaitForURLAsync("**/indicatori/O2.2.1-e");
        (await page.ContentAsync()).ShouldContain("dal cruscotto");
        var token = await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value");

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/indicatori/O2.1.4-b");   // U1.1's indicator
        (await page.Locator("[data-testid=record]").CountAsync()).ShouldBe(0);
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("valore", "100%");
        form.Set("data", "31/05/2019");
        var write = await page.Context.APIRequest.PostAsync(
            _base + "/piani/cciaa-ms-2019/indicatori/O2.1.4-b/risultati", new() { Form = form });
        write.Status.ShouldBe(403);
        (await write.TextAsync()).ShouldContain("u2.1");

        var read = await page.GotoAsync(_base + "/piani/cciaa-ms-2019/schede/PO3");
        read!.Status.ShouldBe(403);
        (await page.ContentAsync()).ShouldContain("Dato personale");
    }
}
