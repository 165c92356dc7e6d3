using Microsoft.AspNetCore.WebUtilities;

namespace PerformancePlan.Host.Web;

/// <summary>
/// The problem details ASP.NET Core writes by itself (a route value that does not bind, no token, no route) carry
/// English reason phrases and no detail: these give them an Italian title and say what to do. Problems the
/// application writes (<see cref="ProblemMapping"/>, validation) keep their own words.
/// </summary>
public static class ItalianProblems
{
    /// <summary>Replaces a bare reason phrase with an Italian title and detail.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title != ReasonPhrases.GetReasonPhrase(status) || !string.IsNullOrEmpty(problem.Detail)) return;
        (problem.Title, problem.Detail) = status switch
        {
            400 => ("Richiesta non valida", "Un valore dell'indirizzo o del corpo non si legge: i piani si scrivono "
                + "ente-anno (es. cciaa-ms-2019), gli enti in minuscolo (es. cciaa-ms); il corpo è il JSON descritto "
                + "in /openapi/v1.json. Nessun evento scritto."),
            401 => ("Autenticazione richiesta",
                "Inviare un token valido nell'intestazione Authorization: Bearer … (per lo sviluppo: perfplan token)."),
            403 => ("Operazione non consentita", "Il ruolo del token non permette questa operazione."),
            404 => ("Risorsa non trovata", "L'indirizzo non corrisponde a nessuna risorsa: l'elenco è in /scalar."),
            405 => ("Metodo non consentito", "Questo indirizzo non accetta questo metodo: vedere /scalar."),
            415 => ("Formato non supportato", "Il corpo va inviato come application/json (o multipart per i file)."),
            _ => (problem.Title, problem.Detail),
        };
    }
}
