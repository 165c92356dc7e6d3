using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Plans;

/// <summary>One change an amendment makes.</summary>
public abstract record PlanChange;
public sealed record ReviseTarget(string Indicator, int Year, YearTarget? Target) : PlanChange;
public sealed record AddDefinition(IPlanEvent Definition) : PlanChange;
public sealed record Withdraw(string Code) : PlanChange;
public sealed record Renumber(string Indicator, string NewCode, string? NewParent) : PlanChange;
public sealed record Reassign(string Indicator, IReadOnlyList<string>? Offices,
    IReadOnlyList<string>? Holders) : PlanChange;
public sealed record ChangeWeights(string Holder, IReadOnlyList<HolderWeight> Weights) : PlanChange;
public sealed record ChangeMethodology(Methodology Methodology) : PlanChange;

/// <summary>Amend an approved plan: the changes, the act that authorises them and the date they take effect.</summary>
public sealed record AmendPlan(string PlanId, string Act, LocalDate EffectiveOn, string Reason,
    IReadOnlyList<PlanChange> Changes, Actor By, Instant Now)
{
    /// <summary>The version this amendment undoes (its changes restore the values before it).</summary>
    public int? Reverts { get; init; }
}

public static class AmendmentDecider
{
    /// <summary>
    /// A new version: <see cref="PlanAmended"/> then one event per change, each checked against the plan.
    /// </summary>
    public static IReadOnlyList<IPlanEvent> Decide(AmendPlan c, Plan? plan)
    {
        var p = plan ?? throw new PlanNotFoundException(c.PlanId);
        AccessPolicy.Require(c.By, Capability.AmendPlan);
        if (p.Status == PlanStatus.Draft)
            throw new DomainException($"Il piano {p.Id} è in bozza: si corregge reimportandolo, le variazioni valgono "
                + "dopo l'approvazione.");
        if (p.IsClosed)
            throw new DomainException($"Il piano {p.Id} è {(p.Status == PlanStatus.Closed ? "chiuso" : "validato")}: "
                + "non si modifica più.");
        if (string.IsNullOrWhiteSpace(c.Act))
            throw new DomainException("Ogni variazione cita il suo atto, es. «Determinazione SG n. 115 del "
                + "15/05/2019».");
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new DomainException("Indicare il motivo della variazione.");
        var last = p.Versions[^1];
        if (c.EffectiveOn < last.EffectiveOn)
            throw new DomainException($"La variazione ({ItalianFormat.Date(c.EffectiveOn)}) precede la versione in "
                + $"vigore (versione {last.Number}, dal {ItalianFormat.Date(last.EffectiveOn)}): le versioni si "
                + "succedono nel tempo.");
        if (c.Changes.Count == 0) throw new DomainException("La variazione non contiene modifiche.");

        if (c.Reverts is { } reverted && (reverted < 2 || reverted > p.CurrentVersion))
            throw new DomainException($"La versione {reverted} non è una variazione del piano {p.Id} (versioni "
                + $"2–{p.CurrentVersion}).");
        var events = new List<IPlanEvent> { new PlanAmended(p.Id, p.CurrentVersion + 1, c.Act.Trim(), c.EffectiveOn,
            c.Reason.Trim(), c.By.User, c.Now) { Reverts = c.Reverts } };
        var state = p;
        foreach (var change in c.Changes)
        {
            var e = ToEvent(change, state, c.Reason.Trim());
            if (e is null) continue;
            events.Add(e);
            state = Plan.Evolve(state, e)!;
        }
        if (events.Count == 1)
            throw new DomainException("Le modifiche indicate coincidono con il piano in vigore: nessuna variazione.");
        foreach (var given in state.Weights.Where(w => w.Weights.Count > 0))
            foreach (var missing in state.Indicators.Where(i => i.Holders.Contains(given.Holder)
                && given.Weights.All(x => x.Indicator != i.Code)))
                throw new DomainException($"{given.Holder} ha pesi espliciti ma nessun peso su {missing.Code}: "
                    + $"indicare i pesi di {given.Holder} (colonna Pesi) perché sommino a 100.");
        return events;
    }

