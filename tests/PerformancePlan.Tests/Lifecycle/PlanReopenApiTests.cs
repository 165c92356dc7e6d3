using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Lifecycle;

/// <summary><c>POST /api/plans/{id}/reopen</c> through the real HTTP pipeline, with real tokens.</summary>
public class PlanReopenApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2020, 3, 10, 9, 0));
    WebApplication _app = null!;
    HttpClient _http = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, "admin", false, Ct);
        await new PlanLifecycleService(_db.Store, _clock).ApproveAsync(SeedPlan.Id,
            "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, Ct);
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0", _clock);
        await _app.StartAsync(Ct);
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

    Task<HttpResponseMessage> Post(string user, Role role, string verb, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/plans/cciaa-ms-2019/{verb}")
        {
            Content = JsonContent.Create(body),
        };
        var settings = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey);
        var token = settings.Issue(user, [role], [], null, DateTime.UtcNow, TimeSpan.FromMinutes(5));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _http.SendAsync(request, Ct);
    }

    static readonly object Reopening = new
    {
        act = "Determinazione SG n. 30 del 10/03/2020", reason = "risultato errato segnalato dall'OIV",
        on = "10/03/2020",
    };

    async Task<string> Detail(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task An_administrator_reopens_a_closed_plan_and_rule_refusals_are_422()
    {
        var open = await Post("admin", Role.Admin, "reopen", Reopening);
        open.StatusCode.ShouldBe((HttpStatusCode)422);
        (await Detail(open)).ShouldContain("non è chiuso");
        (await Post("admin", Role.Admin, "close", new { on = "31/12/2019" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await Post("admin", Role.Admin, "reopen",
            new { act = "Det. 30", reason = " ", on = "10/03/2020" });
        noReason.StatusCode.ShouldBe((HttpStatusCode)422);
        (await Detail(noReason)).ShouldContain("motivo della riapertura");
        (await Post("oiv", Role.Oiv, "reopen", Reopening)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var reopened = await Post("admin", Role.Admin, "reopen", Reopening);

        reopened.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await reopened.Content.ReadAsStringAsync(Ct));
        (json.RootElement.GetProperty("act").GetString(), json.RootElement.GetProperty("on").GetString())
            .ShouldBe(("Determinazione SG n. 30 del 10/03/2020", "2020-03-10"));
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/plans", Ct);
        plan[0].GetProperty("status").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task A_malformed_date_is_a_400()
    {
        var bad = await Post("admin", Role.Admin, "reopen",
            new { act = "Det. 30", reason = "errore", on = "31/02/2020" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
