using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// The dashboard in a real browser: Debian's Chromium driven by Playwright (no browser download). Opens the plan,
/// drills into an indicator, moves the "as of" date and sees the score change, and saves a screenshot as an artefact.
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
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0");
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    async Task LoginAsync(IPage page, string user, PerformancePlan.Domain.Access.Role role)
    {
        var settings = new PerformancePlan.Host.Auth.JwtSettings("perfplan", "perfplan-api",
            PerformancePlan.Host.Auth.JwtSettings.DevelopmentKey);
        var token = settings.Issue(user, [role], [], null, DateTime.UtcNow, TimeSpan.FromMinutes(5));
        await page.GotoAsync(_base + "/accesso");
        await page.FillAsync("[data-testid=token]", token);
        await page.ClickAsync("[data-testid=login]");
        (await page.ContentAsync()).ShouldContain($"Utente: <b>{user}</b>");
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

        await LoginAsync(page, "analista", PerformancePlan.Domain.Access.Role.Analyst);   // the drill-down names people
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
    public async Task Scorecards_and_the_audit_need_a_token_and_show_with_one()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        var refused = await page.GotoAsync(_base + "/piani/cciaa-ms-2019/schede/SG");
        refused!.Status.ShouldBe(401);   // nobody signed in: sign in first
        (await page.ContentAsync()).ShouldContain("Dato personale");

        await LoginAsync(page, "oiv", PerformancePlan.Domain.Access.Role.Oiv);

        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/schede/SG");
        (await page.TextContentAsync("[data-testid=scorecard-score]")).ShouldBe("80");
        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/audit");
        (await page.ContentAsync()).ShouldContain("Determinazione SG n. 115 del 15/05/2019");
        await page.GotoAsync(_base + "/piani/cciaa-ms-2019/oiv");
        (await page.ContentAsync()).ShouldContain("Verifica dell'Organismo Indipendente di Valutazione");
    }
}
