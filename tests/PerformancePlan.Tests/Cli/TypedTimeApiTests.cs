using System.Net;
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

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// <c>knownAt</c> and <c>asOf</c> in the API, and <c>noto</c> and <c>al</c> in the dashboard, as a person types them
/// in an address. The plan is imported at 18:00 of 30/06/2019 in Rome (16:00 UTC): known from then on, not before.
/// </summary>
public class TypedTimeApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly StoreSchema _db = new(cluster);
    WebApplication _app = null!;
    HttpClient _http = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await new PlanImportService(_db.Store, new FakeClock(Instant.FromUtc(2019, 6, 30, 16, 0)))
            .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, Ct);
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0");
        await _app.StartAsync(Ct);
        _http = new HttpClient
        {
            BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features
                .Get<IServerAddressesFeature>()!.Addresses.First()),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData("2019-06-30T18:00:00+02:00", HttpStatusCode.OK)]        // + left as typed: it arrives as a space
    [InlineData("2019-06-30T18:00:00%2B02:00", HttpStatusCode.OK)]      // + encoded
    [InlineData("2019-06-30T17:59:00+02:00", HttpStatusCode.NotFound)]
    [InlineData("2019-06-30T17:00:00+01:00", HttpStatusCode.OK)]
    [InlineData("2019-06-30T16:00:00Z", HttpStatusCode.OK)]
    [InlineData("2019-06-30T15:59:59Z", HttpStatusCode.NotFound)]
    [InlineData("30/06/2019%2018:00", HttpStatusCode.OK)]
    [InlineData("30/06/2019 17:59", HttpStatusCode.NotFound)]
    [InlineData("30/06/2019", HttpStatusCode.OK)]                       // the end of that day
    [InlineData("29/06/2019", HttpStatusCode.NotFound)]
    [InlineData("2019-06-30T18:00", HttpStatusCode.OK)]                 // no offset: Rome time
    public async Task Known_at_takes_the_instant_as_a_person_writes_it(string knownAt, HttpStatusCode expected)
    {
        (await _http.GetAsync($"/api/plans/cciaa-ms-2019/scores?knownAt={knownAt}", Ct)).StatusCode
            .ShouldBe(expected);
        (await _http.GetAsync($"/api/plans/cciaa-ms-2019?knownAt={knownAt}", Ct)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task An_unreadable_instant_is_a_400_that_says_how_to_write_one()
    {
        var response = await _http.GetAsync("/api/plans/cciaa-ms-2019/scores?knownAt=ieri", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("knownAt");
        body.ShouldContain("gg/mm/aaaa hh:mm (ora di Roma)");
    }

    [Theory]
    [InlineData("asOf=30/06/2019", HttpStatusCode.OK)]
    [InlineData("asOf=2019-06-30", HttpStatusCode.OK)]
    [InlineData("asOf=31/06/2019", HttpStatusCode.BadRequest)]
    public async Task As_of_is_an_Italian_or_an_ISO_day(string query, HttpStatusCode expected) =>
        (await _http.GetAsync($"/api/plans/cciaa-ms-2019/scores?{query}", Ct)).StatusCode.ShouldBe(expected);

    [Theory]
    [InlineData("noto=2019-06-30T18:00", HttpStatusCode.OK)]          // the browser's datetime-local, Rome time
    [InlineData("noto=2019-06-30T17:59", HttpStatusCode.NotFound)]
    [InlineData("noto=30/06/2019%2018:00", HttpStatusCode.OK)]
    [InlineData("noto=2019-06-30T16:00:00Z", HttpStatusCode.OK)]
    [InlineData("noto=2019-06-30T18:00:00+02:00", HttpStatusCode.OK)]
    [InlineData("noto=29/06/2019", HttpStatusCode.NotFound)]
    [InlineData("al=30/06/2019", HttpStatusCode.OK)]
    [InlineData("noto=dopodomani", HttpStatusCode.BadRequest)]
    public async Task The_dashboard_reads_the_same_forms(string query, HttpStatusCode expected) =>
        (await _http.GetAsync($"/piani/cciaa-ms-2019?{query}", Ct)).StatusCode.ShouldBe(expected);
}
