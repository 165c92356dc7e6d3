using NodaTime.Text;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The session every command writes through: one correlation id per command (an import shows as one operation), and
/// the acting user, the command and its instant as headers on every event — the "who" and "when" the ledger seals.
/// </summary>
public static class CommandSession
{
    public static IDocumentSession Open(IDocumentStore store, string user, string command, Instant at)
    {
        var session = store.LightweightSession();
        session.CorrelationId = Guid.NewGuid().ToString();
        session.SetHeader("user", user);
        session.SetHeader("command", command);
        session.SetHeader("at", InstantPattern.ExtendedIso.Format(at));
        return session;
    }
}
