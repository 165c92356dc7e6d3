using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Plans;

public sealed record ApprovePlan(string PlanId, string Act, LocalDate On, Actor By, Instant Now);
/// <summary>
/// Close the plan's year on <paramref name="On"/>; <paramref name="LastResultOn"/> is the latest date a valid entry
/// of its results refers to (null: none), which the close may not precede.
/// </summary>
public sealed record ClosePlan(string PlanId, LocalDate On, Actor By, Instant Now, LocalDate? LastResultOn = null);

/// <summary>Reopen a closed, not yet validated plan by an act dated <paramref name="On"/>, for a reason.</summary>
public sealed record ReopenPlan(string PlanId, string Act, string Reason, LocalDate On, Actor By, Instant Now);
public sealed record ValidatePlan(string PlanId, string LedgerHead, bool LedgerVerified, string Note, Actor By,
    Instant Now);
public sealed record NeutralizeIndicator(string PlanId, string Indicator, string Act, string Reason, Actor By,
    Instant Now, LocalDate? On = null);

/// <summary>Approval, year close, reopening and neutralisation of an indicator (BRIEF §4).</summary>
public static class PlanLifecycleDecider
{
    public static PlanApproved Decide(ApprovePlan c, Plan? plan)
    {
        var p = Existing(plan, c.PlanId);
        AccessPolicy.Require(c.By, Capability.ApprovePlan);
        if (p.Status != PlanStatus.Draft)
            throw new DomainException($"Il piano {p.Id} è già approvato ({p.ApprovalAct}).");
        RequireAct(c.Act);
        NotInTheFuture(c.On, c.Now, "dell'atto di approvazione");
        return new PlanApproved(p.Id, c.Act.Trim(), c.On, c.By.User, c.Now);
    }

    /// <summary>
    /// The year closes from 31/12 on, not before a reopening's act nor before the latest result's reference date (a
    /// close dated 31/12 with a result referring to 20/01 would make the plan "as of" 31/12 count that result 0).
    /// </summary>
    /// <exception cref="DomainException">Not approved, already closed, or a date the rules above refuse.</exception>
    /// <exception cref="ForbiddenException">The user is not an administrator.</exception>
    public static PlanClosed Decide(ClosePlan c, Plan? plan)
    {
        var p = Existing(plan, c.PlanId);
        AccessPolicy.Require(c.By, Capability.ClosePlan);
        if (p.Status == PlanStatus.Draft)
            throw new DomainException($"Il piano {p.Id} non è approvato: non si può chiudere.");
        if (p.IsClosed) throw new DomainException($"Il piano {p.Id} è già chiuso.");
        if (c.On < new LocalDate(p.Year, 12, 31))
            throw new DomainException($"L'anno del piano {p.Year} si chiude dal 31/12/{p.Year} in poi, non il "
                + $"{ItalianFormat.Date(c.On)}.");
        if (p.ReopenedOn is { } reopened && c.On < reopened)
            throw new DomainException($"Il piano {p.Id} è stato riaperto il {ItalianFormat.Date(reopened)}: si "
                + $"richiude da quella data in poi, non il {ItalianFormat.Date(c.On)}.");
        if (c.LastResultOn is { } last && c.On < last)
            throw new DomainException($"Il piano {p.Id} ha risultati riferiti fino al {ItalianFormat.Date(last)}: "
                + $"l'anno si chiude da quella data in poi, non il {ItalianFormat.Date(c.On)}.");
        NotInTheFuture(c.On, c.Now, "di chiusura");
        return new PlanClosed(p.Id, c.On, c.By.User, c.Now);
    }

