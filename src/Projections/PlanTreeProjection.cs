using JasperFx.Events;
using Marten.Events.Aggregation;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Projections;

/// <summary>
/// The plan as it stands now ("what does the plan say?"), kept inline with every write to the plan stream.
/// All the rules are the domain's: this only hands each event to <see cref="Plan.Evolve"/>.
/// </summary>
public sealed class PlanTreeProjection : SingleStreamProjection<Plan, string>
{
    /// <summary>Hands each plan event to the domain's <see cref="Plan.Evolve"/>.</summary>
    public override Plan? Evolve(Plan? snapshot, string id, IEvent e) =>
        e.Data is IPlanEvent planEvent ? Plan.Evolve(snapshot, planEvent) : snapshot;
}
