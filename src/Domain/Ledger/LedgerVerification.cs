namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// The tamper rules of the ledger (ADR 0008), as a pure function: every stream's chain is recomputed from its raw
/// rows and compared with the hashes sealed when it was written, and with the digests recorded or kept outside.
/// Finds edited, moved, deleted, inserted, archived and reordered events, unsealed ones, and rewritten history.
/// </summary>
public static class LedgerVerification
{
    /// <summary>The ledger's own stream, where <see cref="LedgerDigested"/> events go.</summary>
    public const string LedgerStream = "ledger";

    /// <param name="rows">The event table's rows (of one plan's streams, or all), read in one snapshot.</param>
    /// <param name="sealedHashes">The sealed hash of each (stream, version), read in the same snapshot.</param>
    /// <param name="recorded">The digests recorded in the ledger's stream, heads already limited to the plan.</param>
    /// <param name="kept">A digest kept outside the system, if the OIV brings one.</param>
    /// <param name="planId">The plan whose streams were read, or null for the whole ledger.</param>
    public static LedgerReport Verify(
        IReadOnlyList<LedgerRow> rows, IReadOnlyDictionary<(string Stream, long Version), string> sealedHashes,
        IEnumerable<LedgerDigested> recorded, KeptDigest? kept, string? planId)
    {
        var problems = new List<LedgerProblem>();
        var heads = new List<LedgerHead>();
        var computed = new Dictionary<(string, long), string>();
        foreach (var stream in rows.GroupBy(r => r.Stream).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (head, first) = Chain(stream.Key, stream.OrderBy(r => r.Version), sealedHashes, computed);
            if (first is not null) problems.Add(first);
            heads.Add(head);
        }
        var sealedStreams = sealedHashes.Keys.Select(k => k.Stream).Distinct();
        foreach (var vanished in sealedStreams.Where(s => rows.All(r => r.Stream != s)))
            problems.Add(new(vanished, 1, null,
                "lo stream è sigillato nel registro ma non ha più eventi: eventi cancellati"));

        foreach (var digest in recorded)
            problems.AddRange(Extends(digest.Heads, computed, $"digest registrato il {digest.DigestedAt}"));
        if (kept is not null)
        {
            if (LedgerHash.MerkleRoot(kept.Heads) != kept.Root)
                problems.Add(new("digest", 0, null,
                    "il file di digest non è integro: la radice non corrisponde alle teste"));
            problems.AddRange(Extends(
                kept.Heads.Where(h => planId is null || InPlan(h.Stream, planId)), computed, "digest esterno"));
        }
        var firstBad = problems.OrderBy(p => p.Sequence ?? long.MaxValue)
            .ThenBy(p => p.Stream, StringComparer.Ordinal).FirstOrDefault();
        // The head is the root over every stream but the ledger's own: the same value `ledger digest` exports.
        var root = LedgerHash.MerkleRoot(heads.Where(h => h.Stream != LedgerStream));
        return new LedgerReport(problems.Count == 0, rows.Count, root, firstBad, problems, heads);
    }

    /// <summary>
    /// The whole verification (ADR 0008 and 0016): the per-stream chains of the plan's streams (or all), the global
    /// chain over every seal with its head and signed checkpoints, and <c>mt_streams</c>. The first bad event is the
    /// earliest per-stream problem, else the first the global chain found.
    /// </summary>
    /// <param name="snapshot">Every row of the ledger's tables and the event table, read in one snapshot.</param>
    /// <param name="kept">A digest kept outside the system, if the OIV brings one.</param>
    /// <param name="planId">The plan whose streams are reported, or null for the whole ledger.</param>
    public static LedgerReport Verify(LedgerSnapshot snapshot, KeptDigest? kept, string? planId)
    {
        bool InScope(string stream) => planId is null || InPlan(stream, planId);
        var rows = snapshot.Rows.Where(r => InScope(r.Stream)).ToList();
        var sealedHashes = snapshot.Seals.Where(s => InScope(s.Stream))
            .ToDictionary(s => (s.Stream, s.Version), s => s.Hash.Trim());
        var streams = Verify(rows, sealedHashes, snapshot.Recorded, kept, planId);
        var global = GlobalChain.Check(snapshot.Seals, snapshot.Head, snapshot.Checkpoints, InScope);
        var streamProblems = streams.Problems.Concat(GlobalChain.Streams(streams.Heads, snapshot.Streams)).ToList();
        var problems = streamProblems.Concat(global.Problems).ToList();
        var firstBad = streamProblems.OrderBy(p => p.Sequence ?? long.MaxValue)
            .ThenBy(p => p.Stream, StringComparer.Ordinal).FirstOrDefault() ?? global.Problems.FirstOrDefault();
        return streams with
        {
            Verified = problems.Count == 0, Problems = problems, FirstBad = firstBad, Position = global.Position,
            LastCheckpoint = global.LastCheckpoint, UncheckedCheckpoints = global.Unchecked,
            SealedSinceCheckpoint = global.Position - (global.LastCheckpoint?.Position ?? 0),
        };
    }

