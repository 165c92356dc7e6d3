namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// The whole verification (ADR 0008, 0016, 0023) as a fold the host feeds while it reads: streams sorted by stream
/// (<see cref="Add(StreamHistory)"/>) and seals by global position (<see cref="Add(LedgerSeal)"/>), in any
/// interleaving; <see cref="Complete"/> gives the report. What it keeps does not grow with the events: per-stream
/// running state, the Merkle builders, the links checkpoints and digests name, and the problems.
/// </summary>
public sealed class LedgerVerifier
{
    readonly string? _planId;
    readonly KeptDigest? _kept;
    readonly Dictionary<string, List<DigestedHead>> _keptHeads;
    readonly StreamChains _chains;
    readonly GlobalChain _global;
    readonly EntityChains _entities;

    /// <param name="planId">The plan whose streams are read, or null for the whole ledger.</param>
    /// <param name="head">The global chain's head row as read, if any.</param>
    /// <param name="checkpoints">Signed checkpoints, their signatures already checked.</param>
    /// <param name="digests">Recorded digests that name a position: their links are checked, and for the whole
    /// ledger their roots too.</param>
    /// <param name="kept">A digest kept outside the system, if the OIV brings one.</param>
    /// <param name="headsSince">Collect the heads of streams written after this position (0: all; null: none).</param>
    /// <param name="checkDeclared">Compare each stream with its <c>mt_streams</c> row.</param>
    /// <param name="entityHeads">The entity chains' head rows (ADR 0024): all of them, or the plan's entity's.</param>
    /// <param name="digestedEntities">Entity heads recorded in digests, with the digest's name for messages.</param>
    public LedgerVerifier(string? planId, LedgerChainHead? head, IReadOnlyList<CheckedCheckpoint> checkpoints,
        IReadOnlyList<DigestRoot> digests, KeptDigest? kept, long? headsSince, bool checkDeclared = true,
        IReadOnlyDictionary<string, LedgerChainHead>? entityHeads = null,
        IReadOnlyList<(EntityHead Head, string Which)>? digestedEntities = null)
    {
        _planId = planId;
        _kept = kept;
        _keptHeads = (kept?.Heads ?? []).Where(h => InScope(h.Stream)).GroupBy(h => h.Stream)
            .ToDictionary(g => g.Key, g => g.Select(h => new DigestedHead(h.Version, h.Hash,
                LedgerVerification.Kept)).ToList());
        var all = kept?.Position is { } p
            ? digests.Append(new DigestRoot(LedgerVerification.Kept, p, kept.Root, kept.Link)).ToList()
            : digests;
        _chains = new StreamChains(planId is null ? all : [], headsSince, checkDeclared);
        _global = new GlobalChain(head, checkpoints, all, InScope, sparse: planId is not null);
        Entity = planId is null ? null : LedgerEntities.EntityOf(planId);
        var entity = Entity;
        var entityDigests = (digestedEntities ?? [])
            .Concat((kept?.Entities ?? []).Select(h => (Head: h, Which: LedgerVerification.Kept)))
            .Where(d => entity is null || d.Head.Entity == entity).ToList();
        _entities = new EntityChains(entityHeads ?? new Dictionary<string, LedgerChainHead>(), InScope,
            reportDeleted: planId is not null, entityDigests);
    }

    /// <summary>The entity whose chain a plan's verification walks (null for the whole ledger).</summary>
    public string? Entity { get; }

    /// <summary>
    /// The positions of the global chain a plan's verification reads (<see cref="GlobalChain.Wanted"/>); the whole
    /// ledger's reads every seal.
    /// </summary>
    public IReadOnlyCollection<long> WantedPositions => _global.Wanted;

    /// <summary>Whether a stream's row-level problems are reported: the plan's streams, or every one.</summary>
    public bool InScope(string stream) => _planId is null || LedgerVerification.InPlan(stream, _planId);

    /// <summary>The next stream, sorted by stream (ordinal).</summary>
    public void Add(StreamHistory stream)
    {
        if (IsMartenTombstones(stream)) return;
        if (_keptHeads.Remove(stream.Stream, out var kept))
            stream = stream with { Expected = [.. stream.Expected, .. kept] };
        _chains.Add(stream);
    }

    /// <summary>
    /// Marten's own stream of «tombstones»: when a write fails after drawing sequence numbers (PostgreSQL killed
    /// mid-commit, a connection lost), Marten fills those numbers with empty events of type <c>tombstone</c> in the
    /// stream <c>mt_tombstone</c>, so that readers of the sequence do not wait for them. They are bookkeeping, never
    /// sealed, and carry nothing of a plan: such a stream is left out — but only while it holds nothing else and no
    /// seal or digest names it; anything else there is checked like any stream (and found unsealed).
    /// </summary>
    static bool IsMartenTombstones(StreamHistory stream) =>
        stream.Stream == MartenTombstoneStream && stream.Seals.Count == 0 && stream.Expected.Count == 0
        && stream.Rows.All(r => r.Type == "tombstone" && !r.Archived);

    /// <summary>The stream Marten writes its tombstones to.</summary>
    public const string MartenTombstoneStream = "mt_tombstone";

    /// <summary>
    /// The next seal of the global chain, by ascending position (unlinked ones at any time); for the whole ledger it
    /// also continues its entity's chain.
    /// </summary>
    public void Add(LedgerSeal seal)
    {
        _global.Add(seal);
        if (_planId is null) _entities.Add(seal);
    }

    /// <summary>A plan's verification: the next seal of its entity's chain, by ascending entity position.</summary>
    public void AddEntitySeal(LedgerSeal seal) => _entities.Add(seal);

    /// <summary>
    /// The report: the first bad event is the earliest per-stream problem, else the first the global chain found.
    /// </summary>
    public LedgerReport Complete()
    {
        foreach (var (stream, heads) in _keptHeads.OrderBy(k => k.Key, StringComparer.Ordinal))
            _chains.Add(new StreamHistory(stream, [], [], null, heads));
        var streamProblems = new List<LedgerProblem>(_chains.Problems);
        if (_kept is { Position: null } && LedgerHash.MerkleRoot(_kept.Heads) != _kept.Root)
            streamProblems.Add(new("digest", 0, null,
                "il file di digest non è integro: la radice non corrisponde alle teste"));
        streamProblems.AddRange(_chains.RootProblems());
        streamProblems.AddRange(_entities.Complete());
        var global = _global.Complete();
        var firstBad = streamProblems.OrderBy(p => p.Sequence ?? long.MaxValue)
            .ThenBy(p => p.Stream, StringComparer.Ordinal).FirstOrDefault() ?? global.Problems.FirstOrDefault();
        var problems = streamProblems.Concat(global.Problems).ToList();
        // The head is the root over every stream but the ledger's own: the same value `ledger digest` exports.
        return new LedgerReport(problems.Count == 0, _chains.Events, _chains.Root, firstBad, problems, _chains.Heads)
        {
            Position = global.Position, LastCheckpoint = global.LastCheckpoint,
            UncheckedCheckpoints = global.Unchecked,
            SealedSinceCheckpoint = global.Position - (global.LastCheckpoint?.Position ?? 0),
            Streams = _chains.Streams, Link = _global.Link, Entities = _entities.Heads,
        };
    }
}
