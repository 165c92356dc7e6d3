using PerformancePlan.Domain.Access;

namespace PerformancePlan.Domain.Plans;

/// <summary>Load a plan from a validated plan file.</summary>
public sealed record ImportPlan(PlanDefinition Definition, string Source, Actor By, Instant Now);

public static class PlanDecider
{
    /// <summary>
    /// A new plan becomes its definition events; the same content imported again decides nothing (a no-op);
    /// different content for an existing plan is refused, since a loaded plan changes only by amendment.
    /// </summary>
    public static IReadOnlyList<IPlanEvent> Decide(ImportPlan command, Plan? state)
    {
        AccessPolicy.Require(command.By, Capability.ImportPlan);
        var d = command.Definition;
        if (state is not null)
        {
            if (state.ContentHash == d.ContentHash) return [];
            throw new DomainException(
                $"Il piano {d.PlanId} esiste già con un contenuto diverso (importato da «{state.Source}»). " +
                "Un piano caricato non si reimporta: le modifiche si registrano come variazioni con il loro atto.");
        }

        var events = new List<IPlanEvent>
        {
            new PlanDrafted(d.PlanId, d.Entity, d.EntityName, d.Year, d.Horizon, d.EntityBudget, d.Methodology,
                command.By.User, command.Now),
        };
        events.AddRange(d.Definitions);
        events.AddRange(d.Weights);
        events.Add(new PlanImported(d.PlanId, command.Source, d.ContentHash, d.Rows, d.Warnings, command.By.User,
            command.Now));
        return events;
    }
}