    /// <summary>True when <paramref name="stream"/> is the plan's own stream or one of its indicators'.</summary>
    public static bool InPlan(string stream, string planId) =>
        stream == planId || stream.StartsWith(planId + "/", StringComparison.Ordinal);

    /// <summary>One stream's chain recomputed, and the first problem met along it (only the first counts).</summary>
    static (LedgerHead Head, LedgerProblem? First) Chain(
        string stream, IEnumerable<LedgerRow> rows,
        IReadOnlyDictionary<(string Stream, long Version), string> sealedHashes,
        Dictionary<(string, long), string> computed)
    {
        var hash = "";
        long expected = 1;
        LedgerProblem? first = null;
        long previousSequence = 0;
        foreach (var row in rows)
        {
            if (row.Version != expected && first is null)
                first = new(row.Stream, expected, row.Sequence,
                    $"manca la versione {expected}: un evento è stato cancellato");
            if (row.Sequence < previousSequence && first is null)
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento riordinato: la sua sequenza precede quella della versione precedente");
            if (row.Archived && first is null)
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento marcato come archiviato: nascosto alle letture");
            previousSequence = row.Sequence;
            expected = row.Version + 1;
            var data = LedgerHash.CanonicalJson(row.Data);
            hash = LedgerHash.Next(hash,
                LedgerHash.CanonicalEvent(row.Type, row.Stream, row.Version, row.User, row.At, row.Correlation, data));
            computed[(row.Stream, row.Version)] = hash;
            if (first is not null) continue;
            if (!sealedHashes.TryGetValue((row.Stream, row.Version), out var sealedHash))
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento senza sigillo nel registro: inserito fuori dall'applicazione");
            else if (sealedHash != hash)
                first = new(row.Stream, row.Version, row.Sequence,
                    "contenuto, tipo, autore o data diversi da quelli sigillati: evento modificato o spostato");
        }
        var lastSealed = sealedHashes.Keys.Where(k => k.Stream == stream).Select(k => k.Version)
            .DefaultIfEmpty(0).Max();
        if (first is null && lastSealed >= expected)
            first = new(stream, expected, null, $"il registro sigilla la versione {lastSealed} "
                + $"ma gli eventi finiscono alla {expected - 1}: eventi cancellati");
        return (new LedgerHead(stream, expected - 1, hash), first);
    }

    /// <summary>Every head of a digest must still be in the chain, with the same hash: history only grows.</summary>
    static IEnumerable<LedgerProblem> Extends(
        IEnumerable<LedgerHead> heads, Dictionary<(string, long), string> computed, string which) =>
        heads.Where(h => h.Version > 0
                && (!computed.TryGetValue((h.Stream, h.Version), out var now) || now != h.Hash))
            .Select(h => new LedgerProblem(h.Stream, h.Version, null,
                computed.ContainsKey((h.Stream, h.Version))
                    ? $"la storia non estende il {which}: "
                        + $"lo stream è stato riscritto fino alla versione {h.Version}"
                    : $"la versione {h.Version} presente nel {which} non esiste più"));
}
