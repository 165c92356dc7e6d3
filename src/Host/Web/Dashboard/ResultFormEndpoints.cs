using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Components.Dashboard;
using PerformancePlan.Host.Web.SignIn;

namespace PerformancePlan.Host.Web.Dashboard;

/// <summary>
/// The dashboard's one write: recording a result from the indicator's page, with the cookie session and an
/// antiforgery token. The same use case and the same rules as <c>POST /api/plans/{id}/results</c> and
/// <c>perfplan results record</c>: the domain decides whether the user may record for the indicator's offices.
/// </summary>
public static class ResultFormEndpoints
{
    /// <summary>Maps <c>POST /piani/{id}/indicatori/{code}/risultati</c>.</summary>
    public static IEndpointRouteBuilder MapResultForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/piani/{id}/indicatori/{code}/risultati", RecordAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The form of <paramref name="indicator"/>'s page, for a user who may record its results; else null.
    /// </summary>
    public static ResultFormModel? FormFor(Indicator indicator, string plan, ClaimsPrincipal user, HttpContext http,
        IAntiforgery antiforgery)
    {
        var resource = AccessResource.OfIndicator(indicator.Code, indicator.Offices);
        return AccessPolicy.Allows(WebActor.Of(user), Capability.RecordResult, resource)
            ? new ResultFormModel($"/piani/{plan}/indicatori/{indicator.Code}/risultati",
                Forms.Token(http, antiforgery))
            : null;
    }

    static async Task<IResult> RecordAsync(PlanId id, string code, HttpContext http, IAntiforgery antiforgery,
        IDocumentStore store, IClock clock)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return Notice("Accesso richiesto", "Per registrare un risultato occorre accedere.", 401);
        if (await Forms.RefusedAsync(http, antiforgery) is { } refused) return refused;
        var form = await http.Request.ReadFormAsync();
        string Field(string name) => form[name].ToString().Trim();
        try
        {
            var recorded = await new ResultService(store, clock).RecordAsync(id, code, Field("valore"), Field("data"),
                Field("periodo") is { Length: > 0 } p ? p : null, Field("nota"), JwtSettings.ActorOf(http.User), null,
                http.RequestAborted);
            return Results.Redirect($"/piani/{id}/indicatori/{recorded.Indicator}", false, false);
        }
        catch (InvalidInputException e)
        {
            return Notice("Dati non validi", "Nessun risultato registrato: "
                + string.Join(" ", e.Issues.Select(i => i.ToString())), 400);
        }
        catch (ForbiddenException e) { return Notice("Non consentito", e.Message, 403); }
        catch (NotFoundException e) { return Notice("Non trovato", e.Message, 404); }
        catch (DomainException e) { return Notice("Non registrato", e.Message, 422); }
    }

    static IResult Notice(string heading, string message, int status) =>
        new RazorComponentResult<Notice>(new { Model = new NoticeModel(heading, heading, message, "Accesso") })
        {
            StatusCode = status,
        };
}
