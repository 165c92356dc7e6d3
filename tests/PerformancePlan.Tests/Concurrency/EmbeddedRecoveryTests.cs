using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PerformancePlan.Host.Database;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;

namespace PerformancePlan.Tests.Concurrency;

/// <summary>
/// Issue #14: the embedded PostgreSQL killed with <c>kill -9</c> while the service runs — the service notices, starts
/// it again on the same port, and answers again without being restarted.
/// </summary>
public class EmbeddedRecoveryTests
{
    [Fact]
    public async Task After_kill_9_of_its_PostgreSQL_the_service_recovers_without_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "perfplan-recover-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var connection = await DatabaseConnection.OpenEmbeddedAsync(root, ct);
            using var store = EventStore.Create(connection.ConnectionString);
            await EventStore.PrepareAsync(store, ct);
            await using var app = WebHost.Build(store, "http://127.0.0.1:0");
            await app.StartAsync(ct);
            using var http = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features
                    .Get<IServerAddressesFeature>()!.Addresses.First()),
            };
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var restarts = new List<string>();
            var keepAlive = connection.KeepAliveAsync(TimeSpan.FromSeconds(1), restarts.Add, watching.Token);
            (await http.GetAsync("/health", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var postmaster = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First());
            Process.GetProcessById(postmaster).Kill();                          // SIGKILL, as kill -9

            var recovered = false;
            for (var attempt = 0; attempt < 90 && !recovered; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                recovered = (await http.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK
                    && (await http.GetAsync("/api/plans", ct)).StatusCode == HttpStatusCode.OK;
            }
            await watching.CancelAsync();
            await keepAlive;

            recovered.ShouldBeTrue();
            restarts.ShouldContain(r => r.Contains("riavviato"));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
