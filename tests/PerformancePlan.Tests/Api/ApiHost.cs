using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Api;

/// <summary>
/// The real host on a free loopback port, on a schema of its own holding the seed plan approved by the Giunta; the
/// clock is fixed at <paramref name="now"/> (20/12/2019 unless given). <see cref="Client"/> gives an
/// <see cref="HttpClient"/> with a user's bearer token.
/// </summary>
public sealed class ApiHost(PostgresCluster cluster, Instant? now = null) : IAsyncDisposable
{
    readonly StoreSchema _db = new(cluster);
    WebApplication _app = null!;

    /// <summary>The fixed clock of the host and of the seeding services.</summary>
    public FakeClock Clock { get; } = new(now ?? Instant.FromUtc(2019, 12, 20, 8, 0));

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The host's services (e.g. its logger factory, to read what it logs).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The store under the host.</summary>
    public Marten.IDocumentStore Store => _db.Store;

    /// <summary>Starts the host; with <paramref name="approved"/> the seed plan is imported and approved first.
    /// </summary>
    public async Task StartAsync(bool approved, CancellationToken ct)
    {
        await _db.InitializeAsync();
        if (approved)
        {
            await new PlanImportService(_db.Store, Clock).ImportAsync(SeedFiles.PlanCsv, EntityId.Default,
                SeedPlan.Admin,
                false, ct);
            await new PlanLifecycleService(_db.Store, Clock).ApproveAsync(SeedPlan.Id,
                "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, ct);
        }
        _app = WebHost.Build(_db.Store, "http://127.0.0.1:0", Clock);
        await _app.StartAsync(ct);
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First() + "/");
    }

    /// <summary>A client of the host; with a user, carrying a token for that user's roles.</summary>
    public HttpClient Client(string? user = null, params Role[] roles)
    {
        var http = new HttpClient { BaseAddress = Address };
        if (user is null) return http;
        var settings = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey);
        var token = settings.Issue(user, roles, user == "u1.1" ? ["U1.1"] : [], null, DateTime.UtcNow,
            TimeSpan.FromMinutes(10));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}
