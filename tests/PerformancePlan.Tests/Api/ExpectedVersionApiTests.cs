using System.Net;
using System.Net.Http.Json;
using PerformancePlan.Domain.Access;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// The API's side of ADR 0021's two modes: a 201 carries the new version as <c>ETag</c> (the next write's
/// <c>If-Match</c>), and a 412 says the version now current — as <c>results record --expected-version</c> does.
/// </summary>
public class ExpectedVersionApiTests(PerformancePlan.Tests.Infrastructure.PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: true, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_201_carries_the_new_version_and_a_412_says_the_current_one()
    {
        using var http = _host.Client("admin", Role.Admin);
        var first = await Post(http, "3", null);
        var chained = await Post(http, "4", first.Headers.ETag!.Tag);
        var stale = await Post(http, "5", first.Headers.ETag!.Tag);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.ETag!.Tag.ShouldBe("\"1\"");
        chained.StatusCode.ShouldBe(HttpStatusCode.Created);
        chained.Headers.ETag!.Tag.ShouldBe("\"2\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var problem = await stale.Content.ReadAsStringAsync(Ct);
        problem.ShouldContain("versione 2, non alla 1");
        problem.ShouldContain("If-Match \\\"2\\\"");
    }

    static Task<HttpResponseMessage> Post(HttpClient http, string value, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans/cciaa-ms-2019/results")
        {
            Content = JsonContent.Create(new { indicator = "O1.2.4-a", value, on = "30/04/2019" }),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request, Ct);
    }
}
