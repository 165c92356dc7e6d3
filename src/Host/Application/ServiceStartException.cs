namespace PerformancePlan.Host.Application;

/// <summary>
/// The HTTP service could not start for a reason of the machine or its configuration, not of the data: the port is
/// taken, the address is not this machine's, the signing key is unsafe. The message says, in Italian, what to do;
/// the CLI prints it with exit 1 (infrastructure), never a stack trace.
/// </summary>
public sealed class ServiceStartException(string message, Exception? inner = null)
    : InvalidOperationException(message, inner)
{
    /// <summary>Another program is listening on <paramref name="url"/>'s port.</summary>
    public static ServiceStartException PortInUse(string url, Exception inner)
    {
        var port = ListenUri(url).Port;
        var (bare, suffix) = (url.TrimEnd('/'), $":{port}");
        var other = (bare.EndsWith(suffix) ? bare[..^suffix.Length] : bare) + $":{(port == 65535 ? 5081 : port + 1)}";
        return new($"Porta {port} occupata: un altro programma è già in ascolto su {url}. " +
            $"Usare --url con un'altra porta, es. --url {other}, o fermare l'altro programma.", inner);
    }

    /// <summary><paramref name="url"/> cannot be listened on: an address of another machine, or a reserved port.
    /// </summary>
    public static ServiceStartException CannotListen(string url, Exception inner) =>
        new($"Impossibile mettersi in ascolto su {url}: l'indirizzo non è di questa macchina o la porta è riservata. " +
            "Usare --url con un indirizzo di questa macchina e una porta sopra 1024, es. --url http://127.0.0.1:5080.",
            inner);

    /// <summary>A listening address as a <see cref="Uri"/>; Kestrel's wildcards <c>*</c> and <c>+</c> read as
    /// <c>0.0.0.0</c>.</summary>
    public static Uri ListenUri(string url) => new(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
}
