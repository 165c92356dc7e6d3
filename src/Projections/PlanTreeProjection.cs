using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Projections;

/// <summary>
/// The plan as it stands now ("what does the plan say?"), kept inline with every write to the plan stream.
/// All the rules are the domain's: this only hands each event to <see cref="Plan.Evolve"/>.
/// </summary>
public sealed class PlanTreeProjection() : DomainProjection<Plan, IPlanEvent>(Plan.Evolve);