    static IPlanEvent? ToEvent(PlanChange change, Plan p, string reason)
    {
        switch (change)
        {
            case ReviseTarget r:
                var indicator = Indicator(p, r.Indicator);
                if (!p.Horizon.Contains(r.Year))
                    throw new DomainException($"{r.Year} non è un anno del triennio del piano "
                        + $"({string.Join("–", p.Horizon)}).");
                var previous = indicator.TargetFor(r.Year);
                if (previous == r.Target) return null;
                if (r.Target is null && r.Year == p.Year)
                    throw new DomainException($"Il target {p.Year} di {r.Indicator} non si toglie: si sterilizza "
                        + "l'indicatore o lo si ritira.");
                return new TargetRevised(p.Id, indicator.Code, r.Year, previous, r.Target, reason);
            case AddDefinition { Definition: IndicatorDefined d }:
                if (p.IndicatorOf(d.Code) is not null || p.Node(d.Code) is not null)
                    throw new DomainException($"Il codice {d.Code} esiste già nel piano.");
                CheckParent(p, d.Level, d.Code, d.Parent);
                if (p.Indicators.Any(i => i.Lineage == (d.Lineage ?? $"{p.Entity}:{d.Code}")))
                    throw new DomainException($"Il codice {d.Code} è già stato di un altro indicatore (rinumerato): "
                        + "sceglierne uno nuovo, così le due storie restano distinte.");
                if (!d.Targets.Any(t => t.Year == p.Year))
                    throw new DomainException($"Il nuovo indicatore {d.Code} non ha il target {p.Year}.");
                return d;
            case AddDefinition { Definition: INodeDefined n }:
                if (p.Node(n.Code) is not null || p.IndicatorOf(n.Code) is not null)
                    throw new DomainException($"Il codice {n.Code} esiste già nel piano.");
                CheckParent(p, LevelOf(n), n.Code, n.Parent);
                return n;
            case Renumber r:
                var current = Indicator(p, r.Indicator);
                var parent = r.NewParent is { Length: > 0 } np ? np : current.Parent;
                if (!Codes.IsPlanCode(r.NewCode)
                    || (Codes.TryParseIndicator(r.NewCode, out var seedCode, out _) && seedCode.Level != current.Level
                        && Codes.TryParseIndicator(current.Code, out _, out _)))
                    throw new DomainException($"{r.NewCode} non è un codice di "
                        + $"{current.LevelName.ToLowerInvariant()}.");
                var newCode = Codes.TryParseIndicator(r.NewCode, out var parsed, out _) ? parsed.Value
                    : r.NewCode.Trim();
                if (p.IndicatorOf(newCode) is not null || p.Node(newCode) is not null)
                    throw new DomainException($"Il codice {newCode} esiste già nel piano.");
                CheckParent(p, current.Level, newCode, parent);
                return new IndicatorRenumbered(p.Id, current.Code, newCode, parent, reason);
            case Withdraw w when p.IndicatorOf(w.Code) is not null:
                return new IndicatorWithdrawn(p.Id, w.Code, reason);
            case Withdraw w when p.Node(w.Code) is not null:
                if (p.Children(w.Code).Any() || p.IndicatorsOf(w.Code).Any())
                    throw new DomainException($"L'obiettivo {w.Code} ha ancora obiettivi o indicatori: ritirarli "
                        + "prima, nella stessa variazione.");
                return new ObjectiveWithdrawn(p.Id, w.Code, reason);
            case Withdraw w:
                throw new DomainException($"Il codice {w.Code} non esiste nel piano.");
            case Reassign r:
                var i = Indicator(p, r.Indicator);
                var offices = r.Offices ?? i.Offices;
                var holders = r.Holders ?? i.Holders;
                return offices.SequenceEqual(i.Offices)
                    && holders.SequenceEqual(i.Holders) ? null : new IndicatorReassigned(p.Id, i.Code, offices,
                        holders);
            case ChangeWeights given:
                // Weights on indicators withdrawn in this amendment are dropped.
                var kept = given with
                {
                    Weights = [.. given.Weights.Where(x => p.IndicatorOf(x.Indicator) is not null)],
                };
                foreach (var x in kept.Weights)
                    if (!Indicator(p, x.Indicator).Holders.Contains(kept.Holder))
                        throw new DomainException($"{kept.Holder} non è titolare di {x.Indicator}: aggiungerlo ai "
                            + "titolari prima di dargli un peso.");
                var sum = kept.Weights.Sum(x => x.Weight);
                if (kept.Weights.Count > 0 && p.Methodology.HolderWeightingInForce == HolderWeighting.Percent
                    && Math.Abs(sum - 100) > 0.01m)
                    throw new DomainException($"I pesi di {kept.Holder} sommano a {ItalianFormat.Decimal(sum)}% "
                        + "invece di 100%.");
                return new HolderWeightsAssigned(kept.Holder, kept.Weights);
            case ChangeMethodology m:   // coherent by construction: Methodology checks itself
                if (m.Methodology == p.Methodology) return null;
                if (MethodologyFit.Problems(m.Methodology, p.Nodes.Select(n => n.LevelName),
                        p.Indicators.Select(i => i.LevelName)).FirstOrDefault() is { } misfit)
                    throw new DomainException($"Metodologia non applicabile al piano {p.Id}: {misfit}.");
                var periodic = p.Indicators.Where(i => i.Measure == MeasureKind.DaysAfterPeriodClose
                    && i.Calendar is null).Select(i => i.Code).ToList();
                if (m.Methodology.CalendarInForce != p.Methodology.CalendarInForce && periodic.Count > 0)
                    throw new DomainException($"Il calendario del piano {p.Id} non si cambia in corso d'anno: gli "
                        + $"indicatori a periodi ({string.Join(", ", periodic)}) perderebbero i periodi già "
                        + "misurati. Cambiarlo nel piano dell'anno successivo, o indicare il calendario del singolo "
                        + "indicatore nella Misura (es. «giorni dalla chiusura del trimestre»).");
                return new MethodologyChanged(p.Id, m.Methodology);
            default:
                throw new DomainException($"Modifica non riconosciuta: {change}");
        }
    }

