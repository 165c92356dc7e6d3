using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// Each administration's own chain (ADR 0024): besides its place in the global chain, every seal of a plan's stream
/// has a position 1…n among its entity's seals and a link over the previous one, kept by the same trigger with one
/// head row per entity. A plan's or an entity's verification walks its entity's chain only, so it reads the same
/// rows whether the store holds one administration or a thousand, and hands an OIV nothing of the others.
/// </summary>
public static partial class LedgerEntities
{
    /// <summary>
    /// The entity of a stream in SQL's and .NET's regular expressions alike: the first group of a plan id
    /// (<c>entity-YYYY</c>) at the start of the stream id, alone or before <c>/</c>; or the administration's own
    /// stream <c>entity/ente</c> (mergers, ADR 0030).
    /// </summary>
    public const string SqlPattern = "^([a-z][a-z0-9-]{0,38}[a-z0-9])(?:-20[0-9]{2}(?:/|$)|/ente$)";

    /// <summary>The entity whose chain seals <paramref name="stream"/>, or null (the ledger's own stream).</summary>
    public static string? EntityOf(string stream) =>
        Pattern().Match(stream) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(SqlPattern)]
    private static partial Regex Pattern();
}

/// <summary>
/// The rules of the entity chains as a fold over seals, each entity's in ascending entity position (the whole store in
/// global order satisfies that too): contiguous positions from 1, each link over the previous link and the event's
/// columns, the seal attributed to the entity its stream belongs to, and each entity's head row equal to its last link.
/// </summary>
/// <param name="heads">The entity head rows as read (all of them, or the one entity verified).</param>
/// <param name="inScope">Streams whose row-level problems are reported; gaps and heads always are.</param>
/// <param name="reportDeleted">Report seals whose event row is gone (when no global walk reports them).</param>
/// <param name="digested">Entity heads recorded in digests (or kept by the OIV), with the digest's name for messages:
/// each entity's chain must still pass through them.</param>
public sealed class EntityChains(IReadOnlyDictionary<string, LedgerChainHead> heads, Func<string, bool> inScope,
    bool reportDeleted, IReadOnlyList<(EntityHead Head, string Which)>? digested = null)
{
    readonly Dictionary<string, (long Expected, string Previous)> _state = new(StringComparer.Ordinal);
    readonly List<LedgerProblem> _problems = [];
    readonly ILookup<(string, long), (EntityHead Head, string Which)> _digested =
        (digested ?? []).ToLookup(d => (d.Head.Entity, d.Head.Position));

    /// <summary>Problems found so far (see <see cref="Complete"/> for the heads).</summary>
    public IReadOnlyList<LedgerProblem> Problems => _problems;

    /// <summary>Adds the next seal of its entity (seals never linked to the global chain are left to it).</summary>
    public void Add(LedgerSeal s)
    {
        if (s.Position is null) return;
        var entity = LedgerEntities.EntityOf(s.Stream);
        if (entity is null)
        {
            if (s.Entity is not null && inScope(s.Stream))
                _problems.Add(new(s.Stream, s.Version, s.Sequence,
                    $"sigillo attribuito all'ente «{s.Entity}» ma lo stream non è di un piano"));
            return;
        }
        if (s.Entity != entity || s.EntityPosition is not { } position)
        {
            if (inScope(s.Stream))
                _problems.Add(new(s.Stream, s.Version, s.Sequence,
                    $"sigillo fuori dalla catena dell'ente {entity}: spostato o scollegato fuori dall'applicazione"));
            return;
        }
        var (expected, previous) = _state.GetValueOrDefault(entity, (1, ""));
        var gap = position != expected;
        if (gap)
            _problems.Add(new(s.Stream, s.Version, s.Sequence, position > expected
                ? $"mancano le posizioni {expected}–{position - 1} della catena dell'ente {entity}: eventi cancellati"
                : $"posizione {position} ripetuta nella catena dell'ente {entity}: sigillo duplicato"));
        if (s.EventText is null)
        {
            if (reportDeleted && inScope(s.Stream))
                _problems.Add(new(s.Stream, s.Version, null,
                    $"la catena dell'ente {entity} sigilla un evento che non esiste più: evento cancellato"));
        }
        else if (!gap && inScope(s.Stream)
            && LedgerHash.Next(previous, LedgerHash.GlobalCanonical(position, s.Hash, s.EventText)) != s.EntityLink)
            _problems.Add(new(s.Stream, s.Version, s.Sequence,
                $"colonne dell'evento o sigillo diversi da quelli della catena dell'ente {entity}"));
        foreach (var (head, which) in _digested[(entity, position)].Where(d => d.Head.Link != s.EntityLink))
            _problems.Add(new(s.Stream, s.Version, s.Sequence, $"la catena dell'ente {entity} non estende il "
                + $"{which}: storia riscritta fino alla posizione {head.Position}"));
        _state[entity] = (position + 1, s.EntityLink ?? "");
    }

    /// <summary>Each entity chain's head as read (count and last link), by entity.</summary>
    public IReadOnlyList<EntityHead> Heads => _state.OrderBy(s => s.Key, StringComparer.Ordinal)
        .Select(s => new EntityHead(s.Key, s.Value.Expected - 1, s.Value.Previous)).ToList();

    /// <summary>Every entity's head row, and every digested head, judged against its chain as read.</summary>
    public IReadOnlyList<LedgerProblem> Complete()
    {
        var problems = new List<LedgerProblem>(_problems);
        foreach (var (head, which) in _digested.SelectMany(g => g)
            .Where(d => d.Head.Position > _state.GetValueOrDefault(d.Head.Entity, (1, "")).Expected - 1))
            problems.Add(new("digest", head.Position, null, $"il {which} conta {head.Position} sigilli dell'ente "
                + $"{head.Entity} ma la sua catena ne ha meno: eventi cancellati"));
        foreach (var entity in heads.Keys.Union(_state.Keys).Order(StringComparer.Ordinal))
        {
            var (expected, previous) = _state.GetValueOrDefault(entity, (1, ""));
            var count = expected - 1;
            if (!heads.TryGetValue(entity, out var head))
                problems.Add(new("registro", count, null,
                    $"la testa della catena dell'ente {entity} manca: cancellata fuori dall'applicazione"));
            else if (head.Position != count || head.Link.Trim() != previous)
                problems.Add(new("registro", head.Position, null, head.Position > count
                    ? $"la testa della catena dell'ente {entity} conta {head.Position} sigilli ma la catena finisce "
                        + $"al {count}: eventi cancellati in coda"
                    : $"la testa della catena dell'ente {entity} ({head.Position} sigilli) non è l'ultimo anello "
                        + $"della catena ({count})"));
        }
        return problems;
    }
}
