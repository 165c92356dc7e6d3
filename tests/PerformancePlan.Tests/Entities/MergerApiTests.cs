using System.Text.Json;
using PerformancePlan.Tests.Access;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Entities;

/// <summary>
/// Issue #10's merger through the API (<c>POST /api/entities/{id}/mergers</c>), as the CLI's
/// <see cref="MergerCliTests"/> does it: the successor records the predecessor's ledger head, the predecessor is
/// closed to writes, and a second merger of the same predecessor is refused without writing.
/// </summary>
public class MergerApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly AccessHost _host = new(cluster);

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    static Door Merger(string on) => Door.Http("POST", "/api/entities/{id}/mergers", 200,
        $$"""{"name":"Camera di Commercio della Toscana Nord-Ovest","from":["cciaa-ms"],"on":"{{on}}",""" +
        """ "act":"D.M. 16/02/2018"}""") with { Id = "cciaa-tno" };

    [Fact]
    public async Task An_admin_merges_over_the_API_the_head_is_recorded_and_the_predecessor_is_closed()
    {
        var (status, body) = await _host.Answer("admin", Merger("01/02/2022"));

        status.ShouldBe(200, body);
        var merged = JsonDocument.Parse(body).RootElement;
        var head = merged.GetProperty("predecessors")[0];
        head.GetProperty("entity").GetString().ShouldBe("cciaa-ms");
        head.GetProperty("position").GetInt64().ShouldBeGreaterThan(0);
        var successor = JsonDocument.Parse(await _host.Get("admin", "/api/entities/cciaa-tno")).RootElement;
        successor.GetProperty("lineage").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["cciaa-tno", "cciaa-ms"]);
        var write = await _host.Cli("admin", "results", "record", "--plan", AccessMatrix.Plan, "--indicator",
            "O1.2.4-a", "--value", "3", "--on", "30/04/2019");
        write.ExitCode.ShouldBe(3);
        write.Errors.ShouldContain("cciaa-tno");
        var again = await _host.Answer("admin", Merger("01/02/2022"));
        again.Status.ShouldBeInRange(409, 422);
    }
}
