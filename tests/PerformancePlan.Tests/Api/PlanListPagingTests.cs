using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary><c>GET /api/plans</c> and the dashboard's home page, one page at a time (issue #15).</summary>
public class PlanListPagingTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    WebApplication _app = null!;
    HttpClient _http = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        var import = new PlanImportService(_db.Store, new FakeClock(Instant.FromUtc(2019, 1, 31, 10, 0)));
        foreach (var entity in new[] { "ente-a", "ente-b", "ente-c" })
            await import.ImportAsync(SeedFiles.PlanCsv, EntityId.Parse(entity), SeedPlan.Admin, false, Ct);
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0");
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

    [Fact]
    public async Task Without_paging_the_list_is_the_first_page_with_every_field_of_a_plan()
    {
        var response = await _http.GetAsync("/api/plans", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString())
            .ShouldBe(["ente-a-2019", "ente-b-2019", "ente-c-2019"]);
        var first = json.RootElement[0];
        first.GetProperty("entity").GetString().ShouldBe("ente-a");
        first.GetProperty("entityName").GetString().ShouldBe("Camera di Commercio di Massa-Carrara");
        first.GetProperty("year").GetInt32().ShouldBe(2019);
        first.GetProperty("horizon").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2019, 2020, 2021]);
        first.GetProperty("status").GetString().ShouldBe("draft");
        first.GetProperty("version").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_page_holds_its_plans_and_links_to_its_neighbours()
    {
        var response = await _http.GetAsync("/api/plans?page=2&pageSize=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe(["ente-b-2019"]);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        var link = response.Headers.GetValues("Link").Single();
        link.ShouldContain("</api/plans?page=1&pageSize=1>; rel=\"prev\"");
        link.ShouldContain("</api/plans?page=3&pageSize=1>; rel=\"next\"");
        link.ShouldContain("</api/plans?page=3&pageSize=1>; rel=\"last\"");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=due", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task A_page_that_cannot_be_read_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await _http.GetAsync("/api/plans?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain(field);
        body.ShouldContain("non è un numero intero da 1 a");
    }

    [Fact]
    public async Task The_home_page_shows_one_page_and_the_way_to_the_next()
    {
        var page = await _http.GetStringAsync("/?pagina=1&per=2", Ct);

        page.ShouldContain("/piani/ente-a-2019");
        page.ShouldContain("/piani/ente-b-2019");
        page.ShouldNotContain("/piani/ente-c-2019");
        page.ShouldContain("Pagina 1 di 2 (3 piani)");
        page.ShouldContain("href=\"/?pagina=2&amp;per=2\"");
    }

    [Fact]
    public async Task A_home_page_number_that_cannot_be_read_is_a_400()
    {
        var response = await _http.GetAsync("/?pagina=ultima", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("pagina");
    }
}
