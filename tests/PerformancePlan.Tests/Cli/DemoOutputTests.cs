using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// <c>perfplan demo</c> as a separate process, as a person starts it on a machine that never ran it (a fresh home, so
/// ASP.NET has no keys yet): no log line between its tables, until it listens.
/// </summary>
public class DemoOutputTests(PostgresCluster cluster) : IAsyncLifetime
{
    readonly string _database = "demoout_" + Guid.NewGuid().ToString("N")[..8];
    string _db = "";

    public async ValueTask InitializeAsync() => _db = await cluster.CreateDatabaseAsync(_database);
    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task The_demo_prints_its_tables_with_no_log_line_between_them()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "perfplan.dll"), "demo",
                "--url", $"http://127.0.0.1:{port}", "--db", _db },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["HOME"] = Directory.CreateTempSubdirectory("perfplan-home-").FullName;
        using var demo = Process.Start(start)!;
        var (output, errors) = (new StringWriter(), new StringWriter());
        var listening = new TaskCompletionSource();
        demo.OutputDataReceived += (_, e) =>
        {
            lock (output) output.WriteLine(e.Data);
            if (e.Data?.StartsWith("In ascolto su") == true) listening.TrySetResult();
        };
        demo.ErrorDataReceived += (_, e) => { lock (errors) errors.WriteLine(e.Data); };
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        try { await listening.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken); }
        finally
        {
            if (!demo.HasExited) demo.Kill(entireProcessTree: true);
            await demo.WaitForExitAsync(CancellationToken.None);
        }

        var printed = output.ToString();
        printed.ShouldContain("Ente: 75 (Parzialmente raggiunto)");
        printed.Split('\n').ShouldNotContain(line => line.TrimStart().StartsWith('{'));
        (printed + errors).ShouldNotContain("DataProtection");
        errors.ToString().ShouldNotContain("{\"EventId\"");
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
