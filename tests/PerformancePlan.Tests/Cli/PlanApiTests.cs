using System.Net.Http.Json;
using PerformancePlan.Domain.Identity;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary><c>GET /api/plans/{id}</c> through the real HTTP pipeline on loopback.</summary>
public class PlanApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    WebApplication _app = null!;
    HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, new FakeClock(Instant.FromUtc(2019, 1, 31, 10, 0)))
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false,
                TestContext.Current.CancellationToken);
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0");
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_plan_tree_is_served_as_json()
    {
        var response = await _http.GetAsync("/api/plans/cciaa-ms-2019", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("entityName").GetString().ShouldBe("Camera di Commercio di Massa-Carrara");
        json.RootElement.GetProperty("areas").GetArrayLength().ShouldBe(3);
        // Issue #14, privacy by arithmetic: who holds which indicator, and with which weight, is a holder's personal
        // data (with the public scores it recomputes the scorecard): an anonymous reader gets none of it...
        json.RootElement.GetProperty("holders").GetArrayLength().ShouldBe(0);
        body.ShouldNotContain("\"PO2\"");
        // ...the OIV, who may read every scorecard, gets them all.
        var settings = new PerformancePlan.Host.Auth.JwtSettings("perfplan", "perfplan-api",
            PerformancePlan.Host.Auth.JwtSettings.DevelopmentKey);
        using var oiv = new HttpClient { BaseAddress = _http.BaseAddress };
        oiv.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            settings.Issue("oiv", [PerformancePlan.Domain.Access.Role.Oiv], [], null, DateTime.UtcNow,
                TimeSpan.FromMinutes(10)));
        using var full = JsonDocument.Parse(await oiv.GetStringAsync("/api/plans/cciaa-ms-2019",
            TestContext.Current.CancellationToken));
        full.RootElement.GetProperty("holders")[0].GetProperty("holder").GetString().ShouldBe("SG");
        // ...and a holder sees their own assignments only.
        using var po2 = new HttpClient { BaseAddress = _http.BaseAddress };
        po2.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            settings.Issue("po2", [PerformancePlan.Domain.Access.Role.Holder], [], "PO2", DateTime.UtcNow,
                TimeSpan.FromMinutes(10)));
        using var own = JsonDocument.Parse(await po2.GetStringAsync("/api/plans/cciaa-ms-2019",
            TestContext.Current.CancellationToken));
        own.RootElement.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("holder").GetString())
            .ShouldBe(["PO2"]);
    }

    [Theory]
    [InlineData("/api/plans/%25")]
    [InlineData("/api/plans/cciaa-ms/scores")]
    [InlineData("/api/targets/S3.2.1-a/history?entity=CCIAA%20MS")]
    public async Task An_id_that_is_not_one_is_a_400_before_any_endpoint_runs(string url)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("Richiesta non valida");
        body.ShouldContain("es. cciaa-ms-2019");
    }

    [Fact]
    public async Task A_write_without_a_token_is_a_401_that_says_how_to_authenticate()
    {
        var response = await _http.PostAsync("/api/plans/cciaa-ms-2019/close", JsonContent.Create(new { on = "x" }),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldContain("Authorization: Bearer");
    }

    [Fact]
    public async Task An_unknown_plan_is_a_404_problem()
    {
        var response = await _http.GetAsync("/api/plans/nessuno-2019", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_scores_of_a_plan_with_no_results_are_all_pending()
    {
        var body = await _http.GetStringAsync("/api/plans/cciaa-ms-2019/scores", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("entity").GetProperty("band").GetString().ShouldBe("pending");
        json.RootElement.GetProperty("indicators").GetArrayLength().ShouldBe(77);
    }
}
