using PerformancePlan.Host.Application.Views;
using System.Net;
using System.Text;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;

namespace PerformancePlan.Host.Components;

/// <summary>
/// A draft of the <i>Relazione sulla Performance</i>, structured like the Funzione Pubblica guidelines: main results,
/// organisational performance by area and objective with deviations and their reasons, individual objectives, the
/// register of in-year changes with their acts (art. 6 D.Lgs. 150/2009), and the measurement process with the ledger head.
/// </summary>
public static class RelazioneHtml
{
    public static string Render(OivReplay r, IReadOnlyList<AuditEntry> audit)
    {
        var p = r.Plan;
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        string N(decimal? d) => ScoreText.Of(d);
        string Band(Score s) => $"<span class=\"b {BandNames.Code(s.Band)}\">{E(BandNames.Italian(s.Band))}</span>";
        var h = new StringBuilder();
        var measured = r.Indicators.Count(i => i.Score.IsMeasured);
        var achieved = r.Indicators.Count(i => i.Score.Band == Domain.Scoring.Band.Achieved);
        h.Append($"<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Relazione sulla Performance {p.Year} — bozza</title><style>{Css}</style></head><body>");
        h.Append($"<p class=\"draft\">BOZZA generata da PerformancePlan — da completare e approvare</p>");
        h.Append($"<h1>Relazione sulla Performance {p.Year}</h1><p class=\"sub\">{E(p.EntityName)}<br>Piano della Performance {p.Year}–{p.Horizon[^1]}" +
                 (p.Versions.Count > 0 ? $", {E(p.Versions[0].Act)}" : "") + "</p>");
        h.Append("<h2>1. Sintesi dei principali risultati</h2>");
        h.Append($"<p>Nel {p.Year} la performance organizzativa dell'Ente è pari a <b>{N(r.Scores.Entity.Score.Parametrata)}</b> {Band(r.Scores.Entity.Score)}. " +
                 $"Sono stati misurati {measured} indicatori su {r.Indicators.Count}; {achieved} risultano raggiunti." +
                 (p.IsClosed ? "" : " <i>L'anno non è ancora chiuso: gli indicatori non rilevati restano fuori dalle medie.</i>") + "</p>");
        h.Append("<table><tr><th>Area strategica</th><th>% realizzazione</th><th>% parametrata</th><th>Esito</th></tr>");
        foreach (var a in r.Objectives.Where(o => o.Level == Level.StrategicArea))
            h.Append($"<tr><td>{E(a.Code)}. {E(a.Description)}</td><td class=\"n\">{N(a.Score.Raw)}</td><td class=\"n\">{N(a.Score.Parametrata)}</td><td>{Band(a.Score)}</td></tr>");
        h.Append("</table>");

        h.Append("<h2>2. Performance organizzativa: obiettivi e scostamenti</h2>");
        foreach (var o in r.Objectives.Where(o => o.Level is Level.StrategicObjective or Level.OperationalObjective))
        {
            h.Append($"<h3>{E(Labels.Of(o.Level))} {E(o.Code)} — {E(o.Description)}: {N(o.Score.Parametrata)} {Band(o.Score)}</h3>");
            var indicators = r.Indicators.Where(i => p.IndicatorOf(i.Code)!.Parent == o.Code).ToList();
            if (indicators.Count == 0) continue;
            h.Append("<table><tr><th>Indicatore</th><th>Target</th><th>Risultato</th><th>% realizz.</th><th>Scostamento</th><th>Esito</th><th>Motivazione / note</th></tr>");
            foreach (var i in indicators)
            {
                var indicator = p.IndicatorOf(i.Code)!;
                var gap = i.Score.Raw is { } raw ? N(100 - raw) : "—";
                var notes = string.Join("; ", i.Used.Select(u => u.Note).Concat(i.Reverted.Select(u => $"annullato: {u.Reversal!.Reason}")).Where(n => n.Length > 0));
                h.Append($"<tr><td><b>{E(i.Code)}</b> {E(indicator.Description)}</td><td>{E(TargetText.Of(i.Target, indicator))}</td>" +
                         $"<td>{E(string.Join(", ", i.Used.Select(u => ResultText.Of(u.Value, indicator))))}</td>" +
                         $"<td class=\"n\">{N(i.Score.Raw)}</td><td class=\"n\">{gap}</td><td>{Band(i.Score)}</td><td>{E(notes)}</td></tr>");
            }
            h.Append("</table>");
        }

        h.Append("<h2>3. Obiettivi individuali</h2><table><tr><th>Titolare</th><th>Indicatori (peso)</th><th>Punteggio</th></tr>");
        foreach (var card in PlanScoring.Scorecards(p, r.Scores))
            h.Append($"<tr><td>{E(card.Holder)}</td><td>{E(string.Join(", ", card.Items.Select(x => $"{x.Indicator} ({ItalianFormat.Percent(Math.Round(x.Weight, 2))}): {(x.Score.IsMeasured ? N(x.Score.Parametrata) : "non rilevato")}")))}</td>" +
                     $"<td class=\"n\">{(card.Score is { } s ? N(s) : "—")}</td></tr>");
        h.Append("</table>");

        h.Append("<h2>4. Variazioni intervenute nel corso dell'anno (art. 6 D.Lgs. 150/2009)</h2><table><tr><th>Versione</th><th>Atto</th><th>In vigore dal</th><th>Motivo</th></tr>");
        foreach (var v in p.Versions)
            h.Append($"<tr><td>{v.Number}</td><td>{E(v.Act)}</td><td>{ItalianFormat.Date(v.EffectiveOn)}</td><td>{E(v.Reason)}</td></tr>");
        h.Append("</table><table><tr><th>Data</th><th>Operazione</th><th>Oggetto</th><th>Dettaglio</th><th>Atto</th><th>Motivo</th></tr>");
        foreach (var a in audit.Where(a => a.What is "Target modificato" or "Indicatore ritirato" or "Indicatore rinumerato" or "Uffici e titolari modificati"
                     or "Metodologia modificata" or "Indicatore sterilizzato" || (a.What == "Indicatore definito" && a.Act is not null && a.Act != p.ApprovalAct)))
            h.Append($"<tr><td>{E(a.LocalTime[..10])}</td><td>{E(a.What)}</td><td>{E(a.Subject)}</td><td>{E(a.Detail)}</td><td>{E(a.Act)}</td><td>{E(a.Reason)}</td></tr>");
        h.Append("</table>");

        var m = p.Methodology;
        h.Append("<h2>5. Il processo di misurazione e valutazione</h2>");
        h.Append($"<p>La misurazione segue la metodologia del piano: tolleranza {N(m.TolerancePercent)}%, soglia critica {N(m.CriticalThresholdPercent)}%, " +
                 $"obiettivo strategico = {N(m.OperationalObjectivesWeightPercent)}% obiettivi operativi + {N(m.StrategicIndicatorsWeightPercent)}% indicatori strategici. " +
                 $"I risultati sono stati registrati dagli uffici come eventi non modificabili: {audit.Count(a => a.What == "Risultato registrato")} registrazioni, " +
                 $"{audit.Count(a => a.What == "Risultato annullato")} annullamenti motivati.</p>");
        h.Append($"<p>Integrità della storia: registro a catena {(r.Ledger.Verified ? "<b>integro</b>" : "<b class=\"ko\">ALTERATO</b>")}; " +
                 $"proiezioni {(r.MatchesStored ? "coincidenti con la ricostruzione" : "diverse dalla ricostruzione")}. " +
                 $"Testa del registro per la verifica dell'OIV: <code>{E(r.Ledger.Head)}</code> (<code>perfplan ledger verify --digest</code>).</p>");
        return h.Append("</body></html>").ToString();
    }

    const string Css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;margin:2em;color:#222} h1{font-size:18pt;margin:.2em 0}
        .sub{font-size:11pt;color:#444} .draft{color:#a11;font-weight:bold;font-size:9pt} h2{font-size:13pt;margin-top:1.5em;border-bottom:1px solid #999}
        h3{font-size:10.5pt;margin:1em 0 .3em} table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}
        th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top} th{background:#eee} td.n{text-align:right;white-space:nowrap}
        .b{padding:1px 4px;border-radius:3px;white-space:nowrap} .achieved{background:#d6f0d9} .partial{background:#fff1c2} .not_achieved{background:#f6d0d0}
        .pending{background:#eee;color:#666} .neutralized{background:#d8e4f6} .ko{color:#a11} code{font-size:8.5pt}
        @page{size:A4;margin:15mm} @media print{body{margin:0} h2,h3{page-break-after:avoid} tr{page-break-inside:avoid}}
        """;
}
