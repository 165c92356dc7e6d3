using Microsoft.AspNetCore.Connections;

namespace PerformancePlan.Host.Web;

/// <summary>The HTTP service built by <see cref="WebHost"/>, run until cancelled.</summary>
public sealed class WebServer : IWebServer
{
    /// <inheritdoc />
    public string DefaultUrl => WebHost.DefaultUrl;

    /// <inheritdoc />
    public async Task RunAsync(IDocumentStore store, string url, Action started, CancellationToken ct)
    {
        await using var app = WebHost.Build(store, url);
        try { await app.StartAsync(ct); }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw ServiceStartException.PortInUse(url, e);
        }
        catch (IOException e) { throw ServiceStartException.CannotListen(url, e); }
        started();
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
    }
}
