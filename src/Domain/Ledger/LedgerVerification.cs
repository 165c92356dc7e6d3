namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// The tamper rules of the ledger (ADR 0008), as a pure function: every stream's chain is recomputed from its raw
/// rows and compared with the hashes sealed when it was written, and with the digests recorded or kept outside.
/// Finds edited, moved, deleted, inserted, archived and reordered events, unsealed ones, and rewritten history.
/// The store is verified with <see cref="LedgerVerifier"/>, which folds the same rules one stream at a time.
/// </summary>
public static class LedgerVerification
{
    /// <summary>The ledger's own stream, where <see cref="LedgerDigested"/> events go.</summary>
    public const string LedgerStream = "ledger";

    /// <summary>Verifies rows held in memory (the per-stream rules only).</summary>
    /// <param name="rows">The event table's rows (of one plan's streams, or all), read in one snapshot.</param>
    /// <param name="sealedHashes">The sealed hash of each (stream, version), read in the same snapshot.</param>
    /// <param name="recorded">The digests recorded in the ledger's stream, heads already limited to the plan.</param>
    /// <param name="kept">A digest kept outside the system, if the OIV brings one.</param>
    /// <param name="planId">The plan whose streams were read, or null for the whole ledger.</param>
    public static LedgerReport Verify(
        IReadOnlyList<LedgerRow> rows, IReadOnlyDictionary<(string Stream, long Version), string> sealedHashes,
        IEnumerable<LedgerDigested> recorded, KeptDigest? kept, string? planId)
    {
        var verifier = new LedgerVerifier(planId, null, [], [], kept, headsSince: 0, checkDeclared: false);
        var expected = recorded.SelectMany(d => d.Heads.Select(h => (h.Stream, Head: Digested(h, d))))
            .ToLookup(x => x.Stream, x => x.Head);
        var byStream = rows.ToLookup(r => r.Stream);
        var seals = sealedHashes.ToLookup(s => s.Key.Stream, s => new StreamSeal(s.Key.Version, s.Value, null));
        var streams = rows.Select(r => r.Stream).Concat(sealedHashes.Keys.Select(k => k.Stream))
            .Concat(expected.Select(g => g.Key)).Distinct().Order(StringComparer.Ordinal);
        foreach (var stream in streams)
            verifier.Add(new StreamHistory(stream, byStream[stream].OrderBy(r => r.Version).ToList(),
                seals[stream].OrderBy(s => s.Version).ToList(), null, expected[stream].ToList()));
        return verifier.Complete();
    }

    /// <summary>A recorded digest's head as the chain must still pass through it.</summary>
    public static DigestedHead Digested(LedgerHead h, LedgerDigested d) =>
        new(h.Version, h.Hash, Recorded(d.DigestedAt));

    /// <summary>How messages name a digest recorded at <paramref name="at"/>.</summary>
    public static string Recorded(Instant at) => Recorded(at.ToString());

    /// <summary>How messages name a digest recorded at <paramref name="at"/> (ISO instant, as stored).</summary>
    public static string Recorded(string at) => $"digest registrato il {at}";

    /// <summary>How messages name the digest the OIV brings.</summary>
    public const string Kept = "digest esterno";

    /// <summary>True when <paramref name="stream"/> is the plan's own stream or one of its indicators'.</summary>
    public static bool InPlan(string stream, string planId) =>
        stream == planId || stream.StartsWith(planId + "/", StringComparison.Ordinal);
}
