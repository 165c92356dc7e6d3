using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerformancePlan.Domain.Ledger;

/// <summary>A stream's head in the ledger: its last version and the chain hash there.</summary>
public sealed record LedgerHead(string Stream, long Version, string Hash);

/// <summary>
/// The tamper-evident chain (ADR 0008): each event's hash covers the previous hash of its stream and a canonical
/// form of the event — type, stream, version, who, when, the operation (correlation id), and its data as canonical
/// JSON (keys sorted, one escaping) — so the same event hashes the same whether read from the application or back
/// from PostgreSQL's jsonb.
/// </summary>
public static class LedgerHash
{
    static readonly JsonSerializerOptions Canonical =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The JSON with object keys sorted (ordinal) and one escaping, whatever wrote it.</summary>
    public static string CanonicalJson(string json) => Sort(JsonNode.Parse(json))?.ToJsonString(Canonical) ?? "null";

    static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(x => Sort(x?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>What the chain hashes of one event: its fields one per line, data last.</summary>
    public static string CanonicalEvent(
        string type, string stream, long version, string user, string at, string correlation, string canonicalData) =>
        string.Join('\n',
            type, stream, version.ToString(CultureInfo.InvariantCulture), user, at, correlation, canonicalData);

    /// <summary>The chain: h(v) = SHA-256(h(v−1) ‖ canonical event); h(0) is empty.</summary>
    public static string Next(string previous, string canonicalEvent) => Sha(previous + "\n" + canonicalEvent);

    /// <summary>
    /// What the global chain hashes of one seal (ADR 0016): its position, the stream's sealed hash, and every column
    /// of the event as PostgreSQL prints them (<see cref="LedgerSeal.EventText"/>).
    /// </summary>
    public static string GlobalCanonical(long position, string streamHash, string eventText) =>
        string.Join('\n', position.ToString(CultureInfo.InvariantCulture), streamHash, eventText);

    /// <summary>The text a checkpoint's Ed25519 signature covers.</summary>
    public static string CheckpointMessage(long position, string link, string at, string by, string reason) =>
        string.Join('\n', "perfplan-ledger-checkpoint/1", position.ToString(CultureInfo.InvariantCulture), link, at,
            by, reason);

    /// <summary>
    /// A Merkle root over stream heads sorted by stream: one value that commits to every stream's history.
    /// </summary>
    public static string MerkleRoot(IEnumerable<LedgerHead> heads)
    {
        var builder = new MerkleBuilder();
        foreach (var h in heads.OrderBy(h => h.Stream, StringComparer.Ordinal)) builder.Add(h);
        return builder.Root();
    }

    /// <summary>A head as a leaf of the Merkle tree.</summary>
    public static string Leaf(LedgerHead h) => Sha($"{h.Stream}\n{h.Version}\n{h.Hash}");

    /// <summary>Two nodes of the Merkle tree joined into their parent.</summary>
    public static string Pair(string left, string right) => Sha(left + right);

    /// <summary>The root of no heads at all.</summary>
    public static readonly string Empty = Sha("");

    static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
