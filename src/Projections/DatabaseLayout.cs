using System.Text.Json;
using PerformancePlan.Domain.Common;

namespace PerformancePlan.Projections;

/// <summary>One PostgreSQL database of a deployment on several servers and the administrations it holds.</summary>
/// <param name="Name">How reports and errors name it (<c>nord</c>, <c>server-b</c>); unique.</param>
/// <param name="Connection">Its Npgsql connection string.</param>
/// <param name="Entities">The entity codes whose events and read models live there (conjoined tenants).</param>
public sealed record DatabasePlacement(string Name, string Connection, IReadOnlyList<string> Entities);

/// <summary>
/// Where each administration lives when a deployment spans several PostgreSQL databases (ADR 0031): the first is
/// the home database, which also holds the installation's own data (accounts, the sign-in provider's tables, the
/// ledger's stream of digests of that database). Read from the JSON file of <c>--databases</c> /
/// <c>PERFPLAN_DATABASES</c>: <c>{"databases": [{"name": …, "connection": …, "entities": [...]}, …]}</c>.
/// </summary>
public sealed record DatabaseLayout(IReadOnlyList<DatabasePlacement> Databases)
{
    /// <summary>The database of the installation's own data, and of the tenant nobody has.</summary>
    public DatabasePlacement Home => Databases[0];

    /// <summary>Reads and checks a layout file's text.</summary>
    /// <exception cref="DomainException">Not JSON of that shape, no database, a name or an entity twice, a
    /// database without connection: what is wrong and how to fix it, in Italian.</exception>
    public static DatabaseLayout Parse(string json, string source)
    {
        DatabaseLayout? layout;
        try
        {
            layout = JsonSerializer.Deserialize<DatabaseLayout>(json,
                new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            throw new DomainException($"{source}: non è un elenco di database valido ({e.Message}). Atteso "
                + "{\"databases\": [{\"name\": \"…\", \"connection\": \"Host=…\", \"entities\": [\"cciaa-ms\"]}]}.");
        }
        if (layout?.Databases is not { Count: > 0 } databases)
            throw new DomainException($"{source}: nessun database indicato in «databases».");
        foreach (var (d, i) in databases.Select((d, i) => (d, i)))
            if (string.IsNullOrWhiteSpace(d.Name) || string.IsNullOrWhiteSpace(d.Connection))
                throw new DomainException($"{source}: il database n. {i + 1} non ha «name» o «connection».");
        if (databases.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"{source}: il nome «{twice.Key}» è usato per più database.");
        var entities = databases.SelectMany(d => (d.Entities ?? []).Select(e => (Entity: e, d.Name))).ToList();
        if (entities.GroupBy(e => e.Entity).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new DomainException($"{source}: l'ente «{shared.Key}» è assegnato a più database ("
                + string.Join(", ", shared.Select(s => s.Name)) + "): ogni ente vive in un solo database.");
        return new DatabaseLayout(databases.Select(d => d with { Entities = d.Entities ?? [] }).ToList());
    }
}
