using PerformancePlan.Host.Application.Views;
using System.Net;
using System.Text;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;

namespace PerformancePlan.Host.Components;

/// <summary>The OIV's replay as a printable Italian HTML page, readable without knowing what an event is.</summary>
public static class OivReportHtml
{
    public static string Render(OivReplay r)
    {
        var p = r.Plan;
        var h = new StringBuilder();
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        string N(decimal? d) => ScoreText.Of(d);
        string Band(Score s) => $"<span class=\"b {BandNames.Code(s.Band)}\">{E(BandNames.Italian(s.Band))}</span>";
        var version = p.Versions.Count > 0 ? $", versione {p.CurrentVersion} ({E(p.Versions[^1].Act)})" : "";
        var when = (r.AsOf is { } a ? $", situazione al {ItalianFormat.Date(a)}" : "") + (r.KnownAt is { } k ? $", con quanto registrato fino a {k}" : "");
        var m = p.Methodology;
        var ledger = r.Ledger.Verified ? "<span class=\"ok\">integro</span>"
            : $"<span class=\"ko\">ALTERATO</span>: {E(r.Ledger.FirstBad!.Stream)} versione {r.Ledger.FirstBad.Version} — {E(r.Ledger.FirstBad.Reason)}";
        var stored = r.MatchesStored ? "<span class=\"ok\">coincidono con la ricostruzione</span>" : "<span class=\"ko\">differiscono</span>: " + E(string.Join("; ", r.Differences));
        var entity = r.Scores.Entity.Score;
        h.Append($$"""
            <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Verifica OIV — {{E(p.Id)}}</title>
            <style>{{Css}}</style></head><body>
            <h1>Verifica dell'Organismo Indipendente di Valutazione</h1>
            <p>{{E(p.EntityName)}} — <b>Piano della Performance {{p.Year}}</b> ({{E(p.Id)}}), triennio {{p.Horizon[0]}}–{{p.Horizon[^1]}},
            stato: {{E(StatusNames.Of(p.Status))}}{{version}}.</p>
            <p class="small">Ricostruzione dai soli eventi{{when}}. Metodologia del piano: tolleranza {{N(m.TolerancePercent)}}%, soglia critica
            {{N(m.CriticalThresholdPercent)}}%, obiettivo strategico = {{N(m.OperationalObjectivesWeightPercent)}}% obiettivi operativi +
            {{N(m.StrategicIndicatorsWeightPercent)}}% indicatori strategici.</p>
            <h2>1. Integrità della storia</h2>
            <table><tr><th>Eventi letti</th><td class="n">{{r.Events}}</td></tr>
            <tr><th>Registro a catena</th><td>{{ledger}}</td></tr>
            <tr><th>Testa del registro (da conservare)</th><td><code>{{E(r.Ledger.Head)}}</code></td></tr>
            <tr><th>Proiezioni memorizzate</th><td>{{stored}}</td></tr></table>
            <h2>2. Performance organizzativa</h2>
            <table><tr><th>Livello</th><th>Codice</th><th>Descrizione</th><th>% realizz.</th><th>% parametrata</th><th>Esito</th><th>Calcolato da</th></tr>
            <tr><td>Ente</td><td></td><td>{{E(p.EntityName)}}</td><td class="n">{{N(entity.Raw)}}</td><td class="n">{{N(entity.Parametrata)}}</td><td>{{Band(entity)}}</td><td>media delle aree misurate</td></tr>
            """);
        foreach (var o in r.Objectives)
            h.Append($"<tr><td>{E(Labels.Of(o.Level))}</td><td>{E(o.Code)}</td><td>{E(o.Description)}</td><td class=\"n\">{N(o.Score.Raw)}</td>" +
                     $"<td class=\"n\">{N(o.Score.Parametrata)}</td><td>{Band(o.Score)}</td><td class=\"small\">{E(string.Join(", ", o.From))}</td></tr>");
        h.Append("</table><h2>3. Indicatori: derivazione di ogni punteggio</h2><table><tr><th>Indicatore</th><th>Target e atto</th><th>Risultato usato</th><th>Annullati</th><th>% realizz.</th><th>% parametrata</th><th>Esito</th></tr>");
        foreach (var i in r.Indicators)
        {
            var indicator = p.IndicatorOf(i.Code)!;
            var target = TargetText.Of(i.Target, indicator) + (i.TargetSetBy is { } t ? $"<br><span class=\"small\">{E(t.Act ?? "bozza")}, v{t.Version}{(t.EffectiveOn is { } on ? $", dal {ItalianFormat.Date(on)}" : "")}</span>" : "");
            var used = string.Join("<br>", i.Used.Select(u => $"{E(ResultText.Of(u.Value, indicator))}{(u.Period is { } per ? $" ({E(per)})" : "")} al {ItalianFormat.Date(u.ReferredTo)}<br><span class=\"small\">{E(u.RecordedBy)}, {Local(u.RecordedAt)}</span>"));
            var reverted = string.Join("<br>", i.Reverted.Select(u => $"{E(ResultText.Of(u.Value, indicator))} al {ItalianFormat.Date(u.ReferredTo)}<br><span class=\"small\">annullato da {E(u.Reversal!.By)} il {Local(u.Reversal.At)}: {E(u.Reversal.Reason)}</span>"));
            h.Append($"<tr><td><b>{E(i.Code)}</b><br><span class=\"small\">{E(i.Description)}</span></td><td>{target}</td><td>{(used.Length > 0 ? used : "—")}</td>" +
                     $"<td>{reverted}</td><td class=\"n\">{N(i.Score.Raw)}</td><td class=\"n\">{N(i.Score.Parametrata)}</td><td>{Band(i.Score)}</td></tr>");
        }
        h.Append("</table><p class=\"small\">Documento generato da PerformancePlan a partire dagli eventi; la testa del registro permette di verificare che la storia non sia stata riscritta (<code>perfplan ledger verify --digest</code>).</p></body></html>");
        return h.ToString();
    }

    const string Css = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;margin:2em;color:#222}
            h1{font-size:16pt;margin-bottom:.2em} h2{font-size:12.5pt;margin-top:1.6em;border-bottom:1px solid #999}
            table{border-collapse:collapse;width:100%;margin:.5em 0} th,td{border:1px solid #bbb;padding:3px 5px;vertical-align:top;text-align:left}
            th{background:#eee} td.n{text-align:right;white-space:nowrap} .ok{color:#176f2c;font-weight:bold} .ko{color:#a11;font-weight:bold}
            .b{padding:1px 4px;border-radius:3px;white-space:nowrap} .achieved{background:#d6f0d9} .partial{background:#fff1c2}
            .not_achieved{background:#f6d0d0} .pending{background:#eee;color:#666} .neutralized{background:#d8e4f6}
            .small{font-size:9pt;color:#555} @media print{body{margin:0} h2{page-break-after:avoid} tr{page-break-inside:avoid}}
        """;

    static string Local(NodaTime.Instant at) => ItalianFormat.LocalTime(at);

}
