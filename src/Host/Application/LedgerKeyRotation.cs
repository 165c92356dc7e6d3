using System.Text.RegularExpressions;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Host.Application;

/// <summary>
/// A new signing key for the ledger's checkpoints, the old one's signatures still provable (ADR 0027). The rotation
/// is two checkpoints of the same head: the old key signs one whose reason names the new public key, the new key one
/// that names the old; then the key file holds the new key only. Whoever trusts either key trusts the other through
/// these signed statements (<see cref="Trusted"/>), so checkpoints of both stay verifiable with one public key.
/// </summary>
public static partial class LedgerKeyRotation
{
    const string Prefix = "rotazione della chiave: chiave ";

    /// <summary>The reason of the old key's checkpoint, naming its successor.</summary>
    public static string Successor(string publicKey) => Prefix + "successiva " + publicKey;

    /// <summary>The reason of the new key's checkpoint, naming its predecessor.</summary>
    public static string Predecessor(string publicKey) => Prefix + "precedente " + publicKey;

    [GeneratedRegex("^rotazione della chiave: chiave (?:successiva|precedente) ([A-Za-z0-9+/]{43}=)$")]
    private static partial Regex Named();

    /// <summary>
    /// <paramref name="given"/> and every key a trusted key's rotation checkpoint names, until none is added.
    /// </summary>
    public static IReadOnlySet<string> Trusted(IEnumerable<string> given, IEnumerable<LedgerCheckpointFile> all)
    {
        var trusted = new HashSet<string>(given);
        var rotations = all.Where(c => Named().IsMatch(c.Reason)).ToList();
        for (var added = trusted.Count > 0; added;)
        {
            added = false;
            foreach (var c in rotations)
                if (SignedByAny(c, trusted) && trusted.Add(Named().Match(c.Reason).Groups[1].Value)) added = true;
        }
        return trusted;
    }

    /// <summary>True when one of <paramref name="keys"/> signed <paramref name="c"/>.</summary>
    public static bool SignedByAny(LedgerCheckpointFile c, IEnumerable<string> keys)
    {
        var message = LedgerHash.CheckpointMessage(c.Position, c.Link, c.At, c.By, c.Reason);
        return keys.Any(k => LedgerKey.Verify(k, message, c.Signature));
    }
}
