using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Api;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Lifecycle;

/// <summary><c>POST /api/plans/{id}/reopen</c> through the real HTTP pipeline, with real tokens.</summary>
public class PlanReopenApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster, Instant.FromUtc(2020, 3, 10, 9, 0));
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _host.StartAsync(approved: true, Ct);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    async Task<HttpResponseMessage> Post(string user, Role role, string verb, object body)
    {
        using var http = _host.Client(user, role);
        return await http.PostAsJsonAsync($"api/plans/cciaa-ms-2019/{verb}", body, Ct);
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
        using var anonymous = _host.Client();
        var plan = await anonymous.GetFromJsonAsync<JsonElement>("api/plans", Ct);
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
