namespace PerformancePlan.Domain.Access;

/// <summary>
/// Who may do what (BRIEF §4, issue #11): the one function every door asks — CLI verbs, API endpoints and their
/// authorization policies, dashboard pages, reports and exports, the deciders of every write. Pure: decided from the
/// <see cref="Actor"/> (or its absence), the <see cref="Capability"/> and the resource, by <see cref="AccessTable"/>.
/// </summary>
public static class AccessPolicy
{
    /// <summary>The holder code of the Segretario Generale, who sees every scorecard of the entity.</summary>
    public const string SecretaryGeneral = "SG";

    /// <summary>
    /// May <paramref name="actor"/> (null: nobody named — an anonymous reader, a CLI verb without <c>--as</c>)
    /// exercise <paramref name="capability"/> on <paramref name="resource"/>? Without a resource, a scoped capability
    /// is allowed to whoever may exercise it on some resource (a holder, their own scorecard; office staff, their
    /// offices' indicators): the resource is then checked where it is known.
    /// </summary>
    public static AccessDecision Decide(Actor? actor, Capability capability, AccessResource? resource = null)
    {
        var rule = AccessTable.Of(capability);
        if (rule.Public) return new(AccessOutcome.Allowed, "");
        var on = resource is null ? "" : " di " + resource.Name;
        var why = rule.Why is { } w ? $"{w}; " : "";
        if (actor is null)
            return new(AccessOutcome.NeedsUser, $"Per {rule.Action}{on} serve un utente: {why}{rule.Need}.");
        if (rule.Roles.Any(actor.Is) || InScope(actor, rule.Scope, resource)) return new(AccessOutcome.Allowed, "");
        return new(AccessOutcome.Refused,
            $"L'utente «{actor.User}» non può {rule.Action}{on}: {why}{rule.Need}.");
    }

    /// <summary>True when <see cref="Decide"/> allows it.</summary>
    public static bool Allows(Actor? actor, Capability capability, AccessResource? resource = null) =>
        Decide(actor, capability, resource).Allowed;

    /// <summary>
    /// For the deciders of writes: the actor may, or a <see cref="ForbiddenException"/> says who may.
    /// </summary>
    /// <exception cref="ForbiddenException">The table does not allow it.</exception>
    public static void Require(Actor actor, Capability capability, AccessResource? resource = null)
    {
        if (Decide(actor, capability, resource) is { Allowed: false } refused)
            throw new ForbiddenException(refused.Sentence);
    }

    static bool InScope(Actor actor, AccessScope scope, AccessResource? resource) => scope switch
    {
        AccessScope.OwnScorecard => actor.Holder is { } own && (resource?.Holder is not { } holder
            || Same(own, SecretaryGeneral) || Same(own, holder)),
        AccessScope.OwnOffices => actor.Is(Role.OfficeStaff) && (resource?.Offices is not { } offices
            || offices.Any(o => o == Actor.AllOffices || actor.Offices.Contains(o))),
        _ => false,
    };

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Individual scorecards are personal data: <see cref="Capability.ReadScorecard"/> of
    /// <paramref name="holder"/>.</summary>
    public static bool MayReadScorecard(Actor? actor, string holder) =>
        Allows(actor, Capability.ReadScorecard, AccessResource.OfHolder(holder));

    /// <summary>The audit trail names people and their notes: <see cref="Capability.ReadAudit"/>.</summary>
    public static bool MayReadAudit(Actor? actor) => Allows(actor, Capability.ReadAudit);

    /// <summary>The OIV's replay and report: <see cref="Capability.ReadOivReplay"/>.</summary>
    public static bool MayReadOivReplay(Actor? actor) => Allows(actor, Capability.ReadOivReplay);

    /// <summary>Loading a plan file: <see cref="Capability.ImportPlan"/>.</summary>
    public static bool MayImportPlan(Actor? actor) => Allows(actor, Capability.ImportPlan);

    /// <summary>
    /// The plan as <paramref name="actor"/> may read it: who holds which indicator, and with which weight, is part of a
    /// holder's personal data (with the public scores it recomputes the scorecard), so the assignments and weights of
    /// holders whose scorecard the actor may not read are left out; anonymous readers (null) see none.
    /// </summary>
    public static Plan Redacted(Plan plan, Actor? actor)
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
}
