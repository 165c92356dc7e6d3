using System.Security.Claims;
using FluentValidation;
using Marten;
using NodaTime;
using NodaTime.Text;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Application;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using PerformancePlan.Host.Web.Auth;

namespace PerformancePlan.Host.Web;

public sealed record ApproveRequest(string Act, string On);
public sealed record CloseRequest(string On);
public sealed record RecordResultRequest(string Indicator, string Value, string On, string? Period, string? Note);
public sealed record RevertRequest(string Reason);
public sealed record ValidateRequest(string Note);

public sealed class RecordResultRequestValidator : AbstractValidator<RecordResultRequest>
{
    public RecordResultRequestValidator()
    {
        RuleFor(r => r.Indicator).NotEmpty().WithMessage("indicare il codice dell'indicatore, es. O1.2.3-a");
        RuleFor(r => r.Value).NotEmpty().WithMessage("indicare il valore misurato, es. 55,5% o 12 o 29/03/2019");
        RuleFor(r => r.On).Must(on => ItalianFormat.TryParseDate(on, out _)).WithMessage("la data di riferimento è gg/mm/aaaa, es. 30/04/2019");
    }
}

/// <summary>One small group per resource; every rule stays in the domain and the services the CLI uses too.</summary>
public static class ApiEndpoints
{
    public const string Authenticated = "autenticato";
    public const string OivOrAdmin = "oiv-o-amministratore";
    public const string Auditors = "revisori";
    public const string PublicRead = "lettura-pubblica";

    static IClock Clock(HttpContext h) => h.RequestServices.GetRequiredService<IClock>();
    static PerformancePlan.Domain.Access.Actor Actor(ClaimsPrincipal u) => JwtSettings.ActorOf(u);
    static LocalDate Date(string text, string field) => ItalianFormat.TryParseDate(text, out var d) ? d
        : throw new InvalidInputException([new(PerformancePlan.Domain.Import.IssueSeverity.Error, "richiesta", 0, field, text, "non è una data esistente", "scrivere gg/mm/aaaa")]);
    public static LocalDate? IsoDate(string? text, string field = "asOf") => string.IsNullOrEmpty(text) ? null
        : LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value : throw Invalid(field, text, "data ISO aaaa-mm-gg, es. 2019-06-30");
    public static Instant? IsoInstant(string? text, string field = "knownAt") => string.IsNullOrEmpty(text) ? null
        : InstantPattern.ExtendedIso.Parse(text) is { Success: true } r ? r.Value : throw Invalid(field, text, "istante ISO 8601, es. 2019-06-30T18:00:00Z");
    public static InvalidInputException Invalid(string field, string value, string fix) =>
        new([new(PerformancePlan.Domain.Import.IssueSeverity.Error, "richiesta", 0, field, value, "valore non leggibile", fix)]);

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Piani");
        plans.MapGet("/", async (IQuerySession s, CancellationToken ct) => (await s.Query<Plan>().OrderBy(p => p.Id).ToListAsync(ct))
            .Select(p => new { p.Id, p.Entity, p.EntityName, p.Year, p.Horizon, Status = p.Status.ToString().ToLowerInvariant(), Version = p.CurrentVersion }))
            .RequireAuthorization(PublicRead);
        plans.MapGet("/{id}", async (string id, string? asOf, string? knownAt, IQuerySession s, CancellationToken ct) =>
            await PlanHistoryQueries.PlanAsync(s, id, IsoDate(asOf), IsoInstant(knownAt), ct) is { } plan
                ? Results.Ok(PlanTreeView.From(plan)) : NotFound(id)).RequireAuthorization(PublicRead);
        plans.MapGet("/{id}/versions", async (string id, IQuerySession s, CancellationToken ct) =>
            await s.LoadAsync<Plan>(id, ct) is { } plan ? Results.Ok(plan.Versions) : NotFound(id)).RequireAuthorization(PublicRead);
        plans.MapPost("/{id}/approve", async (string id, ApproveRequest r, ClaimsPrincipal u, IDocumentStore store, HttpContext h, CancellationToken ct) =>
            Results.Ok(await new PlanLifecycleService(store, Clock(h)).ApproveAsync(id, r.Act, Date(r.On, "on"), Actor(u), ct))).RequireAuthorization(Authenticated);
        plans.MapPost("/{id}/close", async (string id, CloseRequest r, ClaimsPrincipal u, IDocumentStore store, HttpContext h, CancellationToken ct) =>
            Results.Ok(await new PlanLifecycleService(store, Clock(h)).CloseAsync(id, Date(r.On, "on"), Actor(u), ct))).RequireAuthorization(Authenticated);

