using PerformancePlan.Domain.Identity;
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
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Web;
using PerformancePlan.Host.Auth;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// The HTTP pipeline on loopback with real tokens: problem details, If-Match, the OpenAPI document, the signing key.
/// Who may call which endpoint is the one access matrix's (<c>Access/AccessMatrixTests</c>).
/// </summary>
public class ApiRoleMatrixTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    readonly FakeClock _clock = new(Instant.FromUtc(2019, 12, 20, 8, 0));
    WebApplication _app = null!;
    HttpClient _http = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly Dictionary<string, (Role[] Roles, string[] Offices, string? Holder)> Users = new()
    {
        ["admin"] = ([Role.Admin], [], null),
        ["u1.1"] = ([Role.OfficeStaff], ["U1.1"], null),
        ["giunta"] = ([Role.Approver], [], null),
        ["oiv"] = ([Role.Oiv], [], null),
        ["analista"] = ([Role.Analyst], [], null),
        ["po3"] = ([Role.Holder], [], "PO3"),
        ["sg"] = ([Role.Holder], [], "SG"),
    };

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, _clock)
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
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

    Task<HttpResponseMessage> Send(
        string? user, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            var (roles, offices, holder) = Users[user];
            var settings = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey);
            var token = settings.Issue(user, roles, offices, holder, DateTime.UtcNow, TimeSpan.FromMinutes(5));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Errors_are_problem_details_with_the_right_status()
    {
        var invalid = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "", value = "3", on = "31/02/2019" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using (var json = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Ct)))
        {
            json.RootElement.GetProperty("errors").TryGetProperty("Indicator", out _).ShouldBeTrue();
            json.RootElement.GetProperty("errors").TryGetProperty("On", out _).ShouldBeTrue();
        }
        var badValue = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "O1.2.4-a", value = "-3", on = "30/04/2019" });
        badValue.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badValue.Content.ReadAsStringAsync(Ct)).ShouldContain("--value");

        (await Send("admin", HttpMethod.Get, "/api/plans/nessuno-2019/scores"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badDate = await Send(null, HttpMethod.Get, "/api/plans/cciaa-ms-2019/scores?asOf=2019-13-01");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadAsStringAsync(Ct)).ShouldContain("asOf");

        var again = await Send("giunta", HttpMethod.Post, "/api/plans/cciaa-ms-2019/approve",
            new { act = "Delibera n. 7", on = "31/01/2019" });
        again.StatusCode.ShouldBe((HttpStatusCode)422);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("già approvato");

        (await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "O1.2.4-a", value = "3", on = "30/04/2019" })).EnsureSuccessStatusCode();
        var read = await Send("admin", HttpMethod.Get, "/api/plans/cciaa-ms-2019/indicators/O1.2.4-a/results");
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var stale = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "O1.2.4-a", value = "4", on = "31/08/2019" }, ifMatch: "\"0\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var fresh = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "O1.2.4-a", value = "4", on = "31/08/2019" }, ifMatch: "\"1\"");
        fresh.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_malformed_If_Match_or_a_control_character_in_a_note_is_a_400_and_writes_nothing()
    {
        var result = new { indicator = "O1.2.4-a", value = "4", on = "31/08/2019" };

        var badEtag = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results", result, "\"abc\"");
        var nul = await Send("admin", HttpMethod.Post, "/api/plans/cciaa-ms-2019/results",
            new { indicator = "O1.2.4-a", value = "4", on = "31/08/2019", note = "a\u0000b" });

        badEtag.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badEtag.Content.ReadAsStringAsync(Ct)).ShouldContain("If-Match");
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nul.Content.ReadAsStringAsync(Ct)).ShouldContain("caratteri di controllo");
        var entries = await Send("admin", HttpMethod.Get, "/api/plans/cciaa-ms-2019/indicators/O1.2.4-a/results");
        entries.Headers.ETag!.Tag.ShouldBe("\"0\"");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/openapi/v1.json", Ct));
        json.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        json.RootElement.GetProperty("info").GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                operation.Value.TryGetProperty("responses", out _)
                    .ShouldBeTrue($"{operation.Name.ToUpperInvariant()} {path.Name} has no responses");
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/plans/{id}/scores");
        paths.ShouldContain("/api/plans/{id}/results");
        paths.ShouldContain("/api/ledger/verify");
        (await _http.GetAsync("/scalar", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void The_public_development_key_is_refused_off_loopback()
    {
        var dev = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey);
        Should.NotThrow(() => dev.EnsureSafeFor("http://127.0.0.1:5080"));
        Should.Throw<InvalidOperationException>(() => dev.EnsureSafeFor("http://0.0.0.0:5080"))
            .Message.ShouldContain("PERFPLAN_Jwt__SigningKey");
        Should.Throw<InvalidOperationException>(() =>
            (dev with { SigningKey = "corta" }).EnsureSafeFor("http://127.0.0.1:5080"));
    }
}
