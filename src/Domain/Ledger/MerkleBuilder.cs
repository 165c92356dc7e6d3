namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// <see cref="LedgerHash.MerkleRoot"/> one leaf at a time: heads added in stream order (ordinal) give the same root
/// while holding one pending node per level (a few dozen strings for millions of streams), not every head.
/// </summary>
public sealed class MerkleBuilder
{
    readonly List<string?> _pending = [];
    readonly List<long> _count = [];

    /// <summary>Heads added so far.</summary>
    public long Leaves { get; private set; }

    /// <summary>Adds the next head; heads must come sorted by stream (ordinal).</summary>
    public void Add(LedgerHead head)
    {
        Leaves++;
        Push(_pending, _count, 0, LedgerHash.Leaf(head));
    }

    /// <summary>The root over the heads added so far (the hash of nothing when none was).</summary>
    public string Root()
    {
        if (Leaves == 0) return LedgerHash.Empty;
        var pending = _pending.ToList();
        var count = _count.ToList();
        for (var level = 0; ; level++)
        {
            if (pending[level] is not { } node) continue;
            // Only one node ever reached this level: nothing above it, it is the root.
            if (count[level] == 1) return node;
            pending[level] = null;
            Push(pending, count, level + 1, LedgerHash.Pair(node, node));   // an odd node pairs with itself
        }
    }

    static void Push(List<string?> pending, List<long> count, int level, string node)
    {
        while (true)
        {
            if (pending.Count == level) { pending.Add(null); count.Add(0); }
            count[level]++;
            if (pending[level] is not { } left) { pending[level] = node; return; }
            pending[level] = null;
            node = LedgerHash.Pair(left, node);
            level++;
        }
    }
}
