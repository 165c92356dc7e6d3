using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;

namespace PerformancePlan.Domain.Plans;

/// <summary>One change an amendment makes.</summary>
public abstract record PlanChange;
public sealed record ReviseTarget(string Indicator, int Year, YearTarget? Target) : PlanChange;
public sealed record AddDefinition(object Definition) : PlanChange;
public sealed record Withdraw(string Code) : PlanChange;
public sealed record Reassign(string Indicator, IReadOnlyList<string>? Offices, IReadOnlyList<string>? Holders) : PlanChange;
public sealed record ChangeWeights(string Holder, IReadOnlyList<HolderWeight> Weights) : PlanChange;
public sealed record ChangeMethodology(Methodology Methodology) : PlanChange;

/// <summary>Amend an approved plan: the changes, the act that authorises them and the date they take effect.</summary>
public sealed record AmendPlan(string PlanId, string Act, LocalDate EffectiveOn, string Reason, IReadOnlyList<PlanChange> Changes, Actor By, Instant Now);

public static class AmendmentDecider
{
    /// <summary>A new version: <see cref="PlanAmended"/> then one event per change, each checked against the plan.</summary>
    public static IReadOnlyList<object> Decide(AmendPlan c, Plan? plan)
    {
        var p = plan ?? throw new DomainException($"Piano «{c.PlanId}» non trovato.");
        if (!c.By.Is(Role.Admin)) throw new DomainException($"L'utente «{c.By.User}» non può modificare il piano: serve il ruolo amministratore.");
        if (p.Status == PlanStatus.Draft) throw new DomainException($"Il piano {p.Id} è in bozza: si corregge reimportandolo, le variazioni valgono dopo l'approvazione.");
        if (p.IsClosed) throw new DomainException($"Il piano {p.Id} è {(p.Status == PlanStatus.Closed ? "chiuso" : "validato")}: non si modifica più.");
        if (string.IsNullOrWhiteSpace(c.Act)) throw new DomainException("Ogni variazione cita il suo atto (--act), es. «Determinazione SG n. 115 del 15/05/2019».");
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new DomainException("Indicare il motivo della variazione (--reason).");
        if (c.EffectiveOn < p.ApprovedOn) throw new DomainException($"La variazione ({ItalianFormat.Date(c.EffectiveOn)}) precede l'approvazione del piano ({ItalianFormat.Date(p.ApprovedOn!.Value)}).");
        if (c.Changes.Count == 0) throw new DomainException("La variazione non contiene modifiche.");

        var events = new List<object> { new PlanAmended(p.Id, p.CurrentVersion + 1, c.Act.Trim(), c.EffectiveOn, c.Reason.Trim(), c.By.User, c.Now) };
        var state = p;
        foreach (var change in c.Changes)
        {
            var e = ToEvent(change, state, c.Reason.Trim());
            if (e is null) continue;
            events.Add(e);
            state = Plan.Evolve(state, e)!;
        }
        if (events.Count == 1) throw new DomainException("Le modifiche indicate coincidono con il piano in vigore: nessuna variazione.");
        return events;
    }

    static object? ToEvent(PlanChange change, Plan p, string reason)
    {
        switch (change)
        {
            case ReviseTarget r:
                var indicator = Indicator(p, r.Indicator);
                if (!p.Horizon.Contains(r.Year)) throw new DomainException($"{r.Year} non è un anno del triennio del piano ({string.Join("–", p.Horizon)}).");
                var previous = indicator.TargetFor(r.Year);
                if (previous == r.Target) return null;
                if (r.Target is null && r.Year == p.Year) throw new DomainException($"Il target {p.Year} di {r.Indicator} non si toglie: si sterilizza l'indicatore o lo si ritira.");
                return new TargetRevised(p.Id, indicator.Code, r.Year, previous, r.Target, reason);
            case AddDefinition { Definition: IndicatorDefined d }:
                if (p.IndicatorOf(d.Code) is not null || p.Node(d.Code) is not null) throw new DomainException($"Il codice {d.Code} esiste già nel piano.");
                if (p.Node(d.Parent) is null) throw new DomainException($"Il padre {d.Parent} di {d.Code} non esiste nel piano.");
                return d;
            case AddDefinition { Definition: INodeDefined n }:
                if (p.Node(n.Code) is not null) throw new DomainException($"Il codice {n.Code} esiste già nel piano.");
                if (p.Node(n.Parent) is null && n.Parent != Codes.EntityCode) throw new DomainException($"Il padre {n.Parent} di {n.Code} non esiste nel piano.");
                return n;
            case Withdraw w when p.IndicatorOf(w.Code) is not null:
                return new IndicatorWithdrawn(p.Id, w.Code, reason);
            case Withdraw w when p.Node(w.Code) is not null:
                if (p.Children(w.Code).Any() || p.IndicatorsOf(w.Code).Any())
                    throw new DomainException($"L'obiettivo {w.Code} ha ancora obiettivi o indicatori: ritirarli prima, nella stessa variazione.");
                return new ObjectiveWithdrawn(p.Id, w.Code, reason);
            case Withdraw w:
                throw new DomainException($"Il codice {w.Code} non esiste nel piano.");
            case Reassign r:
                var i = Indicator(p, r.Indicator);
                var offices = r.Offices ?? i.Offices;
                var holders = r.Holders ?? i.Holders;
                return offices.SequenceEqual(i.Offices) && holders.SequenceEqual(i.Holders) ? null : new IndicatorReassigned(p.Id, i.Code, offices, holders);
            case ChangeWeights w:
                foreach (var x in w.Weights)
                    if (!Indicator(p, x.Indicator).Holders.Contains(w.Holder))
                        throw new DomainException($"{w.Holder} non è titolare di {x.Indicator}: aggiungerlo ai titolari prima di dargli un peso.");
                var sum = w.Weights.Sum(x => x.Weight);
                if (w.Weights.Count > 0 && Math.Abs(sum - 100) > 0.01m) throw new DomainException($"I pesi di {w.Holder} sommano a {ItalianFormat.Decimal(sum)}% invece di 100%.");
                return new HolderWeightsAssigned(w.Holder, w.Weights);
            case ChangeMethodology m:
                var v = m.Methodology;
                if (v.TolerancePercent is < 0 or > 50 || v.CriticalThresholdPercent is < 0 or > 100 || v.CriticalThresholdPercent >= 100 - v.TolerancePercent
                    || v.OperationalObjectivesWeightPercent + v.StrategicIndicatorsWeightPercent != 100)
                    throw new DomainException("Metodologia non coerente: tolleranza 0–50, soglia critica sotto 100 − tolleranza, pesi 40/60 che sommano a 100.");
                return v == p.Methodology ? null : new MethodologyChanged(p.Id, v);
            default:
                throw new DomainException($"Modifica non riconosciuta: {change}");
        }
    }

    static Indicator Indicator(Plan p, string code) =>
        p.IndicatorOf(code) ?? throw new DomainException($"L'indicatore {code} non esiste nel piano {p.Id}.");
}
