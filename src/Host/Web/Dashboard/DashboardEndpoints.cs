using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Components.Dashboard;
using PerformancePlan.Host.Components.Reports;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>
/// The dashboard, in Italian, rendered on the server as Razor components (no script, no external request): the plan
/// tree coloured by band, the drill-down to each indicator, the time-travel controls, and the reserved pages
/// (scorecards, audit, OIV report) behind <see cref="AccessPolicy"/>. Reads only what the public API reads.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Maps every page of the dashboard, none of them in the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", async (string? pagina, string? per, ClaimsPrincipal u, IQuerySession s,
                CancellationToken ct) => Page<PlanList>(PlanListModel.From(await PlanListQuery.PageAsync(s,
                Paging.Parse(pagina, per, "pagina", "per"), WebActor.Of(u), ct))))
            .RequireAuthorization(Policies.For(Capability.ReadPlan));
        pages.MapGet("/piani/{id}", PlanAsync).RequireAuthorization(Policies.For(Capability.ReadScores));
        pages.MapGet("/piani/{id}/indicatori/{code}", IndicatorAsync);
        pages.MapGet("/piani/{id}/schede/{holder}", ScorecardAsync);
        pages.MapGet("/piani/{id}/audit", AuditAsync);
        pages.MapGet("/piani/{id}/oiv", OivAsync);
        return app;
    }

    static async Task<IResult> PlanAsync(
        PlanId id, string? al, string? noto, ClaimsPrincipal u, IQuerySession s, CancellationToken ct)
    {
        var (asOf, knownAt) = (DashboardTime.AsOf(al), DashboardTime.KnownAt(noto));
        if (await PlanHistoryQueries.ScoresAsync(s, id, asOf, knownAt, ct) is not var (plan, scores))
            return Results.NotFound();
        var trend = await ScoreTrendQueries.EntityByPeriodAsync(s, id, plan.Year, asOf, knownAt, ct,
            plan.Methodology.CalendarInForce);
        // Links to the scorecards the reader may open only: who holds what is personal data.
        var holders = AccessPolicy.Redacted(plan, WebActor.Of(u)).HolderCodes;
        return Page<PlanPage>(PlanPageModel.From(plan, scores, trend, new TimeTravel($"/piani/{id}", al, noto))
            with { Holders = holders });
    }

    static async Task<IResult> IndicatorAsync(PlanId id, string code, string? al, string? noto, ClaimsPrincipal u,
        IQuerySession s, HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        // The drill-down names who recorded what: any signed-in user, nobody anonymous.
        if (Gate(u, Capability.ReadEntries, code) is { } refused) return refused;
        var (asOf, knownAt) = (DashboardTime.AsOf(al), DashboardTime.KnownAt(noto));
        var detail = await IndicatorQueries.DetailAsync(s, id, code, asOf, knownAt, ct);
        if (detail is null) return Results.NotFound();
        var plan = detail.Plan;
        var lineage = await PlanHistoryQueries.TargetHistoryAsync(
            s, EntityId.Parse(plan.Entity), code, plan.Year, plan.Year + 2, ct);
        var time = new TimeTravel($"/piani/{id}/indicatori/{code}", al, noto);
        // Holders of an indicator are personal data: shown only to who may read their scorecards.
        var visible = AccessPolicy.Redacted(plan, WebActor.Of(u));
        return Page<IndicatorPage>(IndicatorPageModel.From(
            detail with { Indicator = visible.IndicatorOf(code) ?? detail.Indicator }, lineage, time) with
        {
            Form = ResultFormEndpoints.FormFor(detail.Indicator, plan.Id, u, http, antiforgery),
        });
    }

    static async Task<IResult> ScorecardAsync(
        PlanId id, string holder, ClaimsPrincipal u, IQuerySession s, CancellationToken ct)
    {
        var code = holder.ToUpperInvariant();
        if (Gate(u, Capability.ReadScorecard, $"Scheda di {code}", AccessResource.OfHolder(code)) is { } refused)
            return refused;
        if (await ScoreQueries.LoadAsync(s, id, ct) is not var (plan, scores)) return Results.NotFound();
        return Page<ScorecardPage>(ScorecardPageModel.From(plan, PlanScoring.Scorecard(plan, scores, code)));
    }

    static async Task<IResult> AuditAsync(PlanId id, ClaimsPrincipal u, IQuerySession s, CancellationToken ct) =>
        Gate(u, Capability.ReadAudit, "Traccia di audit")
            ?? (await AuditQueries.TrailAsync(s, id, ct) is { } trail
                ? Page<AuditPage>(new AuditPageModel(id.Value, trail)) : Results.NotFound());

    static async Task<IResult> OivAsync(
        PlanId id, ClaimsPrincipal u, IDocumentStore store, IClock clock, CancellationToken ct)
    {
        if (Gate(u, Capability.ReadOivReplay, "Verifica OIV") is { } refused) return refused;
        return await new OivService(store, clock).ReplayAsync(id, null, null, ct, WebActor.Of(u)) is { } replay
            ? Page<OivReport>(OivReportModel.From(replay)) : Results.NotFound();
    }

    /// <summary>
    /// The access table's answer as a page: null when allowed, else a notice with its sentence — 401 (sign in) when
    /// nobody is signed in, 403 when the user may not.
    /// </summary>
    static IResult? Gate(ClaimsPrincipal u, Capability capability, string heading, AccessResource? resource = null) =>
        AccessPolicy.Decide(WebActor.Of(u), capability, resource) switch
        {
            { Allowed: true } => null,
            { Outcome: AccessOutcome.NeedsUser } d => Page<Notice>(new NoticeModel("Accesso richiesto", heading,
                d.Sentence, "Accedi"), StatusCodes.Status401Unauthorized),
            var d => Page<Notice>(new NoticeModel("Non consentito", heading, d.Sentence),
                StatusCodes.Status403Forbidden),
        };

    static IResult Page<TPage>(object model, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(new { Model = model }) { StatusCode = status };
}
