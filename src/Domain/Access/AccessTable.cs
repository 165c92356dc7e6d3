namespace PerformancePlan.Domain.Access;

/// <summary>Who, beyond the rule's roles, may exercise a capability on a given resource.</summary>
public enum AccessScope
{
    /// <summary>Only the rule's roles.</summary>
    None,

    /// <summary>Also the holder whose scorecard it is, and the Segretario Generale (every scorecard).</summary>
    OwnScorecard,

    /// <summary>Also office staff, for indicators of their offices (or of every office, <c>TUTTI</c>).</summary>
    OwnOffices,
}

/// <summary>
/// One row of the access table: the capability, what it is in Italian (an infinitive that completes «non può …»),
/// whether anyone may exercise it (published data), else the roles that may, the wider scope on a resource, and why
/// it is reserved when the reason is not obvious.
/// </summary>
public sealed record AccessRule(Capability Capability, string Action, bool Public, IReadOnlyList<Role> Roles,
    AccessScope Scope = AccessScope.None, string? Why = null)
{
    /// <summary>Who may, in Italian, for documentation: «tutti», «OIV, amministratore o analista», «…, titolare
    /// (la propria scheda)».</summary>
    public string Who => Public ? "tutti, anche senza utente" : Roles.Count == Enum.GetValues<Role>().Length
        ? "ogni utente configurato" : AccessWords.Or(Roles.Select(Actor.RoleName).Concat(Scope switch
        {
            AccessScope.OwnScorecard => ["Segretario Generale (SG)", "titolare (la propria scheda)"],
            AccessScope.OwnOffices => ["personale d'ufficio (indicatori dei propri uffici)"],
            _ => Array.Empty<string>(),
        }));

    /// <summary>What a refusal says is needed: «serve il ruolo OIV o amministratore, oppure essere …».</summary>
    public string Need => Public ? "" : Roles.Count == Enum.GetValues<Role>().Length
        ? "serve un utente configurato, con qualsiasi ruolo"
        : $"serve il ruolo {AccessWords.Or(Roles.Select(Actor.RoleName))}" + Scope switch
        {
            AccessScope.OwnScorecard => ", oppure essere il Segretario Generale (SG) o il titolare della scheda",
            AccessScope.OwnOffices => ", oppure essere personale di un ufficio dell'indicatore",
            _ => "",
        };
}

/// <summary>
/// The one access table (issue #11): every capability and who may exercise it. <see cref="AccessPolicy"/> decides
/// from it; the API's authorization policies, the CLI's <c>--as</c>, the dashboard and the reports all ask it, and
/// README's «Chi vede che cosa» is checked against it.
/// </summary>
public static class AccessTable
{
    static readonly Role[] Everyone = Enum.GetValues<Role>();
    static readonly Role[] OivAdmin = [Role.Oiv, Role.Admin];
    static readonly Role[] Admin = [Role.Admin];
    const string Personal = "è un dato personale (Garante privacy, provv. n. 204 del 10/04/2025)";

    /// <summary>Every rule, one per capability, in the order of <see cref="Capability"/>.</summary>
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new(Capability.ReadPlan, "leggere il piano (albero, target, uffici)", true, Everyone),
        new(Capability.ReadScores, "leggere ed esportare i punteggi", true, Everyone),
        new(Capability.ReadPlanHistory, "leggere versioni, differenze e storia dei target", true, Everyone),
        new(Capability.ReadEntries, "leggere le registrazioni di un indicatore (chi, quando, note)", false, Everyone),
        new(Capability.ReadScorecard, "leggere la scheda individuale", false, OivAdmin, AccessScope.OwnScorecard,
            Personal),
        new(Capability.ReadAudit, "leggere o esportare la traccia di audit", false, [Role.Oiv, Role.Admin,
            Role.Analyst], Why: "nomina le persone e le loro note"),
        new(Capability.ReadOivReplay, "leggere il ricalcolo dell'OIV e le simulazioni", false, OivAdmin),
        new(Capability.ReadRelazione, "generare la Relazione pubblicabile (sezione individuale aggregata)", true,
            Everyone),
        new(Capability.ReadFullRelazione, "generare la Relazione integrale (punteggi individuali nominativi)", false,
            OivAdmin, Why: Personal),
        new(Capability.VerifyLedger, "verificare il registro", false, OivAdmin),
        new(Capability.SealLedger, "registrare digest e checkpoint del registro", false, OivAdmin),
        new(Capability.ImportPlan, "importare un piano", false, Admin),
        new(Capability.ApprovePlan, "approvare un piano", false, [Role.Approver]),
        new(Capability.AmendPlan, "modificare il piano (variazioni, target, annullamento di variazioni)", false,
            Admin),
        new(Capability.RollForwardPlan, "predisporre il piano dell'anno dopo", false, Admin),
        new(Capability.RecordResult, "registrare risultati", false, Admin, AccessScope.OwnOffices),
        new(Capability.RevertResult, "annullare o correggere risultati", false, Admin),
        new(Capability.ClosePlan, "chiudere l'anno del piano", false, Admin),
        new(Capability.ReopenPlan, "riaprire il piano", false, Admin),
        new(Capability.NeutralizeIndicator, "sterilizzare un indicatore", false, Admin),
        new(Capability.ValidatePlan, "validare il piano", false, [Role.Oiv]),
        new(Capability.ManageUsers, "gestire gli utenti", false, Admin),
        new(Capability.MergeEntities, "registrare la fusione di enti", false, Admin),
    ];

    /// <summary>The rule of <paramref name="capability"/>.</summary>
    public static AccessRule Of(Capability capability) => Rules[(int)capability];
}

/// <summary>Italian lists: «a», «a o b», «a, b o c».</summary>
public static class AccessWords
{
    /// <summary>The items joined by commas and a final «o».</summary>
    public static string Or(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} o {list[^1]}";
    }
}