    /// <summary>
    /// The parent must exist and be an objective (or the entity, for an objective); between the seed's levels the
    /// seed's order holds (a sub-objective may sit under its own level), and a seed-grammar code extends its parent's.
    /// </summary>
    static void CheckParent(Plan p, Level level, string code, string parentCode)
    {
        var parentNode = p.Node(parentCode);
        var parentLevel = parentCode == Codes.EntityCode ? Level.Entity : parentNode?.Level;
        if (parentLevel is null) throw new DomainException($"Il padre {parentCode} di {code} non esiste nel piano.");
        var indicator = level is Level.StrategicIndicator or Level.OperationalIndicator;
        if (indicator && parentLevel == Level.Entity)
            throw new DomainException($"L'indicatore {code} appartiene a un obiettivo, non direttamente all'ente.");
        if (!TreeRules.ParentLevel.TryGetValue(level, out var expected) || parentLevel == Level.Objective
            || (level == parentLevel && !indicator)) return;
        if (parentLevel != expected)
            throw new DomainException($"Il padre di {code} dev'essere un «{Labels.Of(expected)}», ma {parentCode} è "
                + $"un «{Labels.Of(parentLevel.Value)}».");
        if (SeedGrammar(level, code) && SeedGrammar(parentLevel.Value, parentCode)
            && !TreeRules.CodeExtends(level, code, parentCode))
            throw new DomainException($"Il codice {code} non discende dal padre {parentCode}.");
    }

    static bool SeedGrammar(Level level, string code) => level switch
    {
        Level.Entity or Level.StrategicArea => true,
        Level.StrategicObjective => Codes.IsStrategicObjective(code),
        Level.OperationalObjective => Codes.IsOperationalObjective(code),
        Level.StrategicIndicator or Level.OperationalIndicator => Codes.TryParseIndicator(code, out _, out _),
        _ => false,
    };

    static Level LevelOf(INodeDefined n) => n switch
    {
        StrategicAreaDefined => Level.StrategicArea,
        StrategicObjectiveDefined => Level.StrategicObjective,
        OperationalObjectiveDefined => Level.OperationalObjective,
        _ => Level.Objective,
    };

    static Indicator Indicator(Plan p, string code) =>
        p.IndicatorOf(code) ?? throw new DomainException($"L'indicatore {code} non esiste nel piano {p.Id}.");
}
