using System.Net;
using System.Text;
using Marten;
using NodaTime;
using NodaTime.Text;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Components;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>
/// The dashboard, in Italian, rendered on the server (HTML and SVG, no external network): the plan tree coloured by
/// band, drill-down to each indicator, charts, and the time-travel controls. Reads only what the public API reads.
/// </summary>
public static class DashboardPages
{
    static readonly DateTimeZone Rome = ItalianFormat.Rome;
    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public const string TokenCookie = "perfplan_token";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accesso", (System.Security.Claims.ClaimsPrincipal u) => Page("Accesso",
            $"<h1>Accesso</h1><p>{(u.Identity?.IsAuthenticated == true ? $"Utente: <b>{E(u.Identity.Name)}</b>." : "Non autenticato: si vedono solo i dati pubblicati.")}</p>" +
            "<form method=\"post\" action=\"/accesso\"><p>Token (da <code>perfplan token --user … --role …</code>):</p>" +
            "<textarea name=\"token\" rows=\"4\" cols=\"90\" data-testid=\"token\"></textarea><br><button type=\"submit\" data-testid=\"login\">Entra</button></form>"))
            .ExcludeFromDescription();
        app.MapPost("/accesso", async (HttpContext h, Auth.JwtSettings jwt) =>
        {
            var token = (await h.Request.ReadFormAsync())["token"].ToString().Trim();
            if (!await jwt.IsValidAsync(token))
                return Page("Accesso", "<h1>Accesso</h1><p>Token non valido o scaduto: nessun accesso. <a href=\"/accesso\">Riprova</a>.</p>", 401);
            h.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = h.Request.IsHttps });
            return Results.Redirect("/accesso");
        }).DisableAntiforgery().ExcludeFromDescription();   // a pasted bearer token, validated: nothing for a forged form to gain

        app.MapGet("/piani/{id}/schede/{holder}", async (string id, string holder, System.Security.Claims.ClaimsPrincipal u, IQuerySession s, CancellationToken ct) =>
        {
            var code = holder.ToUpperInvariant();
            if (!PerformancePlan.Domain.Access.AccessPolicy.MayReadScorecard(Auth.JwtSettings.ActorOf(u), code))
                return Page("Non consentito", $"<h1>Scheda di {E(code)}</h1><p>Dato personale: la vedono solo l'OIV, l'amministratore, il SG e il titolare. <a href=\"/accesso\">Accedi</a>.</p>", 403);
            if (await ScoreQueries.LoadAsync(s, id, ct) is not { } loaded) return Results.NotFound();
            var card = PlanScoring.Scorecard(loaded.Plan, loaded.Scores, code);
            var b = new StringBuilder($"<p><a href=\"/piani/{E(id)}\">← piano {E(id)}</a></p><h1>Scheda obiettivi individuali {E(code)}</h1>");
            b.Append($"<p class=\"big\">Punteggio: <span data-testid=\"scorecard-score\">{(card.Score is { } sc ? ScoreText.Of(sc) : "non rilevato")}</span></p>");
            b.Append(Svg.Bars(card.Items.Select(i => (i.Indicator, i.Score.Parametrata, BandNames.Code(i.Score.Band))).ToList(), "Parametrata per indicatore"));
            b.Append("<table><tr><th>Indicatore</th><th>Descrizione</th><th>Peso</th><th>% parametrata</th><th>Esito</th></tr>");
            foreach (var i in card.Items)
                b.Append($"<tr><td>{E(i.Indicator)}</td><td>{E(loaded.Plan.IndicatorOf(i.Indicator)!.Description)}</td><td class=\"n\">{ItalianFormat.Percent(Math.Round(i.Weight, 2))}</td>" +
                         $"<td class=\"n\">{ScoreText.Of(i.Score.Parametrata)}</td><td>{Badge(i.Score)}</td></tr>");
            return Page($"Scheda {code}", b.Append("</table>").ToString());
        }).ExcludeFromDescription();

        app.MapGet("/piani/{id}/audit", async (string id, System.Security.Claims.ClaimsPrincipal u, IQuerySession s, CancellationToken ct) =>
        {
            if (!PerformancePlan.Domain.Access.AccessPolicy.MayReadAudit(Auth.JwtSettings.ActorOf(u)))
                return Page("Non consentito", "<h1>Traccia di audit</h1><p>Riservata ad amministratori, OIV e analisti. <a href=\"/accesso\">Accedi</a>.</p>", 403);
            var entries = AuditEntry.WithActs((await PlanHistoryQueries.EventsAsync(s, id, null, true, ct)).Select(AuditEntry.From)).ToList();
            var b = new StringBuilder($"<p><a href=\"/piani/{E(id)}\">← piano {E(id)}</a></p><h1>Traccia di audit</h1><table><tr><th>Quando</th><th>Chi</th><th>Cosa</th><th>Oggetto</th><th>Dettaglio</th><th>Atto</th><th>Motivo</th><th>Rif.</th></tr>");
            foreach (var e in entries)
                b.Append($"<tr><td>{E(e.LocalTime)}</td><td>{E(e.Who)}</td><td>{E(e.What)}</td><td>{E(e.Subject)}</td><td>{E(e.Detail)}</td><td>{E(e.Act)}</td><td>{E(e.Reason)}</td><td>{E(e.Refs)}</td></tr>");
            return Page("Audit", b.Append("</table>").ToString());
        }).ExcludeFromDescription();

        app.MapGet("/piani/{id}/oiv", async (string id, System.Security.Claims.ClaimsPrincipal u, IDocumentStore store, IClock clock, CancellationToken ct) =>
        {
            if (!PerformancePlan.Domain.Access.AccessPolicy.MayReadOivReplay(Auth.JwtSettings.ActorOf(u)))
                return Page("Non consentito", "<h1>Verifica OIV</h1><p>Riservata all'OIV e agli amministratori. <a href=\"/accesso\">Accedi</a>.</p>", 403);
            return await new OivService(store, clock).ReplayAsync(id, null, null, ct) is { } r
                ? Results.Content(OivReportHtml.Render(r), "text/html; charset=utf-8") : Results.NotFound();
        }).ExcludeFromDescription();

        app.MapGet("/", async (IQuerySession s, CancellationToken ct) =>
        {
            var plans = await s.Query<Plan>().OrderBy(p => p.Id).ToListAsync(ct);
            var body = new StringBuilder("<h1>Piani della Performance</h1><ul>");
            foreach (var p in plans)
                body.Append($"<li><a href=\"/piani/{E(p.Id)}\">{E(p.EntityName)} — Piano {p.Year}</a> ({E(StatusNames.Of(p.Status))}, versione {p.CurrentVersion})</li>");
            return Page("Piani della Performance", body.Append("</ul>").ToString());
        }).RequireAuthorization(Policies.PublicRead).ExcludeFromDescription();

        app.MapGet("/piani/{id}", async (string id, string? al, string? noto, IQuerySession s, CancellationToken ct) =>
        {
            var (asOf, knownAt) = (Date(al), Moment(noto));
            if (await PlanHistoryQueries.ScoresAsync(s, id, asOf, knownAt, ct) is not { } loaded) return Results.NotFound();
            var (plan, scores) = loaded;
            var nodes = scores.Objectives.Concat(scores.Areas).ToDictionary(n => n.Code, n => n.Score);
            var b = new StringBuilder();
            b.Append($"<h1>{E(plan.EntityName)} — Piano della Performance {plan.Year}</h1>");
            b.Append($"<p>Stato: {E(StatusNames.Of(plan.Status))}, versione {plan.CurrentVersion}" +
                     (plan.Versions.Count > 0 ? $" ({E(plan.Versions[^1].Act)})" : "") + "</p>");
            b.Append(TimeForm($"/piani/{id}", al, noto));
            b.Append($"<p class=\"big\">Ente: <span data-testid=\"entity-score\">{ScoreText.Of(scores.Entity.Score.Parametrata)}</span> {Badge(scores.Entity.Score)}</p>");
            b.Append("<p>Schede individuali (riservate): " + string.Join(" · ", plan.HolderCodes.Select(hc => $"<a href=\"/piani/{E(id)}/schede/{E(hc)}\">{E(hc)}</a>")) +
                     $" — <a href=\"/piani/{E(id)}/audit\">traccia di audit</a> · <a href=\"/piani/{E(id)}/oiv\">verifica OIV</a></p>");
            b.Append("<div class=\"charts\"><div><h2>Punteggio per obiettivo strategico</h2>");
            b.Append(Svg.Bars(scores.Objectives.Where(o => o.Level == Level.StrategicObjective)
                .Select(o => (o.Code, o.Score.Parametrata, BandNames.Code(o.Score.Band))).ToList(), "Parametrata per obiettivo strategico"));
            b.Append("</div><div><h2>Ente nel corso dell'anno</h2>");
            var year = new List<(string, decimal)>();
            foreach (var (label, date) in PerformancePlan.Domain.Calendar.MonitoringCalendar.Periods(plan.Year))
                if (await PlanHistoryQueries.ScoresAsync(s, id, date, knownAt, ct) is { } q && q.Scores.Entity.Score.Parametrata is { } v) year.Add((label, v));
            b.Append(Svg.Steps(year, "Punteggio dell'ente per quadrimestre")).Append("</div></div>");
            b.Append("<h2>Albero del piano</h2><table><tr><th>Codice</th><th>Descrizione</th><th>Target</th><th>Risultato</th><th>% parametrata</th><th>Esito</th></tr>");
            void Node(PlanNode n, int depth)
            {
                var sc = nodes[n.Code];
                b.Append($"<tr class=\"node\"><td style=\"padding-left:{depth * 14 + 4}px\"><b>{E(n.Code)}</b></td><td>{E(n.Description)}</td><td></td><td></td><td class=\"n\">{ScoreText.Of(sc.Parametrata)}</td><td>{Badge(sc)}</td></tr>");
                foreach (var i in plan.IndicatorsOf(n.Code))
                {
                    var si = scores.Indicators.Single(x => x.Code == i.Code);
                    b.Append($"<tr><td style=\"padding-left:{depth * 14 + 18}px\"><a data-testid=\"indicator-{E(i.Code)}\" href=\"/piani/{E(id)}/indicatori/{E(i.Code)}{Query(al, noto)}\">{E(i.Code)}</a></td>" +
                             $"<td>{E(i.Description)}</td><td>{E(TargetText.Of(si.Target, i))}</td><td>{E(string.Join(", ", si.Used.Select(u => ResultText.Of(u.Value, i))))}</td>" +
                             $"<td class=\"n\">{ScoreText.Of(si.Score.Parametrata)}</td><td>{Badge(si.Score)}</td></tr>");
                }
                foreach (var c in plan.Children(n.Code)) Node(c, depth + 1);
            }
            foreach (var a in plan.Children(Codes.EntityCode)) Node(a, 0);
            return Page($"Piano {plan.Year}", b.Append("</table>").ToString());
        }).RequireAuthorization(Policies.PublicRead).ExcludeFromDescription();

        app.MapGet("/piani/{id}/indicatori/{code}", async (string id, string code, string? al, string? noto, System.Security.Claims.ClaimsPrincipal viewer, IDocumentStore store, IQuerySession s, IClock clock, CancellationToken ct) =>
        {
            if (viewer.Identity?.IsAuthenticated != true)
                return Page("Accesso richiesto", $"<h1>{E(code)}</h1><p>Il dettaglio (chi ha registrato, note, annullamenti) è riservato agli utenti. <a href=\"/accesso\">Accedi</a>.</p>", 401);
            if (await new OivService(store, clock).ReplayAsync(id, Date(al), Moment(noto), ct) is not { } r) return Results.NotFound();
            var d = r.Indicators.FirstOrDefault(x => x.Code == code);
            if (d is null) return Results.NotFound();
            var i = r.Plan.IndicatorOf(code)!;
            var b = new StringBuilder($"<p><a href=\"/piani/{E(id)}{Query(al, noto)}\">← piano {E(id)}</a></p><h1>{E(code)}</h1><p>{E(i.Description)}</p>");
            b.Append(TimeForm($"/piani/{id}/indicatori/{code}", al, noto));
            b.Append($"<table><tr><th>Target {r.Plan.Year}</th><td data-testid=\"target\">{E(TargetText.Of(d.Target, i))}" +
                     (d.TargetSetBy is { } t ? $" <span class=\"small\">({E(t.Act ?? "bozza")}, versione {t.Version})</span>" : "") + "</td></tr>");
            b.Append($"<tr><th>Misura</th><td>{E(MeasureLabels.Of(i.Measure))}, uffici {E(string.Join(' ', i.Offices))}, titolari {E(string.Join(' ', i.Holders))}</td></tr>");
            b.Append($"<tr><th>Realizzazione</th><td data-testid=\"realization\">{ScoreText.Of(d.Score.Raw)}</td></tr><tr><th>% parametrata</th><td>{ScoreText.Of(d.Score.Parametrata)} {Badge(d.Score)}</td></tr></table>");
            b.Append("<h2>Risultati usati</h2><table><tr><th>Valore</th><th>Riferito al</th><th>Periodo</th><th>Chi</th><th>Quando</th><th>Nota</th></tr>");
            foreach (var u in d.Used)
                b.Append($"<tr><td>{E(ResultText.Of(u.Value, i))}</td><td>{ItalianFormat.Date(u.ReferredTo)}</td><td>{E(u.Period)}</td><td>{E(u.RecordedBy)}</td><td>{u.RecordedAt.InZone(Rome):dd/MM/yyyy HH:mm}</td><td>{E(u.Note)}</td></tr>");
            b.Append("</table>");
            if (d.Reverted.Count > 0)
            {
                b.Append("<h2>Risultati annullati</h2><table><tr><th>Valore</th><th>Riferito al</th><th>Annullato da</th><th>Motivo</th></tr>");
                foreach (var u in d.Reverted)
                    b.Append($"<tr><td>{E(ResultText.Of(u.Value, i))}</td><td>{ItalianFormat.Date(u.ReferredTo)}</td><td>{E(u.Reversal!.By)}</td><td>{E(u.Reversal.Reason)}</td></tr>");
                b.Append("</table>");
            }
            if (d.Target?.Amount is { } target && d.Used.Any(u => u.Value.Amount is not null))
                b.Append("<h2>Target e risultati</h2>").Append(Svg.Steps(d.Used.OrderBy(u => u.ReferredTo)
                    .Select(u => (u.Period ?? ItalianFormat.Date(u.ReferredTo)[..5], u.Value.Amount ?? 0)).ToList(), "Risultati rispetto al target", target));
            var lineage = await PlanHistoryQueries.TargetHistoryAsync(s, r.Plan.Entity, code, r.Plan.Year, r.Plan.Year + 2, ct);
            var steps = lineage.Where(c => c.Value?.Amount is not null).Select(c => ($"{c.TargetYear}·{(c.Plan.Length >= 4 ? c.Plan[^4..] : c.Plan)}v{c.Version}", c.Value!.Amount!.Value)).ToList();
            if (steps.Count > 0) b.Append("<h2>Storia dei target</h2>").Append(Svg.Steps(steps, "Storia dei target tra i piani"));
            return Page(code, b.ToString());
        }).ExcludeFromDescription();
        return app;
    }

    static string TimeForm(string action, string? al, string? noto) =>
        $"<form method=\"get\" action=\"{E(action)}\" class=\"time\">Situazione al <input type=\"date\" name=\"al\" value=\"{E(al)}\" data-testid=\"as-of\"> " +
        $"come nota il <input type=\"datetime-local\" name=\"noto\" value=\"{E(noto)}\" data-testid=\"known-at\"> " +
        "<button type=\"submit\" data-testid=\"apply\">Applica</button> <a href=\"" + E(action) + "\">oggi</a></form>";

    static string Query(string? al, string? noto) =>
        (al, noto) switch { (null, null) => "", _ => "?" + string.Join('&', new[] { al is null ? null : $"al={al}", noto is null ? null : $"noto={noto}" }.OfType<string>()) };

    static LocalDate? Date(string? text) => RequestParsing.IsoDate(text, "al");

    static Instant? Moment(string? text) => string.IsNullOrEmpty(text) ? null
        : LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(text) is { Success: true } r ? r.Value.InZoneLeniently(Rome).ToInstant()
        : throw RequestParsing.Invalid("noto", text, "data e ora aaaa-mm-ggThh:mm");


    static string Badge(Score s) => $"<span class=\"b\" style=\"background:{Svg.BandColor(BandNames.Code(s.Band))}\" data-band=\"{BandNames.Code(s.Band)}\">{E(BandNames.Italian(s.Band))}</span>";

    static IResult Page(string title, string body, int status = 200) => Results.Content($$"""
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>{{E(title)}} — PerformancePlan</title><style>{{Css}}</style></head>
        <body><header><a href="/">PerformancePlan</a> · <a href="/scalar">API</a> · <a href="/accesso">Accesso</a></header><main>{{body}}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);

    const string Css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;margin:0;color:#222} header{background:#2f5f9e;padding:.5em 1em}
        header a{color:#fff;text-decoration:none;font-weight:bold} main{padding:1em 1.5em} h1{font-size:15pt} h2{font-size:12pt;margin-top:1.2em}
        table{border-collapse:collapse;width:100%} th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top} th{background:#eee}
        td.n{text-align:right} td:first-child{white-space:nowrap} tr.node td{background:#f6f6f6} .b{color:#fff;padding:1px 5px;border-radius:3px;white-space:nowrap;font-size:9.5pt}
        .big{font-size:13pt} .small{font-size:9pt;color:#555} .charts{display:flex;gap:2em;flex-wrap:wrap} form.time{background:#f3f6fb;padding:.5em;border:1px solid #cdd}
        """;
}
