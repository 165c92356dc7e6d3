using System.Globalization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Components.Dashboard;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// The embedded provider's own pages: the authorization endpoint (who is signed in at the provider, and the code for
/// the dashboard), the end of the provider's session, and the sign-in form with the local accounts — in Italian, with
/// antiforgery, one refusal message for every failure (wrong password, unknown user, disabled, locked) so that it
/// does not reveal whether a user exists.
/// </summary>
public static class ProviderEndpoints
{
    /// <summary>The refusal of a sign-in, whatever the reason.</summary>
    public const string Refusal = "Accesso non riuscito: nome utente o password non corretti. Dopo 5 tentativi "
        + "sbagliati l'accesso resta sospeso per 15 minuti.";

    /// <summary>Maps the provider's endpoints (none in the OpenAPI document).</summary>
    public static IEndpointRouteBuilder MapEmbeddedProvider(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync);
        pages.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)EndSessionAsync);
        pages.MapGet("/accesso/credenziali", CredentialsPageAsync);
        pages.MapPost("/accesso/credenziali", SignInAsync);
        return app;
    }

    static async Task<IResult> AuthorizeAsync(HttpContext http, IDocumentStore store, IClock clock)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("richiesta OpenID Connect assente");
        var session = await http.AuthenticateAsync(SignInSetup.ProviderSession);
        var account = session.Principal?.FindFirst("sub")?.Value is { } sub
            ? await new AccountService(store, clock).FindAsync(sub, http.RequestAborted) : null;
        if (account is null || account.Disabled || !SignInSetup.OfCurrentSessions(session.Principal!, account)
            || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            await http.SignOutAsync(SignInSetup.ProviderSession);
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. (await http.Request.ReadFormAsync()).Select(
                    p => KeyValuePair.Create(p.Key, p.Value))] : [.. http.Request.Query.Select(
                    p => KeyValuePair.Create(p.Key, p.Value))]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back },
                [SignInSetup.ProviderSession]);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name,
            Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id).SetClaim(Claims.Name, account.Id);
        if (account.DisplayName is { } display) identity.SetClaim(Claims.Nickname, display);
        foreach (var role in account.Roles) identity.AddClaim(new Claim(Claims.Role, JwtSettings.RoleClaim(role)));
        foreach (var office in account.Offices) identity.AddClaim(new Claim("office", office));
        if (account.Holder is { } holder) identity.SetClaim("holder", holder);
        foreach (var entity in account.Actor.Scope) identity.AddClaim(new Claim("entity", entity));
        identity.SetClaim(SignInSetup.SessionsClaim, account.Sessions.ToString(CultureInfo.InvariantCulture));
        identity.SetScopes(request.GetScopes());
        identity.SetAudiences(OidcSettings.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SignInSetup.ProviderSession);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    static async Task<IResult> CredentialsPageAsync(string? ReturnUrl, HttpContext http, IAntiforgery antiforgery,
        IDocumentStore store, IClock clock, SignInContext context) =>
        await FormAsync(http, antiforgery, store, clock, context, Local(ReturnUrl), null, StatusCodes.Status200OK);

    static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, IDocumentStore store,
        IClock clock, SignInContext context)
    {
        if (await Forms.RefusedAsync(http, antiforgery) is { } refused) return refused;
        var form = await http.Request.ReadFormAsync();
        var returnUrl = Local(form["ReturnUrl"]);
        var account = await new AccountService(store, clock).SignInAsync(form["utente"].ToString().Trim(),
            form["password"].ToString(), context.Local(http), http.RequestAborted);
        if (account is null)
            return await FormAsync(http, antiforgery, store, clock, context, returnUrl, Refusal,
                StatusCodes.Status401Unauthorized, form["utente"]);
        var identity = new ClaimsIdentity([new Claim("sub", account.Id), new Claim("name", account.Id),
            new Claim(SignInSetup.SessionsClaim, account.Sessions.ToString(CultureInfo.InvariantCulture))],
            SignInSetup.ProviderSession, "name", "role");
        await http.SignInAsync(SignInSetup.ProviderSession, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl ?? "/accesso");
    }

    static async Task<IResult> FormAsync(HttpContext http, IAntiforgery antiforgery, IDocumentStore store,
        IClock clock, SignInContext context, string? returnUrl, string? error, int status, string? user = null)
    {
        var demo = context.Local(http)
            ? (await new AccountService(store, clock).DemoAccountsAsync(http.RequestAborted))
                .Select(a => new DemoUser(a.Id, a.DisplayName ?? "")).ToList()
            : [];
        var model = new CredentialsModel(returnUrl, Forms.Token(http, antiforgery), error, user, demo,
            demo.Count > 0 ? AccountService.DemoPassword : null);
        return new RazorComponentResult<Credentials>(new { Model = model }) { StatusCode = status };
    }

    /// <summary>A return address on this host only (an open redirect otherwise).</summary>
    static string? Local(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not '/' and not '\\' ? url : null;
}
