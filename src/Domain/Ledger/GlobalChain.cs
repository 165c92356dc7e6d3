namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// The rules of the global chain and its signed checkpoints (ADR 0016), as a fold over the seals in position order
/// (ADR 0023): every seal of every stream has a position 1…N and a link over the previous link and the event's
/// columns; the head row must be the last link; each checkpoint (and each digest that names a link) must be authentic
/// and still in the chain. Only the links at the positions checkpoints and digests name are kept. What these find,
/// the per-stream chains cannot: whole streams deleted with their seals, a truncated tail, columns the stream hash
/// does not cover, history rewritten before a checkpoint.
/// </summary>
/// <param name="inScope">Streams whose row-level problems are reported (a plan's); gaps and the head always are.
/// </param>
/// <param name="sparse">Only the seals at <see cref="Wanted"/> positions and the last one are read (a plan's or an
/// entity's verification, ADR 0024): their links are compared with the head, the checkpoints and the digests, and
/// the chain between them is left to the entity chain and to the whole-store verification.</param>
public sealed class GlobalChain(
    LedgerChainHead? head, IReadOnlyList<CheckedCheckpoint> checkpoints, IReadOnlyList<DigestRoot> digests,
    Func<string, bool> inScope, bool sparse = false)
{
    /// <summary>What the global chain found: problems, its count, the last proved checkpoint.</summary>
    public sealed record Result(
        IReadOnlyList<LedgerProblem> Problems, long Position, LedgerCheckpoint? LastCheckpoint, int Unchecked);

    readonly HashSet<long> _wanted = checkpoints.Select(c => c.Checkpoint.Position)
        .Concat(digests.Select(d => d.Position)).ToHashSet();

    /// <summary>The positions whose links the checkpoints, the digests and the head name.</summary>
    public IReadOnlyCollection<long> Wanted =>
        head is { Position: > 0 } h ? [.. _wanted, h.Position] : [.. _wanted];
    readonly Dictionary<long, string> _links = [];
    readonly List<LedgerProblem> _problems = [];
    LedgerProblem? _unlinked;
    string _previous = "";
    long _expected = 1;

    /// <summary>Adds the next seal: linked ones by ascending position; unlinked ones (no position) at any time.
    /// </summary>
    public void Add(LedgerSeal s)
    {
        if (s.Position is not { } position)
        {
            if (_unlinked is null && inScope(s.Stream))
                _unlinked = new(s.Stream, s.Version, s.Sequence,
                    "sigillo fuori dalla catena globale: inserito o scollegato fuori dall'applicazione");
            return;
        }
        if (sparse)
        {
            _previous = s.Link ?? "";
            _links[position] = _previous;
            _expected = position + 1;
            return;
        }
        var gap = position != _expected;
        if (gap)
            _problems.Add(new(s.Stream, s.Version, s.Sequence, position > _expected
                ? $"mancano le posizioni {_expected}–{position - 1} della catena globale: eventi cancellati"
                : $"posizione {position} ripetuta nella catena globale: sigillo duplicato"));
        if (s.EventText is null)
        {
            if (inScope(s.Stream))
                _problems.Add(new(s.Stream, s.Version, null,
                    "la catena globale sigilla un evento che non esiste più: evento cancellato"));
        }
        else if (!gap && inScope(s.Stream)
            && LedgerHash.Next(_previous, LedgerHash.GlobalCanonical(position, s.Hash, s.EventText)) != s.Link)
            _problems.Add(new(s.Stream, s.Version, s.Sequence,
                "colonne dell'evento (sequenza, id, tipo, tenant, tipo .NET, intestazioni, correlazione, "
                + "causazione, data di scrittura) o sigillo diversi da quelli della catena globale"));
        _previous = s.Link ?? "";
        if (_wanted.Contains(position)) _links[position] = _previous;
        _expected = position + 1;
    }

    /// <summary>The head, the checkpoints and the digests' links judged against the chain as read.</summary>
    public Result Complete()
    {
        var problems = new List<LedgerProblem>();
        if (_unlinked is not null) problems.Add(_unlinked);
        problems.AddRange(_problems);
        var count = _expected - 1;
        if (head is not null && (head.Position != count || head.Link.Trim() != _previous))
            problems.Add(new("registro", head.Position, null, head.Position > count
                ? $"la testa del registro conta {head.Position} sigilli ma la catena finisce al {count}: "
                    + "eventi cancellati in coda"
                : $"la testa del registro ({head.Position} sigilli) non è l'ultimo anello della catena ({count})"));
        var (proved, uncheckedCount) = Checkpoints(count, problems);
        foreach (var d in digests.Where(d => d.Link is not null && LinkAt(d.Position) != d.Link))
            problems.Add(new("digest", d.Position, null, d.Position > count
                ? $"il {d.Which} copre {d.Position} sigilli ma la catena ne ha {count}: eventi cancellati"
                : $"la catena non estende il {d.Which}: storia riscritta fino alla posizione {d.Position}"));
        return new Result(problems, count, proved, uncheckedCount);
    }

    /// <summary>The link after <paramref name="position"/> seals, as the chain reads now.</summary>
    public string? LinkAt(long position) => position == 0 ? "" : _links.GetValueOrDefault(position);

    /// <summary>The chain's last link as read.</summary>
    public string Link => _previous;

    (LedgerCheckpoint? Proved, int Unchecked) Checkpoints(long count, List<LedgerProblem> problems)
    {
        LedgerCheckpoint? proved = null;
        var uncheckedCount = 0;
        foreach (var (c, authentic, source) in checkpoints.OrderBy(c => c.Checkpoint.Position))
        {
            var name = $"checkpoint {(c.Number > 0 ? $"n. {c.Number} " : "")}del {c.At} ({source})";
            if (authentic is null) { uncheckedCount++; continue; }
            if (authentic == false)
                problems.Add(new("checkpoint", c.Position, null,
                    $"il {name} non è firmato dalla chiave del registro: falsificato o alterato"));
            else if (c.Position > count)
                problems.Add(new("checkpoint", c.Position, null,
                    $"il {name} copre {c.Position} sigilli ma la catena ne ha {count}: eventi cancellati"));
            else if (LinkAt(c.Position) != c.Link)
                problems.Add(new("checkpoint", c.Position, null,
                    $"la catena non estende il {name}: storia riscritta fino alla posizione {c.Position}"));
            else if (proved is null || c.Position >= proved.Position) proved = c;
        }
        return (proved, uncheckedCount);
    }
}
