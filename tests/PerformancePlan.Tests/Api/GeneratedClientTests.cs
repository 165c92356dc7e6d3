using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Api.Generated;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// A client generated (NSwag, at build time) from the checked-in OpenAPI document drives the running host as an
/// administration's developer would: it records a result, corrects it, and reads the corrected value back.
/// </summary>
public class GeneratedClientTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: true, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_generated_client_records_a_result_corrects_it_and_reads_the_corrected_value()
    {
        using var http = _host.Client("admin", Role.Admin);
        var client = new PerfplanClient(http);

        var recorded = await client.RecordResultAsync("cciaa-ms-2019",
            new RecordResultRequest { Indicator = "O1.2.4-a", Value = "3", On = "30/04/2019" }, Ct);
        var corrected = await client.CorrectResultAsync(recorded.EntryId,
            new CorrectResultRequest { Value = "5", Reason = "conteggio rifatto sul registro" }, Ct);
        var entries = await client.ListResultsAsync("cciaa-ms-2019", "O1.2.4-a", Ct);

        corrected.Corrects.ShouldBe(recorded.EntryId);
        corrected.On.ShouldBe(new DateOnly(2019, 4, 30));
        var valid = entries.Where(e => e.Reversal is null).ShouldHaveSingleItem();
        valid.EntryId.ShouldBe(corrected.EntryId);
        valid.Value.Amount.ShouldBe(5);
        entries.Single(e => e.EntryId == recorded.EntryId).Reversal.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_refusal_reaches_the_generated_client_as_its_status_and_problem()
    {
        using var http = _host.Client("u1.1", Role.OfficeStaff);
        var client = new PerfplanClient(http);

        var refused = await Should.ThrowAsync<ApiException<ProblemDetails>>(() => client.NeutralizeIndicatorAsync(
            "cciaa-ms-2019", "O1.2.4-a", new NeutralizeRequest { Act = "Det. 1", Reason = "prova" }, Ct));

        refused.StatusCode.ShouldBe(403);
        refused.Result.Title.ShouldBe("Operazione non consentita");
    }
}
