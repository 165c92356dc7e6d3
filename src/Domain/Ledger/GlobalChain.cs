namespace PerformancePlan.Domain.Ledger;

/// <summary>
/// The rules of the global chain and its signed checkpoints (ADR 0016): every seal of every stream has a position
/// 1…N and a link over the previous link and the event's columns; the head row must be the last link; each checkpoint
/// must be authentic and still in the chain. What these find, the per-stream chains cannot: whole streams deleted with
/// their seals, a truncated tail, columns the stream hash does not cover, history rewritten before a checkpoint.
/// </summary>
public static class GlobalChain
{
    /// <summary>What the global chain found: problems, its count, the last proved checkpoint.</summary>
    public sealed record Result(
        IReadOnlyList<LedgerProblem> Problems, long Position, LedgerCheckpoint? LastCheckpoint, int Unchecked);

    /// <param name="inScope">Streams whose row-level problems are reported (a plan's); gaps and the head always are.
    /// </param>
    public static Result Check(
        IReadOnlyList<LedgerSeal> seals, LedgerChainHead? head, IEnumerable<CheckedCheckpoint> checkpoints,
        Func<string, bool> inScope)
    {
        var problems = new List<LedgerProblem>();
        var links = new Dictionary<long, string>();
        var unlinked = seals.FirstOrDefault(s => s.Position is null && inScope(s.Stream));
        if (unlinked is not null)
            problems.Add(new(unlinked.Stream, unlinked.Version, unlinked.Sequence,
                "sigillo fuori dalla catena globale: inserito o scollegato fuori dall'applicazione"));
        var previous = "";
        long expected = 1;
        foreach (var s in seals.Where(s => s.Position is not null).OrderBy(s => s.Position))
        {
            var position = s.Position!.Value;
            var gap = position != expected;
            if (gap)
                problems.Add(new(s.Stream, s.Version, s.Sequence, position > expected
                    ? $"mancano le posizioni {expected}–{position - 1} della catena globale: eventi cancellati"
                    : $"posizione {position} ripetuta nella catena globale: sigillo duplicato"));
            if (s.EventText is null)
            {
                if (inScope(s.Stream))
                    problems.Add(new(s.Stream, s.Version, null,
                        "la catena globale sigilla un evento che non esiste più: evento cancellato"));
            }
            else if (!gap && inScope(s.Stream)
                && LedgerHash.Next(previous, LedgerHash.GlobalCanonical(position, s.Hash, s.EventText)) != s.Link)
                problems.Add(new(s.Stream, s.Version, s.Sequence,
                    "colonne dell'evento (sequenza, id, tipo, tenant, tipo .NET, intestazioni, correlazione, "
                    + "causazione, data di scrittura) o sigillo diversi da quelli della catena globale"));
            previous = s.Link ?? "";
            links[position] = previous;
            expected = position + 1;
        }
        var count = expected - 1;
        if (head is not null && (head.Position != count || head.Link.Trim() != previous))
            problems.Add(new("registro", head.Position, null, head.Position > count
                ? $"la testa del registro conta {head.Position} sigilli ma la catena finisce al {count}: "
                    + "eventi cancellati in coda"
                : $"la testa del registro ({head.Position} sigilli) non è l'ultimo anello della catena ({count})"));
        var (proved, uncheckedCount) = Checkpoints(checkpoints, links, count, problems);
        return new Result(problems, count, proved, uncheckedCount);
    }

    static (LedgerCheckpoint? Proved, int Unchecked) Checkpoints(
        IEnumerable<CheckedCheckpoint> checkpoints, Dictionary<long, string> links, long count,
        List<LedgerProblem> problems)
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
            else if ((c.Position == 0 ? "" : links.GetValueOrDefault(c.Position)) != c.Link)
                problems.Add(new("checkpoint", c.Position, null,
                    $"la catena non estende il {name}: storia riscritta fino alla posizione {c.Position}"));
            else if (proved is null || c.Position >= proved.Position) proved = c;
        }
        return (proved, uncheckedCount);
    }

    /// <summary>
    /// <c>mt_streams</c> must agree with the events: the version writers check is the last event's (else every later
    /// write conflicts forever), no stream is archived (hidden from reads), and every stream with events has a row.
    /// </summary>
    public static IEnumerable<LedgerProblem> Streams(
        IEnumerable<LedgerHead> heads, IReadOnlyList<LedgerStreamState> streams)
    {
        var byId = streams.ToDictionary(s => s.Stream, StringComparer.Ordinal);
        foreach (var h in heads)
        {
            if (!byId.TryGetValue(h.Stream, out var s))
                yield return new(h.Stream, h.Version, null, "lo stream non ha più la sua riga in mt_streams");
            else if (s.Version != h.Version)
                yield return new(h.Stream, s.Version, null, $"mt_streams dichiara la versione {s.Version} ma gli "
                    + $"eventi finiscono alla {h.Version}: stato dello stream alterato");
            else if (s.Archived)
                yield return new(h.Stream, h.Version, null, "stream marcato come archiviato: nascosto alle letture");
        }
    }
}
