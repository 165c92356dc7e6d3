using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Components.Dashboard;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// The dashboard's session: <c>/accesso</c> starts the OpenID Connect sign-in (or shows who is signed in),
/// <c>/esci</c> (POST, antiforgery) ends it here and at the provider.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>Maps <c>/accesso</c> and <c>/esci</c>.</summary>
    public static IEndpointRouteBuilder MapSession(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/accesso", SessionAsync);
        pages.MapPost("/esci", SignOutAsync);
        return app;
    }

    static IResult SessionAsync(string? ritorno, string? errore, HttpContext http, IAntiforgery antiforgery)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var actor = JwtSettings.ActorOf(user);
            var description = string.Join("; ", new[]
            {
                actor.Roles.Count > 0 ? string.Join(", ", actor.Roles.Select(Actor.RoleName)) : "nessun ruolo",
                actor.Offices.Count > 0 ? "uffici " + string.Join(" ", actor.Offices) : null,
                actor.Holder is { } h ? "titolare " + h : null,
            }.OfType<string>());
            return Page(new LoginModel(actor.User, description, Forms.Token(http, antiforgery)));
        }
        if (errore is not null)
            return Page(new LoginModel(null, Error: "Accesso non riuscito presso il fornitore di identità: nessuna "
                + "sessione aperta. Riprovare, o rivolgersi all'amministratore."), StatusCodes.Status401Unauthorized);
        var back = ritorno is { Length: > 1 } && ritorno[0] == '/' && ritorno[1] is not '/' and not '\\'
            ? ritorno : "/accesso";
        return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [SignInSetup.Oidc]);
    }

    static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInContext context,
        IDocumentStore store, IClock clock)
    {
        if (await Forms.RefusedAsync(http, antiforgery) is { } refused) return refused;
        if (http.User.Identity?.IsAuthenticated != true) return Results.Redirect("/");
        // The cookie alone would live on in any copy of it: the account's sessions end on the server too.
        if (context.Settings.Embedded && http.User.FindFirst("sub")?.Value is { } name)
            await new AccountService(store, clock).EndSessionsAsync(name, http.RequestAborted);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [SignInSetup.Session, SignInSetup.Oidc]);
    }

    static IResult Page(LoginModel model, int status = StatusCodes.Status200OK) =>
        new RazorComponentResult<Login>(new { Model = model }) { StatusCode = status };
}
