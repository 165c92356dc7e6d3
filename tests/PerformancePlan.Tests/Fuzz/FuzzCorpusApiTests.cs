using System.Net;
using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Api;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Fuzz;

/// <summary>
/// A sample of the fuzz corpus (every file that must be refused, and one in five of the others) uploaded to
/// <c>POST /api/plans/import</c>: 201/200 or a 4xx with nothing written, never a 500.
/// </summary>
public class FuzzCorpusApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: false, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_sample_of_the_plan_corpus_is_refused_with_a_4xx_and_nothing_written_or_imported()
    {
        using var http = _host.Client("admin", Role.Admin);
        var failures = new List<string>();
        var sample = FuzzCorpus.Plans().Where((f, i) => f.Expect == Expect.Refused || i % 5 == 0).ToList();
        foreach (var (file, i) in sample.Select((f, i) => (f, i)))
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(file.Bytes), "file", file.Name }, { new StringContent($"fz{i}"), "entity" },
            };
            var response = await http.PostAsync("/api/plans/import", form, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var status = (int)response.StatusCode;
            var plan = await _host.Client().GetAsync($"/api/plans/fz{i}-2019", Ct);
            string? problem = status switch
            {
                >= 500 => "server error",
                >= 400 when plan.StatusCode != HttpStatusCode.NotFound => "refused but a plan was written",
                < 400 when file.Expect == Expect.Refused => "accepted, must be refused",
                >= 400 when file.Expect == Expect.Imported => "refused, must be imported",
                _ => body.Contains("   at ") ? "stack trace" : null,
            };
            if (problem is not null)
                failures.Add($"{file.Name}: {problem} ({status}) {body[..Math.Min(200, body.Length)]}");
        }
        failures.ShouldBeEmpty($"{failures.Count} of {sample.Count} files:\n" + string.Join("\n", failures));
    }
}
