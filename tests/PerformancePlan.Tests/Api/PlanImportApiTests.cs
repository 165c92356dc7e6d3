using System.Net;
using System.Text.Json;
using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary><c>POST /api/plans/import</c>: a plan file uploaded as multipart, all or nothing, by an administrator.
/// </summary>
public class PlanImportApiTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: false, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    static MultipartFormDataContent Form(string path, string name, bool dryRun = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(path)), "file", name } };
        if (dryRun) form.Add(new StringContent("true"), "dryRun");
        return form;
    }

    static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task The_seed_plan_is_imported_once_then_recognised_as_already_imported()
    {
        using var http = _host.Client("admin", Role.Admin);

        var checkedOnly = await http.PostAsync("/api/plans/import", Form(SeedFiles.PlanCsv, "piano.csv", true), Ct);
        var first = await http.PostAsync("/api/plans/import", Form(SeedFiles.PlanCsv, "piano.csv"), Ct);
        var second = await http.PostAsync("/api/plans/import", Form(SeedFiles.PlanCsv, "piano.csv"), Ct);

        checkedOnly.StatusCode.ShouldBe(HttpStatusCode.OK, await checkedOnly.Content.ReadAsStringAsync(Ct));
        (await Json(checkedOnly)).GetProperty("status").GetString().ShouldBe("validated");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe("/api/plans/cciaa-ms-2019");
        (await Json(first)).GetProperty("eventsWritten").GetInt32().ShouldBeGreaterThan(0);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(second)).GetProperty("status").GetString().ShouldBe("alreadyImported");
    }

    [Fact]
    public async Task A_file_with_an_error_is_a_400_naming_row_and_column_and_writes_nothing()
    {
        var bad = SeedFiles.Variant(lines => SeedFiles.SetCell(lines, "O1.2.4-a", "Target 2019", "tanto"));
        using var http = _host.Client("admin", Role.Admin);

        var response = await http.PostAsync("/api/plans/import", Form(bad, "piano-errato.csv"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await Json(response)).GetProperty("errors");
        errors.GetProperty("Target 2019")[0].GetString()!.ShouldContain("valore «tanto»");
        (await _host.Client().GetAsync("/api/plans/cciaa-ms-2019", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_administrator_imports_a_plan()
    {
        using var office = _host.Client("u1.1", Role.OfficeStaff);
        (await office.PostAsync("/api/plans/import", Form(SeedFiles.PlanCsv, "piano.csv"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = _host.Client();
        (await anonymous.PostAsync("/api/plans/import", Form(SeedFiles.PlanCsv, "piano.csv"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
