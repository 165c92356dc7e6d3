using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Npgsql;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Identity;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PerformancePlan.Host.Database;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Concurrency;

/// <summary>
/// Issue #14: the embedded PostgreSQL killed with <c>kill -9</c> while the service runs, idle or under a load of
/// writes — the service notices, starts it again on the same port, and answers again without being restarted; what it
/// acknowledged before the kill is stored, and the ledger verifies.
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

    [Fact]
    public async Task Killed_under_a_load_of_writes_the_service_recovers_and_every_acknowledged_entry_is_there()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "perfplan-recover-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var connection = await DatabaseConnection.OpenEmbeddedAsync(root, ct);
            using var store = EventStore.Create(connection.ConnectionString);
            await EventStore.PrepareAsync(store, ct);
            await new PlanImportService(store, SystemClock.Instance)
                .ImportAsync(SeedFiles.PlanCsv, EntityId.Default, SeedPlan.Admin, false, ct);
            await new PlanLifecycleService(store, SystemClock.Instance).ApproveAsync(SeedPlan.Id,
                "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31), SeedPlan.Giunta, ct);
            await using var app = WebHost.Build(store, "http://127.0.0.1:0");
            await app.StartAsync(ct);
            using var http = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features
                    .Get<IServerAddressesFeature>()!.Addresses.First()),
                Timeout = TimeSpan.FromSeconds(30),
            };
            var token = new JwtSettings("perfplan", "perfplan-api", JwtSettings.DevelopmentKey)
                .Issue("admin", [Role.Admin], [], null, DateTime.UtcNow, TimeSpan.FromMinutes(30));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var restarts = new ConcurrentQueue<string>();
            var keepAlive = connection.KeepAliveAsync(TimeSpan.FromSeconds(1), restarts.Enqueue, watching.Token);

            // Eight writers, one indicator each, recording as fast as the service answers, before, during, after.
            var acknowledged = new ConcurrentBag<string>();
            var statuses = new ConcurrentBag<int>();
            string[] counts = ["O1.2.4-a", "O2.1.1-b", "O2.1.3-b", "S3.1.1-b", "S3.1.2-a", "S3.2.1-a", "S3.2.1-b",
                "S3.2.2-a"];
            using var load = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var writers = counts.Select(code => Task.Run(async () =>
            {
                for (var n = 1; !load.IsCancellationRequested; n++)
                {
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/plans/cciaa-ms-2019/results",
                            new { indicator = code, value = n.ToString(), on = "30/04/2019" }, load.Token);
                        statuses.Add((int)response.StatusCode);
                        if (response.StatusCode == HttpStatusCode.Created)
                            acknowledged.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(load.Token))
                                .RootElement.GetProperty("entryId").GetString()!);
                    }
                    catch (OperationCanceledException) when (load.IsCancellationRequested) { }
                    catch (HttpRequestException) { statuses.Add(0); await Task.Delay(100, CancellationToken.None); }
                }
            }, CancellationToken.None)).ToList();
            while (acknowledged.Count < 40) await Task.Delay(50, ct);

            var postmaster = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First());
            Process.GetProcessById(postmaster).Kill();                          // SIGKILL, as kill -9
            var killedAt = acknowledged.Count;

            var recovered = false;
            for (var attempt = 0; attempt < 90 && !recovered; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                recovered = restarts.Any(r => r.Contains("riavviato")) && acknowledged.Count > killedAt + 40;
            }
            await load.CancelAsync();
            await Task.WhenAll(writers);
            await watching.CancelAsync();
            await keepAlive;

            var report = $"{acknowledged.Count} acknowledged, statuses "
                + string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"));
            recovered.ShouldBeTrue(report);
            statuses.ShouldNotContain(s => s >= 200 && s < 500 && s != 201, report);   // no refusal of good input
            var stored = await EntryIdsAsync(connection.ConnectionString, ct);
            acknowledged.ShouldAllBe(id => stored.Contains(id), report);
            var verified = await new LedgerService(store, SystemClock.Instance).VerifyAsync(null, null, ct);
            verified.Verified.ShouldBeTrue(report + "\n" + string.Join("\n", verified.Problems.Take(10)));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    static async Task<HashSet<string>> EntryIdsAsync(string db, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select data->>'entryId' from perfplan.mt_events where type = 'result_recorded'", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var ids = new HashSet<string>();
        while (await r.ReadAsync(ct)) ids.Add(r.GetString(0));
        return ids;
    }
}
