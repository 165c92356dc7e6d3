using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PerformancePlan.Host.Components.Dashboard;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>Antiforgery for the dashboard's forms: the token a page embeds, and the check every POST makes.</summary>
public static class Forms
{
    /// <summary>The form field that carries the token.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The request token for a form of this page (its cookie half is set on the response).</summary>
    public static string Token(HttpContext http, IAntiforgery antiforgery) =>
        antiforgery.GetAndStoreTokens(http).RequestToken!;

    /// <summary>Null when the form carries a valid token (or the request a bearer token instead of the session
    /// cookie); else the Italian 400 page (nothing done).</summary>
    public static async Task<IResult?> RefusedAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // Credentials in the Authorization header are never sent by a browser on its own: nothing to forge.
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return new RazorComponentResult<Notice>(new
            {
                Model = new NoticeModel("Modulo non valido", "Modulo non valido", "Il modulo è scaduto o non viene "
                    + "da questa pagina: nessuna operazione eseguita. Ricaricare la pagina e riprovare.", "Riprova"),
            }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }
}
