using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// One database for the whole matrix: the seed plan imported and approved through the CLI, and the HTTP host on the
/// same database (same clock as the CLI's), so both transports answer about the same plan. Every allowed write of
/// the table is a probe that breaks a rule after the policy (or a result recorded again), so cells do not depend on
/// their order.
/// </summary>
public sealed class AccessHost(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "access_" + Guid.NewGuid().ToString("N")[..8];
    readonly string _files = Directory.CreateTempSubdirectory("perfplan-access-").FullName;
    WebApplication _app = null!;
    HttpClient _http = null!;
    Marten.DocumentStore _store = null!;

    /// <summary>The users of the columns, as the CLI reads them (users.json); the tokens carry the same.</summary>
    public UserDirectory Users { get; } = UserDirectory.Load();

    /// <summary>The connection string of the database.</summary>
    public string Db { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Db = await cluster.CreateDatabaseAsync(_database);
        (await Cli(null, "plan", "import", "--as", "admin", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Cli(null, "plan", "approve", "--plan", AccessMatrix.Plan, "--act", "Delibera di Giunta n. 7 del "
            + "31/01/2019", "--on", "31/01/2019", "--as", "giunta")).ExitCode.ShouldBe(0);
        _store = EventStore.Create(Db);
        _app = WebHost.Build(_store, "http://127.0.0.1:0", new FakeClock(Instant.FromUtc(2022, 3, 1, 10, 0)));
        await _app.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })   // a form answers 302
        {
            BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features
                .Get<IServerAddressesFeature>()!.Addresses.First()),
        };
        await File.WriteAllTextAsync(Path.Combine(_files, "regole.csv"),
            "Codice;Padre;Descrizione;Valore\ntolleranza;;;0%\n");
        await File.WriteAllTextAsync(Path.Combine(_files, "risultati.csv"),
            "Codice;Valore;Riferito al;Periodo;Note\nO1.2.4-a;3;30/04/2019;;\n");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _store.Dispose();
        await cluster.DropDatabaseAsync(_database);
    }

    /// <summary>The endpoints the host maps, as the table names them (method and route pattern).</summary>
    public IEnumerable<(string Method, string Route)> Endpoints() => _app.Services
        .GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
        .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods
            ?? ["*"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))));

    /// <summary>
    /// Runs <c>perfplan</c> as <paramref name="user"/> (<c>--as</c>; none when null), with the table's placeholders
    /// filled in: <c>{out}</c> a fresh file, <c>{seed}</c> the seed plan, <c>{rules}</c> a methodology,
    /// <c>{results}</c> a results file, <c>{entryId}</c> an id that names no entry.
    /// </summary>
    public Task<CliRunner.Run> Cli(string? user, params string[] args)
    {
        var filled = args.Select(a => a
            .Replace("{out}", Path.Combine(_files, Guid.NewGuid().ToString("N")))
            .Replace("{seed}", SeedFiles.PlanCsv).Replace("{rules}", Path.Combine(_files, "regole.csv"))
            .Replace("{results}", Path.Combine(_files, "risultati.csv"))
            .Replace("{entryId}", Guid.NewGuid().ToString()));
        return CliRunner.RunAsync([.. filled, .. user is null ? Array.Empty<string>() : ["--as", user], "--db", Db]);
    }

    /// <summary>Sends <paramref name="door"/>'s request, with a bearer token for <paramref name="user"/> if any:
    /// with the user's roles, or as an admin for a user users.json does not list.</summary>
    public async Task<int> Send(string? user, Door door) => (await Answer(user, door)).Status;

    /// <summary>The status and body of <paramref name="door"/>'s answer to <paramref name="user"/> (as
    /// <see cref="Send"/>), with the request's own trace id left out.</summary>
    public async Task<(int Status, string Body)> Answer(string? user, Door door)
    {
        using var request = new HttpRequestMessage(new HttpMethod(door.Method!), door.Path(Guid.NewGuid()));
        if (user is not null)
        {
            var a = Users.FileUser(user) ?? new Actor(user, [Role.Admin], [], null);
            var token = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey)
                .Issue(a.User, a.Roles, a.Offices, a.Holder, DateTime.UtcNow, TimeSpan.FromMinutes(5));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        request.Content = door.Body switch
        {
            null => null,
            "seed" => Form(("file", SeedFiles.PlanCsv)),
            "rules" => Form(("file", Path.Combine(_files, "regole.csv"))),
            "amendment" => Form(("file", SeedFiles.PlanCsv), ("act", "Atto"), ("on", "15/05/2019"), ("reason", "r")),
            "risultato" => new FormUrlEncodedContent([new("valore", "3"), new("data", "30/04/2019")]),
            var json => new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode,
            System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\""));
    }

    /// <summary>The body of a GET of <paramref name="path"/> as <paramref name="user"/>.</summary>
    public async Task<string> Get(string? user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(user));
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    string TokenOf(string user)
    {
        var a = Users.FileUser(user) ?? new Actor(user, [Role.Admin], [], null);
        return new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey)
            .Issue(a.User, a.Roles, a.Offices, a.Holder, DateTime.UtcNow, TimeSpan.FromMinutes(5));
    }

    static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            if (name == "file") form.Add(new ByteArrayContent(File.ReadAllBytes(value)), "file",
                Path.GetFileName(value));
            else form.Add(new StringContent(value), name);
        return form;
    }
}
