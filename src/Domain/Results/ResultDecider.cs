using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Domain.Results;

/// <summary>Record a result read by <see cref="ResultInput"/>. The entry id is chosen by the caller.</summary>
public sealed record RecordResult(string PlanId, ResultDraft Result, Guid EntryId, Actor By, Instant Now);

/// <summary>Revert an entry recorded by mistake; nothing is deleted.</summary>
public sealed record RevertResult(Guid EntryId, string Reason, Actor By, Instant Now);

public static class ResultDecider
{
    public static ResultReverted Decide(RevertResult c, IndicatorResults? results, Plan? plan)
    {
        var entry = results?.Entry(c.EntryId) ?? throw new DomainException($"Nessun risultato con identificativo {c.EntryId}.");
        if (!c.By.Is(Role.Admin)) throw new ForbiddenException($"L'utente «{c.By.User}» non può annullare risultati: serve il ruolo amministratore.");
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new DomainException("Indicare il motivo dell'annullamento: resta agli atti.");
        if (entry.Reversal is { } r) throw new DomainException($"Il risultato {c.EntryId} è già stato annullato da {r.By} ({r.Reason}).");
        if (plan is null || plan.IsClosed) throw new DomainException($"Il piano {results!.PlanId} è chiuso: i suoi risultati non si annullano più.");
        return new ResultReverted(results!.PlanId, results.Indicator, c.EntryId, c.Reason.Trim(), c.By.User, c.Now);
    }

    public static ResultRecorded Decide(RecordResult command, Plan? plan)
    {
        if (plan is null) throw new DomainException($"Piano «{command.PlanId}» non trovato.");
        var r = command.Result;
        var indicator = plan.IndicatorOf(r.Indicator) ?? throw new DomainException($"L'indicatore {r.Indicator} non esiste nel piano {plan.Id}.");
        if (plan.Status == PlanStatus.Draft)
            throw new DomainException($"Il piano {plan.Id} non è ancora approvato: i risultati si registrano solo su un piano approvato.");
        if (plan.IsClosed)
            throw new DomainException($"Il piano {plan.Id} è chiuso (dal {ItalianFormat.Date(plan.ClosedOn!.Value)}): i risultati sono congelati.");
        if (plan.NeutralizationOf(indicator.Code) is { } n)
            throw new DomainException($"L'indicatore {indicator.Code} è sterilizzato ({n.Act}): non si misura.");
        if (!command.By.MayRecordFor(indicator.Offices))
            throw new ForbiddenException($"L'utente «{command.By.User}» non può registrare risultati di {indicator.Code}: " +
                $"l'indicatore è degli uffici {string.Join(", ", indicator.Offices)}; possono farlo il personale di quegli uffici o un amministratore.");
        return new ResultRecorded(plan.Id, indicator.Code, command.EntryId, r.Value, r.ReferredTo, r.Period, r.Note, command.By.User, command.Now);
    }
}