    /// <summary>
    /// Reopens a closed year, e.g. for an error the OIV found before validating: an administrator, with the act and
    /// the reason, dated from the close on and not in the future. The plan is approved again until the next close.
    /// </summary>
    /// <exception cref="DomainException">
    /// The plan is not closed, is validated by the OIV, or the act, reason or date is missing or wrong.
    /// </exception>
    /// <exception cref="ForbiddenException">The user is not an administrator.</exception>
    public static PlanReopened Decide(ReopenPlan c, Plan? plan)
    {
        var p = Existing(plan, c.PlanId);
        AccessPolicy.Require(c.By, Capability.ReopenPlan);
        if (p.Status == PlanStatus.Validated)
            throw new DomainException($"Il piano {p.Id} è validato dall'OIV: non si riapre più.");
        if (p.Status != PlanStatus.Closed)
            throw new DomainException($"Il piano {p.Id} non è chiuso: non c'è nulla da riaprire.");
        RequireAct(c.Act);
        if (string.IsNullOrWhiteSpace(c.Reason))
            throw new DomainException("Indicare il motivo della riapertura: resta agli atti.");
        if (c.On < p.ClosedOn!.Value)
            throw new DomainException($"Il piano {p.Id} è chiuso dal {ItalianFormat.Date(p.ClosedOn.Value)}: la "
                + $"riapertura non può essere anteriore ({ItalianFormat.Date(c.On)}).");
        NotInTheFuture(c.On, c.Now, "dell'atto di riapertura");
        return new PlanReopened(p.Id, c.Act.Trim(), c.Reason.Trim(), c.On, c.By.User, c.Now);
    }

    /// <summary>The OIV validates a closed year, on a ledger it has just verified.</summary>
    public static PlanValidated Decide(ValidatePlan c, Plan? plan)
    {
        var p = Existing(plan, c.PlanId);
        AccessPolicy.Require(c.By, Capability.ValidatePlan);
        if (p.Status == PlanStatus.Validated) throw new DomainException($"Il piano {p.Id} è già validato.");
        if (p.Status != PlanStatus.Closed)
            throw new DomainException($"Il piano {p.Id} non è chiuso: si valida l'anno dopo la chiusura.");
        if (!c.LedgerVerified)
            throw new DomainException("Il registro degli eventi non è integro: non si valida una storia alterata.");
        if (string.IsNullOrWhiteSpace(c.Note)) throw new DomainException("Indicare una nota di validazione.");
        return new PlanValidated(p.Id, c.LedgerHead, c.Note.Trim(), c.By.User, c.Now);
    }

    public static IndicatorNeutralized Decide(NeutralizeIndicator c, Plan? plan)
    {
        var p = Existing(plan, c.PlanId);
        AccessPolicy.Require(c.By, Capability.NeutralizeIndicator);
        if (p.IndicatorOf(c.Indicator) is null)
            throw new DomainException($"L'indicatore {c.Indicator} non esiste nel piano {p.Id}.");
        if (p.NeutralizationOf(c.Indicator) is { } n)
            throw new DomainException($"L'indicatore {c.Indicator} è già sterilizzato ({n.Act}).");
        if (p.Status == PlanStatus.Validated)
            throw new DomainException($"Il piano {p.Id} è validato dall'OIV: non si modifica più.");
        RequireAct(c.Act);
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new DomainException("Indicare il motivo della sterilizzazione.");
        if (c.On is { } on) NotInTheFuture(on, c.Now, "dell'atto di sterilizzazione");
        return new IndicatorNeutralized(p.Id, c.Indicator, c.Act.Trim(), c.Reason.Trim(), c.By.User,
            c.Now) { EffectiveOn = c.On };
    }

    static void NotInTheFuture(LocalDate on, Instant now, string what)
    {
        var today = now.InZone(ItalianFormat.Rome).Date;
        if (on > today)
            throw new DomainException($"La data {what} ({ItalianFormat.Date(on)}) è futura: oggi è "
                + $"{ItalianFormat.Date(today)}.");
    }

    static Plan Existing(Plan? plan, string id) => plan ?? throw new PlanNotFoundException(id);

    static void RequireAct(string act)
    {
        if (string.IsNullOrWhiteSpace(act))
            throw new DomainException("Indicare l'atto, es. «Delibera di Giunta n. 7 del 31/01/2019».");
    }
}
