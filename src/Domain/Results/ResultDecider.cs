using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Results;

/// <summary>Record a result read by <see cref="ResultInput"/>. The entry id is chosen by the caller.</summary>
public sealed record RecordResult(string PlanId, ResultDraft Result, Guid EntryId, Actor By, Instant Now);

/// <summary>Revert an entry recorded by mistake; nothing is deleted.</summary>
public sealed record RevertResult(Guid EntryId, string Reason, Actor By, Instant Now);

/// <summary>
/// Correct an entry: revert it and record <paramref name="Value"/> (as people write it) for the same date and period.
/// <paramref name="NewEntryId"/> is the new entry's id, chosen by the caller.
/// </summary>
public sealed record CorrectResult(Guid EntryId, string Value, string Reason, Guid NewEntryId, Actor By, Instant Now);

/// <summary>The corrected value cannot be read: the problems, field by field, for the caller to show.</summary>
public sealed class InvalidResultException(IReadOnlyList<FieldIssue> issues)
    : DomainException(string.Join("; ", issues.Select(i => $"{i.Column}: {i.Message}")))
{
    /// <summary>Which field, what is wrong and how to fix it.</summary>
    public IReadOnlyList<FieldIssue> Issues { get; } = issues;
}

/// <summary>Recording, reverting and correcting the entries of an indicator's result stream.</summary>
public static class ResultDecider
{
    /// <exception cref="DomainException">No such entry, no reason, already reverted, or the plan is closed.</exception>
    /// <exception cref="ForbiddenException">The user is not an administrator.</exception>
    public static ResultReverted Decide(RevertResult c, IndicatorResults? results, Plan? plan)
    {
        var entry = results?.Entry(c.EntryId)
            ?? throw new DomainException($"Nessun risultato con identificativo {c.EntryId}.");
        AccessPolicy.Require(c.By, Capability.RevertResult);
        if (string.IsNullOrWhiteSpace(c.Reason))
            throw new DomainException("Indicare il motivo dell'annullamento: resta agli atti.");
        if (entry.Reversal is { } r)
            throw new DomainException($"Il risultato {c.EntryId} è già stato annullato da {r.By} ({r.Reason}).");
        if (plan is null || plan.IsClosed)
            throw new DomainException($"Il piano {results!.PlanId} è chiuso: i suoi risultati non si annullano più"
                + Reopen(plan));
        return new ResultReverted(results!.PlanId, results.Indicator, c.EntryId, c.Reason.Trim(), c.By.User, c.Now);
    }

    /// <exception cref="DomainException">
    /// No plan, unknown indicator, plan not approved or closed, or the indicator neutralised.
    /// </exception>
    /// <exception cref="ForbiddenException">The user is neither of the indicator's offices nor an admin.</exception>
    public static ResultRecorded Decide(RecordResult command, Plan? plan)
    {
        if (plan is null) throw new PlanNotFoundException(command.PlanId);
        var r = command.Result;
        var indicator = plan.IndicatorOf(r.Indicator)
            ?? throw new DomainException($"L'indicatore {r.Indicator} non esiste nel piano {plan.Id}.");
        if (plan.Status == PlanStatus.Draft)
            throw new DomainException(
                $"Il piano {plan.Id} non è ancora approvato: i risultati si registrano solo su un piano approvato.");
        if (plan.IsClosed)
            throw new DomainException(
                $"Il piano {plan.Id} è chiuso (dal {ItalianFormat.Date(plan.ClosedOn!.Value)}): "
                + "i risultati sono congelati" + Reopen(plan));
        if (plan.NeutralizationOf(indicator.Code) is { } n)
            throw new DomainException($"L'indicatore {indicator.Code} è sterilizzato ({n.Act}): non si misura.");
        AccessPolicy.Require(command.By, Capability.RecordResult,
            AccessResource.OfIndicator(indicator.Code, indicator.Offices));
        return new ResultRecorded(plan.Id, indicator.Code, command.EntryId, r.Value, r.ReferredTo, r.Period, r.Note,
            command.By.User, command.Now);
    }

    /// <summary>
    /// A correction: the reversal of the entry, then a new entry for the same date and period that cites it, with
    /// the note «correzione di {entry}: {reason}». The entry may have been recorded under a code its indicator had
    /// before a renumbering: the new one is recorded under the current code. Today is <c>Now</c> in Europe/Rome.
    /// </summary>
    /// <exception cref="InvalidResultException">The corrected value cannot be read for the measure.</exception>
    /// <exception cref="DomainException">The entry cannot be reverted or the result cannot be recorded.</exception>
    /// <exception cref="ForbiddenException">The user may not revert or record.</exception>
    public static IReadOnlyList<IResultEvent> Decide(CorrectResult c, IndicatorResults? results, Plan? plan)
    {
        var reverted = Decide(new RevertResult(c.EntryId, c.Reason, c.By, c.Now), results, plan);
        var old = results!.Entry(c.EntryId)!;
        var today = c.Now.InZone(ItalianFormat.Rome).Date;
        var (draft, issues) = ResultInput.Read(plan!, CurrentCode(plan!, results.Indicator), c.Value,
            ItalianFormat.Date(old.ReferredTo), old.Period ?? "", $"correzione di {c.EntryId}: {c.Reason}", today,
            old.Value.Reference?.ToString(ItalianFormat.Culture) ?? "");
        if (draft is null) throw new InvalidResultException(issues);
        var recorded = Decide(new RecordResult(plan!.Id, draft, c.NewEntryId, c.By, c.Now), plan) with
        {
            Corrects = c.EntryId,
        };
        return [reverted, recorded];
    }

    /// <summary>How to correct a closed year, if it still can be: the end of a refusal's sentence.</summary>
    static string Reopen(Plan? plan) => plan?.Status == PlanStatus.Closed
        ? " (per correggere un errore prima della validazione dell'OIV: «perfplan plan reopen» con atto e motivo)."
        : ".";

    static string CurrentCode(Plan plan, string recordedAs) =>
        plan.Indicators.FirstOrDefault(i => i.Code == recordedAs || i.PreviousCodes.Contains(recordedAs))?.Code
        ?? recordedAs;
}
