using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// The writes that were only on the command line, over HTTP: amendments, a target revised and reverted,
/// neutralisation, corrections, exports. Same services, same rules, answers as problem details.
/// </summary>
public class WriteEndpointTests(PostgresCluster cluster) : IAsyncLifetime
{
    const string Plan = "/api/plans/cciaa-ms-2019";
    readonly ApiHost _host = new(cluster);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_host.StartAsync(approved: true, Ct));
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    HttpClient Admin() => _host.Client("admin", Role.Admin);

    static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task A_target_revised_over_http_is_a_new_version_and_its_reversal_another()
    {
        using var http = Admin();
        var revised = await http.PostAsJsonAsync($"{Plan}/indicators/O1.2.4-a/target", new
        {
            year = 2019, value = "5", act = "Determinazione SG n. 115 del 15/05/2019", on = "15/05/2019",
            reason = "nuovo obiettivo",
        }, Ct);
        revised.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Json(revised)).GetProperty("version").GetInt32().ShouldBe(2);

        var reverted = await http.PostAsJsonAsync($"{Plan}/amendments/2/revert",
            new { act = "Determinazione SG n. 120 del 20/05/2019", on = "20/05/2019", reason = "errore" }, Ct);

        reverted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Json(reverted);
        body.GetProperty("version").GetInt32().ShouldBe(3);
        body.GetProperty("reverts").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_amendment_file_is_uploaded_as_multipart()
    {
        using var http = Admin();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Amendment)), "file", "variazione-115.csv" },
            { new StringContent("Determinazione SG n. 115 del 15/05/2019"), "act" },
            { new StringContent("15/05/2019"), "on" },
        };

        var response = await http.PostAsync($"{Plan}/amendments", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        (await Json(response)).GetProperty("act").GetString().ShouldBe("Determinazione SG n. 115 del 15/05/2019");
        (await http.GetFromJsonAsync<JsonElement>($"{Plan}/versions", Ct)).GetArrayLength().ShouldBe(2);
    }

    const string Amendment = "Operazione;Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;"
        + "Comparatore;Target 2019;Target 2020;Target 2021;Uffici;Titolari;Pesi\n"
        + "modifica;Indicatore strategico;S3.2.1-a;;;;;;;;;;115;;;\n";

    [Fact]
    public async Task A_request_without_its_fields_is_a_400_naming_them_and_writes_nothing()
    {
        using var http = Admin();
        using var form = new MultipartFormDataContent { { new StringContent("15/13/2019"), "on" } };

        var response = await http.PostAsync($"{Plan}/amendments", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        errors.GetProperty("File").ToString().ShouldContain("allegare il file");
        errors.GetProperty("On").ToString().ShouldContain("gg/mm/aaaa");
        (await http.GetFromJsonAsync<JsonElement>($"{Plan}/versions", Ct)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Neutralising_is_for_whom_the_domain_allows()
    {
        var request = new { act = "Determinazione SG n. 130 del 30/06/2019", reason = "dato non più rilevabile" };
        using (var office = _host.Client("u1.1", Role.OfficeStaff))
            (await office.PostAsJsonAsync($"{Plan}/indicators/O1.2.4-a/neutralize", request, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var anonymous = _host.Client())
            (await anonymous.PostAsJsonAsync($"{Plan}/indicators/O1.2.4-a/neutralize", request, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var http = Admin();

        var response = await http.PostAsJsonAsync($"{Plan}/indicators/O1.2.4-a/neutralize", request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(response)).GetProperty("indicator").GetString().ShouldBe("O1.2.4-a");
        var again = await http.PostAsJsonAsync($"{Plan}/indicators/O1.2.4-a/neutralize", request, Ct);
        again.StatusCode.ShouldBe((HttpStatusCode)422);
    }

    [Fact]
    public async Task A_correction_without_a_value_is_a_400_and_of_no_entry_a_422()
    {
        using var http = Admin();
        var missing = await http.PostAsJsonAsync($"/api/results/{Guid.NewGuid()}/correct",
            new { value = "", reason = "" }, Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(missing)).GetProperty("errors").TryGetProperty("Value", out _).ShouldBeTrue();

        var unknown = await http.PostAsJsonAsync($"/api/results/{Guid.NewGuid()}/correct",
            new { value = "4", reason = "errore" }, Ct);
        unknown.StatusCode.ShouldBe((HttpStatusCode)422);
        (await Json(unknown)).GetProperty("detail").GetString()!.ShouldContain("Nessun risultato");
    }

    [Fact]
    public async Task Scores_export_as_csv_and_xlsx_and_the_audit_only_to_auditors()
    {
        using var anonymous = _host.Client();
        var csv = await anonymous.GetAsync($"{Plan}/exports/scores", Ct);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("cciaa-ms-2019-punteggi.csv");
        (await csv.Content.ReadAsStringAsync(Ct)).ShouldStartWith(
            "Codice;Livello;Target;Risultato;% Realizzazione;% Parametrata;Esito");

        var xlsx = await anonymous.GetAsync($"{Plan}/exports/scores?format=xlsx", Ct);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2].ShouldBe("PK"u8.ToArray());   // a zip: the workbook

        var odd = await anonymous.GetAsync($"{Plan}/exports/scores?format=ods", Ct);
        odd.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await odd.Content.ReadAsStringAsync(Ct)).ShouldContain("format=xlsx");
        (await anonymous.GetAsync($"{Plan}/exports/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var oiv = _host.Client("oiv", Role.Oiv);
        var audit = await oiv.GetAsync($"{Plan}/exports/audit", Ct);
        audit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await audit.Content.ReadAsStringAsync(Ct)).ShouldContain("Delibera di Giunta n. 7");
        (await oiv.GetAsync("/api/plans/nessuno-2019/exports/audit", Ct)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }
}
