using JasperFx.Events;
using Marten.Events.Aggregation;

namespace PerformancePlan.Projections;

/// <summary>
/// A document kept inline with every write to its stream, whose rules are all the domain's: each
/// <typeparamref name="TEvent"/> is handed to the domain's <c>Evolve</c>; any other event leaves the document as it
/// was.
/// </summary>
public abstract class DomainProjection<TDoc, TEvent>(Func<TDoc?, TEvent, TDoc?> evolve)
    : SingleStreamProjection<TDoc, string> where TDoc : class
{
    /// <summary>Hands the event to the domain's <c>Evolve</c> when it is a <typeparamref name="TEvent"/>.</summary>
    public sealed override TDoc? Evolve(TDoc? snapshot, string id, IEvent e) =>
        e.Data is TEvent data ? evolve(snapshot, data) : snapshot;
}
