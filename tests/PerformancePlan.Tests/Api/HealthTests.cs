using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// Issue #14: <c>/health</c> asks the database, so a service whose PostgreSQL is gone says 503 (it used to say 200
/// while every other endpoint answered 500).
/// </summary>
public class HealthTests(PostgresCluster cluster)
{
    static async Task<(HttpStatusCode Status, string Body)> HealthAsync(Marten.IDocumentStore store)
    {
        await using var app = WebHost.Build(store, "http://127.0.0.1:0");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var response = await http.GetAsync("/health", TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_reachable_database_is_ok()
    {
        await using var db = new StoreSchema(cluster);
        await db.InitializeAsync();

        var (status, body) = await HealthAsync(db.Store);

        status.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(body).RootElement.GetProperty("database").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_503_degraded_never_200()
    {
        await using var store = EventStore.Create("Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;"
            + "Timeout=2");

        var (status, body) = await HealthAsync(store);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var json = JsonDocument.Parse(body);
        (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("database").GetString())
            .ShouldBe(("degradato", "non raggiungibile"));
    }
}
