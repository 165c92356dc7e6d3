using JasperFx.Events;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Host.Application.Views;

/// <summary>One event of the audit trail, in the words users read.</summary>
public sealed record AuditEntry(
    long Sequence, string Stream, long Version, Instant At, string Who, string What, string Subject, string Detail,
    string? Act, string? Reason, string? Refs, string? CorrelationId, string Type)
{
    static readonly DateTimeZone Rome = ItalianFormat.Rome;

    public string LocalTime => At.InZone(Rome).ToString("dd/MM/yyyy HH:mm:ss", null);

    /// <summary>
    /// Every event of a plan and its results in order, each change citing its amendment's act, and each target with
    /// its unit (<c>80%</c>, <c>15 gg</c>) taken from the indicator's definition earlier in the trail.
    /// </summary>
    public static IEnumerable<AuditEntry> Trail(IEnumerable<IEvent> events)
    {
        var measures = new Dictionary<string, MeasureKind>();
        var entries = new List<AuditEntry>();
        foreach (var e in events)
        {
            if (e.Data is IndicatorDefined d) measures[d.Code] = d.Measure;
            if (e.Data is IndicatorRenumbered r && measures.TryGetValue(r.Indicator, out var kind))
                measures[r.NewCode] = kind;
            entries.Add(From(e, measures));
        }
        return WithActs(entries);
    }

    /// <summary>One event, in Italian; a revised target is printed without its unit (<see cref="Trail"/> has it).
    /// </summary>
    public static AuditEntry From(IEvent e) => From(e, new Dictionary<string, MeasureKind>());

    static AuditEntry From(IEvent e, IReadOnlyDictionary<string, MeasureKind> measures)
    {
        var who = e.Headers?.GetValueOrDefault("user")?.ToString() ?? "";
        var at = PerformancePlan.Host.Application.PlanHistoryQueries.SealedAt(e);
        AuditEntry Entry(string what, string subject, string detail = "",
            string? act = null, string? reason = null, string? refs = null) =>
            new(e.Sequence, e.StreamKey ?? "", e.Version, at, who, what, subject, detail, act, reason, refs,
                e.CorrelationId, e.EventTypeName);
        return e.Data switch
        {
            PlanDrafted d => Entry("Piano predisposto", d.PlanId,
                $"{d.EntityName}, triennio {d.Horizon[0]}–{d.Horizon[^1]}" +
                (d.RolledForwardFrom is { } f ? $", da {f}" : "")),
            StrategicAreaDefined n => Entry("Area strategica definita", n.Code, n.Description),
            StrategicObjectiveDefined n => Entry("Obiettivo strategico definito", n.Code, n.Description),
            OperationalObjectiveDefined n => Entry("Obiettivo operativo definito", n.Code, n.Description),
            IndicatorDefined i => Entry("Indicatore definito", i.Code,
                string.Join(", ", i.Targets.Select(t => $"{t.Year}: {Target(t, i.Measure)}"))),
            HolderWeightsAssigned w => Entry("Pesi assegnati", w.Holder,
                string.Join(", ", w.Weights.Select(x => $"{x.Indicator} {ItalianFormat.Percent(x.Weight)}"))),
            PlanImported i => Entry("Piano importato", i.PlanId,
                $"{i.Source}, {ItalianFormat.Count(i.Rows, "riga", "righe")}, "
                + ItalianFormat.Count(i.Warnings.Count, "avviso", "avvisi")),
            PlanApproved a => Entry("Piano approvato", a.PlanId,
                $"versione 1, in vigore dal {ItalianFormat.Date(a.On)}", a.Act),
            PlanAmended a => Entry("Piano variato", a.PlanId,
                $"versione {a.Version}, in vigore dal {ItalianFormat.Date(a.EffectiveOn)}", a.Act, a.Reason,
                a.Reverts is { } r ? $"annulla la versione {r}" : null),
            TargetRevised t => Entry("Target modificato", t.Indicator,
                $"target {t.Year}: {Target(t.Previous, measures.GetValueOrDefault(t.Indicator, MeasureKind.Count))} → "
                + Target(t.Revised, measures.GetValueOrDefault(t.Indicator, MeasureKind.Count)), null, t.Reason),
            IndicatorWithdrawn w => Entry("Indicatore ritirato", w.Indicator, "", null, w.Reason),
            ObjectiveWithdrawn w => Entry("Obiettivo ritirato", w.Objective, "", null, w.Reason),
            IndicatorRenumbered r => Entry("Indicatore rinumerato", r.NewCode,
                $"{r.Indicator} → {r.NewCode} (padre {r.NewParent})", null, r.Reason),
            IndicatorReassigned r => Entry("Uffici e titolari modificati", r.Indicator,
                $"uffici {string.Join(' ', r.Offices)}; titolari {string.Join(' ', r.Holders)}"),
            MethodologyChanged m => Entry("Metodologia modificata", m.PlanId,
                $"tolleranza {m.Methodology.TolerancePercent}%, " +
                $"soglia {m.Methodology.CriticalThresholdPercent}%, " +
                $"pesi {m.Methodology.OperationalObjectivesWeightPercent}/" +
                $"{m.Methodology.StrategicIndicatorsWeightPercent}, " +
                MethodologyText.Rounding(m.Methodology) + (m.Methodology.HasMeasurementSystem
                    ? "; " + MethodologyText.Beyond(m.Methodology) : "")),
            PlanClosed c => Entry("Anno chiuso", c.PlanId, $"chiuso il {ItalianFormat.Date(c.On)}"),
            PlanReopened r => Entry("Piano riaperto", r.PlanId, $"riaperto il {ItalianFormat.Date(r.On)}", r.Act,
                r.Reason),
            PlanValidated v => Entry("Piano validato dall'OIV", v.PlanId,
                $"testa del registro {v.LedgerHead[..16]}…", null, v.Note),
            IndicatorNeutralized n => Entry("Indicatore sterilizzato", n.Indicator,
                n.EffectiveOn is { } on ? $"dal {ItalianFormat.Date(on)}" : "", n.Act, n.Reason),
            ResultRecorded r => Entry("Risultato registrato", r.Indicator,
                $"{ResultText.Of(r.Value)} riferito al {ItalianFormat.Date(r.ReferredTo)}" +
                (r.Period is { } p ? $", periodo {p}" : "") + $" · voce {r.EntryId}",
                null, r.Note.Length > 0 ? r.Note : null, r.Corrects is { } c ? $"corregge {c}" : null),
            ResultReverted r => Entry("Risultato annullato", r.Indicator,
                $"voce {r.EntryId}", null, r.Reason, $"annulla {r.EntryId}"),
            LedgerDigested d => Entry("Digest del registro", "ledger",
                d.Entities is { } entities ? $"radice {d.Root[..16]}… con le teste di {entities.Count} enti"
                    : $"radice {d.Root[..16]}… su {d.Heads.Count} stream"),
            _ => Entry(e.EventTypeName, e.StreamKey ?? ""),
        };
    }

    /// <summary>A target with its unit: <c>80%</c>, <c>12</c>, <c>15 gg</c>, <c>30/06/2019 e 31/12/2019</c>.</summary>
    static string Target(YearTarget? t, MeasureKind measure) => t is null || t.Dates.Count > 0 ? PlanHistory.Text(t)
        : measure switch
        {
            MeasureKind.Percent => ItalianFormat.Percent(t.Amount ?? 0),
            MeasureKind.DaysAfterPeriodClose => ItalianFormat.Decimal(t.Amount ?? 0) + " gg",
            _ => ItalianFormat.Decimal(t.Amount ?? 0),
        };

    /// <summary>The changes of an amendment cite the amendment's act (they share its correlation id).</summary>
    public static IEnumerable<AuditEntry> WithActs(IEnumerable<AuditEntry> entries)
    {
        var acts = new Dictionary<string, string>();
        foreach (var e in entries)
        {
            if (e.Act is { } act && e.CorrelationId is { } id) acts[id] = act;
            yield return e.Act is null && e.CorrelationId is { } c && acts.TryGetValue(c, out var cited)
                ? e with { Act = cited }
                : e;
        }
    }
}
