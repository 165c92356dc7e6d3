using System.Text.Json;
using System.Text.Json.Nodes;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// The served OpenAPI document is what a client is generated from: it describes every operation (Italian summary,
/// request and response schemas, problem details, the bearer scheme where a token is needed), and the copy checked
/// into the tests (<c>Api/openapi.json</c>, from which the test client is generated) never drifts from it.
/// </summary>
public class OpenApiDocumentTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: false, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    static string CheckedIn => Path.Combine(Path.GetDirectoryName(SeedFiles.PlanCsv)!, "..", "tests",
        "PerformancePlan.Tests", "Api", "openapi.json");

    async Task<string> ServedAsync()
    {
        using var http = _host.Client();
        return await http.GetStringAsync("/openapi/v1.json", Ct);
    }

    /// <summary>
    /// Set <c>PERFPLAN_UPDATE_OPENAPI=1</c> to rewrite the checked-in copy after changing the API on purpose.
    /// </summary>
    [Fact]
    public async Task The_checked_in_document_is_the_served_one()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("PERFPLAN_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(CheckedIn, served.ReplaceLineEndings("\n"), Ct);

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn, Ct));
        JsonNode.DeepEquals(checkedIn, JsonNode.Parse(served)).ShouldBeTrue(
            "tests/PerformancePlan.Tests/Api/openapi.json differs from the served document: rerun this test with "
            + "PERFPLAN_UPDATE_OPENAPI=1, review the diff and commit it (the test client is generated from it)");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_schemas_and_problem_details()
    {
        using var json = JsonDocument.Parse(await ServedAsync());
        var root = json.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("Bearer").GetProperty("bearerFormat").GetString().ShouldBe("JWT");
        var missing = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
                missing.AddRange(Lacks(op.Value).Select(l => $"{op.Name.ToUpperInvariant()} {path.Name}: {l}"));
        missing.ShouldBeEmpty();
    }

    static IEnumerable<string> Lacks(JsonElement op)
    {
        if (!op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            yield return "no summary";
        if (!op.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            yield return "no description";
        if (!op.TryGetProperty("operationId", out _)) yield return "no operationId";
        if (op.TryGetProperty("requestBody", out var body) && !HasSchemas(body)) yield return "request without schema";
        var responses = op.GetProperty("responses").EnumerateObject().ToList();
        if (!responses.Any(r => r.Name.StartsWith('2') && HasSchemas(r.Value))) yield return "no 2xx with schema";
        foreach (var r in responses.Where(r => r.Name.StartsWith('4')))
            if (!r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _))
                yield return $"{r.Name} is not a problem";
        if (op.TryGetProperty("security", out _) && !responses.Any(r => r.Name == "401"))
            yield return "a token is needed but 401 is not described";
    }

    static bool HasSchemas(JsonElement holder) =>
        holder.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any()
        && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _));

    [Theory]
    [InlineData("/api/plans/{id}/results", "post", true)]
    [InlineData("/api/results/{entryId}/correct", "post", true)]
    [InlineData("/api/plans/{id}/scores", "get", false)]
    public async Task The_bearer_scheme_is_applied_where_a_token_is_needed(string path, string method, bool secured)
    {
        using var json = JsonDocument.Parse(await ServedAsync());
        var op = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        op.TryGetProperty("security", out _).ShouldBe(secured);
        if (secured) op.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue();
    }
}
