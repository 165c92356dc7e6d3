using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.SignIn;

/// <summary>
/// Listening beyond loopback: the embedded provider must know its public https address, <c>perfplan token</c>'s
/// development tokens are no longer accepted, signing in needs https (a local proxy's X-Forwarded-Proto counts), and
/// every cookie is Secure.
/// </summary>
public class OffLoopbackTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void Without_its_public_address_the_embedded_provider_refuses_to_start_off_loopback()
    {
        var e = Should.Throw<ServiceStartException>(() => WebHost.Build(_db.Store, "http://0.0.0.0:0"));

        e.Message.ShouldContain("PERFPLAN_Oidc__Issuer");
    }

    [Fact]
    public async Task Off_loopback_development_tokens_are_refused_and_cookies_are_secure()
    {
        await using var app = WebHost.Build(_db.Store, "http://0.0.0.0:0", SystemClock.Instance,
            [new("Oidc:Issuer", "https://performance.ente.example")]);
        await app.StartAsync(Ct);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First()).Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var token = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey)
            .Issue("admin", [Role.Admin], [], null, DateTime.UtcNow, TimeSpan.FromMinutes(5));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var write = await http.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
            new { indicator = "O2.2.1-e", value = "90%", on = "30/04/2019" }, Ct);
        var plain = await http.GetAsync("/accesso/credenziali", Ct);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");   // as a TLS proxy on this machine sends it
        var form = await http.GetAsync("/accesso/credenziali", Ct);

        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await plain.Content.ReadAsStringAsync(Ct)).ShouldContain("L'accesso richiede https");
        form.StatusCode.ShouldBe(HttpStatusCode.OK, await form.Content.ReadAsStringAsync(Ct));

        write.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        form.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure"));
    }
}
