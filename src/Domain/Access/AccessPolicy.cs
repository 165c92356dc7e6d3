namespace PerformancePlan.Domain.Access;

/// <summary>
/// Who may read what beyond the published plan and aggregate scores (BRIEF §4): the one rule every transport asks
/// (CLI verbs, API endpoints, dashboard pages, reports). Pure: decided from the <see cref="Actor"/> alone.
/// </summary>
public static class AccessPolicy
{
    /// <summary>The holder code of the Segretario Generale, who sees every scorecard of the entity.</summary>
    public const string SecretaryGeneral = "SG";

    /// <summary>
    /// Individual scorecards are personal data: the OIV, an admin, the SG and the holder themself only.
    /// <paramref name="holder"/> is the holder code, compared case-insensitively.
    /// </summary>
    public static bool MayReadScorecard(Actor actor, string holder) =>
        actor.Is(Role.Oiv) || actor.Is(Role.Admin)
        || string.Equals(actor.Holder, SecretaryGeneral, StringComparison.OrdinalIgnoreCase)
        || string.Equals(actor.Holder, holder, StringComparison.OrdinalIgnoreCase);

    /// <summary>The audit trail names people and their notes: OIV, admin and analysts.</summary>
    public static bool MayReadAudit(Actor actor) =>
        actor.Is(Role.Oiv) || actor.Is(Role.Admin) || actor.Is(Role.Analyst);

    /// <summary>The OIV's replay and report (with every entry and who made it): OIV and admin.</summary>
    public static bool MayReadOivReplay(Actor actor) => actor.Is(Role.Oiv) || actor.Is(Role.Admin);

    /// <summary>Loading a plan file writes the plan: admin (Controllo di gestione) only, as over HTTP.</summary>
    public static bool MayImportPlan(Actor actor) => actor.Is(Role.Admin);

    /// <summary>The Italian sentence a refused plan import shows.</summary>
    public static string ImportRefusal(Actor actor) =>
        $"L'utente «{actor.User}» non può importare un piano: serve il ruolo di amministratore "
            + "(Controllo di gestione).";

    /// <summary>
    /// The plan as <paramref name="actor"/> may read it: who holds which indicator, and with which weight, is part of a
    /// holder's personal data (with the public scores it recomputes the scorecard), so the assignments and weights of
    /// holders whose scorecard the actor may not read are left out; anonymous readers see none.
    /// </summary>
    public static Plan Redacted(Plan plan, Actor actor)
    {
        bool May(string holder) => MayReadScorecard(actor, holder);
        if (plan.HolderCodes.All(May)) return plan;
        return plan with
        {
            Nodes = [.. plan.Nodes.Select(n => n with { Holders = [.. n.Holders.Where(May)] })],
            Indicators = [.. plan.Indicators.Select(i => i with { Holders = [.. i.Holders.Where(May)] })],
            Weights = [.. plan.Weights.Where(w => May(w.Holder))],
        };
    }

    /// <summary>The Italian sentence a refused scorecard read shows, without transport words.</summary>
    public static string ScorecardRefusal(string holder) =>
        $"La scheda di {holder} è un dato personale: la vedono solo l'OIV, l'amministratore, il SG e il titolare.";
}
