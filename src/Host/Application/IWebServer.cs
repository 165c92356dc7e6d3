namespace PerformancePlan.Host.Application;

/// <summary>
/// The HTTP service (API and dashboard) as the CLI's <c>serve</c> and <c>demo</c> verbs see it. Declared here so that
/// no transport calls another: the composition root hands the CLI the web side's implementation.
/// </summary>
public interface IWebServer
{
    /// <summary>Where the service listens unless told otherwise, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    string DefaultUrl { get; }

    /// <summary>
    /// Serves <paramref name="store"/> on <paramref name="url"/>, calls <paramref name="started"/> once listening, and
    /// stops gracefully when <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <exception cref="ServiceStartException">
    /// The port is taken, the address cannot be listened on, or the signing key is unsafe for <paramref name="url"/>.
    /// </exception>
    Task RunAsync(IDocumentStore store, string url, Action started, CancellationToken ct);
}