        var scores = app.MapGroup("/api/plans/{id}").WithTags("Misurazione");
        scores.MapGet("/scores", async (string id, string? asOf, string? knownAt, IQuerySession s, CancellationToken ct) =>
            await PlanHistoryQueries.ScoresAsync(s, id, IsoDate(asOf), IsoInstant(knownAt), ct) is { } loaded
                ? Results.Ok(ScoresView.From(loaded.Scores)) : NotFound(id)).RequireAuthorization(PublicRead);
        scores.MapGet("/scorecards/{holder}", async (string id, string holder, ClaimsPrincipal u, IQuerySession s, CancellationToken ct) =>
        {
            var code = holder.ToUpperInvariant();
            if (!AccessPolicy.MayReadScorecard(Actor(u), code)) throw new ForbiddenException(AccessPolicy.ScorecardRefusal(code));
            if (await ScoreQueries.LoadAsync(s, id, ct) is not { } loaded) return NotFound(id);
            return Results.Ok(ScorecardView.From(PlanScoring.Scorecard(loaded.Plan, loaded.Scores, code)));
        }).WithTags("Schede individuali").RequireAuthorization(Authenticated);

        var results = app.MapGroup("/api").WithTags("Risultati");
        // The entries name who recorded them and their notes: beyond what is published, so a token is needed.
        results.MapGet("/plans/{id}/indicators/{code}/results", async (string id, string code, IQuerySession s, HttpContext h, CancellationToken ct) =>
        {
            var doc = await s.LoadAsync<IndicatorResults>(IndicatorResults.StreamId(id, code), ct);
            h.Response.Headers.ETag = $"\"{doc?.Version ?? 0}\"";
            return Results.Ok(doc?.Entries ?? []);
        }).RequireAuthorization(Authenticated);
        results.MapPost("/plans/{id}/results", async (string id, RecordResultRequest r, ClaimsPrincipal u, IDocumentStore store, HttpContext h, CancellationToken ct) =>
        {
            var check = new RecordResultRequestValidator().Validate(r);
            if (!check.IsValid) return Results.ValidationProblem(check.ToDictionary(), title: "Dati non validi: nessun evento scritto");
            long? expected = h.Request.Headers.IfMatch.FirstOrDefault() is { } etag && long.TryParse(etag.Trim('"', 'W', '/'), out var v) ? v : null;
            var e = await new ResultService(store, Clock(h)).RecordAsync(id, r.Indicator, r.Value, r.On, r.Period, r.Note, Actor(u), expected, ct);
            return Results.Created($"/api/plans/{id}/indicators/{e.Indicator}/results", new
            {
                entryId = e.EntryId, plan = e.PlanId, indicator = e.Indicator, on = e.ReferredTo, period = e.Period,
                value = e.Value.Date is { } d ? (object)d : e.Value.Amount,
            });
        }).RequireAuthorization(Authenticated);
        results.MapPost("/results/{entryId:guid}/revert", async (Guid entryId, RevertRequest r, ClaimsPrincipal u, IDocumentStore store, HttpContext h, CancellationToken ct) =>
            Results.Ok(await new ResultService(store, Clock(h)).RevertAsync(entryId, r.Reason, Actor(u), ct))).RequireAuthorization(Authenticated);

        app.MapGet("/api/targets/{code}/history", async (string code, string? entity, int? from, int? to, IQuerySession s, CancellationToken ct) =>
            Results.Ok(await PlanHistoryQueries.TargetHistoryAsync(s, entity ?? "cciaa-ms", code, from, to, ct)))
            .WithTags("Target").RequireAuthorization(PublicRead);
        app.MapGet("/api/plans/{id}/audit", async (string id, IQuerySession s, CancellationToken ct) =>
            Results.Ok(AuditEntry.WithActs((await PlanHistoryQueries.EventsAsync(s, id, null, true, ct)).Select(AuditEntry.From))))
            .WithTags("Audit").RequireAuthorization(Auditors);

        var oiv = app.MapGroup("/api").WithTags("OIV e registro");
        oiv.MapGet("/plans/{id}/oiv/replay", async (string id, string? asOf, string? knownAt, IDocumentStore store, HttpContext h, CancellationToken ct) =>
            await new OivService(store, Clock(h)).ReplayAsync(id, IsoDate(asOf), IsoInstant(knownAt), ct) is { } r
                ? Results.Ok(new { plan = r.Plan.Id, events = r.Events, ledger = new { verified = r.Ledger.Verified, head = r.Ledger.Head, firstBad = r.Ledger.FirstBad },
                    matchesStored = r.MatchesStored, differences = r.Differences, scores = ScoresView.From(r.Scores) })
                : NotFound(id)).RequireAuthorization(OivOrAdmin);
        oiv.MapPost("/plans/{id}/oiv/validate", async (string id, ValidateRequest r, ClaimsPrincipal u, IDocumentStore store, HttpContext h, CancellationToken ct) =>
            Results.Ok(await new OivService(store, Clock(h)).ValidateAsync(id, r.Note, Actor(u), ct))).RequireAuthorization(OivOrAdmin);
        oiv.MapGet("/ledger/verify", async (string? plan, IDocumentStore store, HttpContext h, CancellationToken ct) =>
        {
            var report = await new LedgerService(store, Clock(h)).VerifyAsync(plan, null, ct);
            return Results.Ok(new { verified = report.Verified, events = report.Events, head = report.Head, firstBad = report.FirstBad });
        }).RequireAuthorization(OivOrAdmin);
        return app;
    }

    static IResult NotFound(string id) => Results.Problem(statusCode: 404, title: "Piano non trovato", detail: $"Nessun piano con identificativo «{id}».");
}
