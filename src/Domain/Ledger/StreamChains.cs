namespace PerformancePlan.Domain.Ledger;

/// <summary>A stream's sealed hash at one version, and its place in the global chain (null if never linked).</summary>
public sealed record StreamSeal(long Version, string Hash, long? Position);

/// <summary>A head a digest committed to, which the stream's chain must still pass through.</summary>
/// <param name="Which">The digest, for messages: «digest registrato il …» or «digest esterno».</param>
public sealed record DigestedHead(long Version, string Hash, string Which);

/// <summary>
/// One stream as the verification reads it: its raw rows and its seals, both by version, its row in
/// <c>mt_streams</c> (null when missing), and the heads digests committed to for it.
/// </summary>
public sealed record StreamHistory(
    string Stream, IReadOnlyList<LedgerRow> Rows, IReadOnlyList<StreamSeal> Seals, LedgerStreamState? Declared,
    IReadOnlyList<DigestedHead> Expected);

/// <summary>
/// A digest's root over every stream's head after <paramref name="Position"/> seals of the global chain, whose link
/// there was <paramref name="Link"/> (ADR 0023).
/// </summary>
public sealed record DigestRoot(string Which, long Position, string Root, string? Link);

/// <summary>
/// The per-stream chains (ADR 0008) as a fold: streams are added one at a time, sorted by stream (ordinal), and only
/// running totals are kept — the Merkle root's pending nodes, one per digest root, and the problems found — so the
/// whole store verifies in memory that does not grow with its events (ADR 0023).
/// </summary>
/// <param name="roots">Digest roots to recompute from the heads each stream had at the digest's position.</param>
/// <param name="headsSince">Collect the heads of streams written after this global position (0: every stream);
/// null: collect none.</param>
/// <param name="checkDeclared">Compare each stream with its <c>mt_streams</c> row (ADR 0016).</param>
public sealed class StreamChains(IReadOnlyList<DigestRoot> roots, long? headsSince, bool checkDeclared)
{
    readonly MerkleBuilder _root = new();
    readonly MerkleBuilder[] _atPosition = roots.Select(_ => new MerkleBuilder()).ToArray();
    readonly List<LedgerProblem> _later = [];

    /// <summary>What was found so far, in the order streams came.</summary>
    public List<LedgerProblem> Problems { get; } = [];

    /// <summary>Heads collected (see <c>headsSince</c>), sorted by stream.</summary>
    public List<LedgerHead> Heads { get; } = [];

    /// <summary>Rows read.</summary>
    public long Events { get; private set; }

    /// <summary>Streams with at least one row.</summary>
    public long Streams { get; private set; }

    /// <summary>The Merkle root of every stream's head but the ledger's own.</summary>
    public string Root => _root.Root();

    /// <summary>Checks one stream; streams must come sorted by stream (ordinal), rows and seals by version.</summary>
    public void Add(StreamHistory s)
    {
        var seals = s.Seals.ToDictionary(x => x.Version);
        var expected = s.Expected.ToLookup(x => x.Version);
        var reached = new HashSet<long>();
        var atPosition = new LedgerHead?[roots.Count];
        var hash = "";
        long next = 1, previousSequence = 0;
        long? lastPosition = null;
        LedgerProblem? first = null;
        foreach (var row in s.Rows)
        {
            Events++;
            if (row.Version != next && first is null)
                first = new(row.Stream, next, row.Sequence, $"manca la versione {next}: un evento è stato cancellato");
            if (row.Sequence < previousSequence && first is null)
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento riordinato: la sua sequenza precede quella della versione precedente");
            if (row.Archived && first is null)
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento marcato come archiviato: nascosto alle letture");
            previousSequence = row.Sequence;
            next = row.Version + 1;
            hash = LedgerHash.Next(hash, LedgerHash.CanonicalEvent(row.Type, row.Stream, row.Version, row.User,
                row.At, row.Correlation, LedgerHash.CanonicalJson(row.Data)));
            if (expected.Contains(row.Version)) reached.Add(row.Version);
            foreach (var d in expected[row.Version].Where(d => d.Hash != hash))
                _later.Add(new(s.Stream, d.Version, null, $"la storia non estende il {d.Which}: "
                    + $"lo stream è stato riscritto fino alla versione {d.Version}"));
            var seal = seals.GetValueOrDefault(row.Version);
            lastPosition = seal?.Position;
            for (var i = 0; i < roots.Count; i++)
                if (seal?.Position is { } p && p <= roots[i].Position)
                    atPosition[i] = new(s.Stream, row.Version, hash);
            if (first is not null) continue;
            if (seal is null)
                first = new(row.Stream, row.Version, row.Sequence,
                    "evento senza sigillo nel registro: inserito fuori dall'applicazione");
            else if (seal.Hash != hash)
                first = new(row.Stream, row.Version, row.Sequence,
                    "contenuto, tipo, autore o data diversi da quelli sigillati: evento modificato o spostato");
        }
        var lastSealed = s.Seals.Count == 0 ? 0 : s.Seals.Max(x => x.Version);
        if (s.Rows.Count == 0 && s.Seals.Count > 0)
            first = new(s.Stream, 1, null,
                "lo stream è sigillato nel registro ma non ha più eventi: eventi cancellati");
        else if (first is null && lastSealed >= next)
            first = new(s.Stream, next, null, $"il registro sigilla la versione {lastSealed} "
                + $"ma gli eventi finiscono alla {next - 1}: eventi cancellati");
        if (first is not null) Problems.Add(first);
        Problems.AddRange(_later);
        _later.Clear();
        foreach (var d in s.Expected.Where(d => d.Version > 0 && !reached.Contains(d.Version)))
            Problems.Add(new(s.Stream, d.Version, null,
                $"la versione {d.Version} presente nel {d.Which} non esiste più"));
        if (s.Rows.Count > 0) Close(s, new LedgerHead(s.Stream, next - 1, hash), lastPosition, atPosition);
    }

    void Close(StreamHistory s, LedgerHead head, long? lastPosition, LedgerHead?[] atPosition)
    {
        Streams++;
        var own = s.Stream == LedgerVerification.LedgerStream;
        if (!own) _root.Add(head);
        for (var i = 0; i < roots.Count; i++)
            if (!own && atPosition[i] is { } h) _atPosition[i].Add(h);
        if (headsSince is { } since && (lastPosition is null || lastPosition > since)) Heads.Add(head);
        if (!checkDeclared) return;
        if (s.Declared is not { } d)
            Problems.Add(new(s.Stream, head.Version, null, "lo stream non ha più la sua riga in mt_streams"));
        else if (d.Version != head.Version)
            Problems.Add(new(s.Stream, d.Version, null, $"mt_streams dichiara la versione {d.Version} ma gli "
                + $"eventi finiscono alla {head.Version}: stato dello stream alterato"));
        else if (d.Archived)
            Problems.Add(new(s.Stream, head.Version, null, "stream marcato come archiviato: nascosto alle letture"));
    }

    /// <summary>Each digest root recomputed from the heads at its position: a difference means history rewritten.
    /// </summary>
    public IEnumerable<LedgerProblem> RootProblems() => roots.Select((r, i) => (r, i))
        .Where(x => _atPosition[x.i].Root() != x.r.Root)
        .Select(x => new LedgerProblem("digest", x.r.Position, null, $"la storia non estende il {x.r.Which}: "
            + $"le teste degli stream alla posizione {x.r.Position} danno un'altra radice (eventi riscritti, "
            + "inseriti o cancellati)"));
}
