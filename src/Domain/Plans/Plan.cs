using System.Collections.Immutable;
using NodaTime;

namespace PerformancePlan.Domain.Plans;

public enum PlanStatus { Draft, Approved, Closed, Validated }

public sealed record Neutralization(string Indicator, string Act, string Reason);

/// <summary>A node of the plan tree that is not an indicator.</summary>
public sealed record PlanNode(
    string Code, Level Level, string Parent, string Description, IReadOnlyList<Perspective> Perspectives,
    decimal? Budget, IReadOnlyList<string> Offices, IReadOnlyList<string> Holders);

public sealed record Indicator(
    string Code, Level Level, string Parent, string Description, string Algorithm,
    MeasureKind Measure, Comparator Comparator, IReadOnlyList<YearTarget> Targets,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders)
{
    public YearTarget? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year);
}

/// <summary>
/// The state of a plan as its events tell it. Immutable; <see cref="Evolve"/> never throws and ignores
/// events it does not know, so old states stay readable when new events are added.
/// </summary>
public sealed record Plan(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, decimal? EntityBudget,
    Methodology Methodology, PlanStatus Status, ImmutableList<PlanNode> Nodes, ImmutableList<Indicator> Indicators,
    ImmutableList<HolderWeightsAssigned> Weights, string? ContentHash, string? Source, long Version)
{
    public static Plan? Evolve(Plan? state, object @event) => (state, @event) switch
    {
        (null, PlanDrafted e) => new Plan(e.PlanId, e.Entity, e.EntityName, e.Year, e.Horizon, e.EntityBudget,
            e.Methodology, PlanStatus.Draft, [], [], [], null, null, 1),
        (null, _) => null,
        (_, INodeDefined e) => state with
        {
            Nodes = state.Nodes.Add(new PlanNode(e.Code, LevelOf(e), e.Parent, e.Description, e.Perspectives,
                e.Budget, e.Offices, e.Holders)),
            Version = state.Version + 1,
        },
        (_, IndicatorDefined e) => state with
        {
            Indicators = state.Indicators.Add(new Indicator(e.Code, e.Level, e.Parent, e.Description, e.Algorithm,
                e.Measure, e.Comparator, e.Targets, e.Offices, e.Holders)),
            Version = state.Version + 1,
        },
        (_, HolderWeightsAssigned e) => state with
        {
            Weights = state.Weights.RemoveAll(w => w.Holder == e.Holder).Add(e),
            Version = state.Version + 1,
        },
        (_, PlanImported e) => state with { ContentHash = e.ContentHash, Source = e.Source, Version = state.Version + 1 },
        (_, PlanApproved e) => state with { Status = PlanStatus.Approved, ApprovalAct = e.Act, ApprovedOn = e.On, Version = state.Version + 1 },
        (_, PlanClosed e) => state with { Status = PlanStatus.Closed, ClosedOn = e.On, ClosedAt = e.ClosedAt, Version = state.Version + 1 },
        (_, IndicatorNeutralized e) => state with
        {
            Neutralized = state.Neutralized.Add(new Neutralization(e.Indicator, e.Act, e.Reason)),
            Version = state.Version + 1,
        },
        _ => state,
    };

    public string? ApprovalAct { get; init; }
    public LocalDate? ApprovedOn { get; init; }
    public LocalDate? ClosedOn { get; init; }
    /// <summary>When the close was recorded: entries recorded after it (a write racing the close) do not count.</summary>
    public Instant? ClosedAt { get; init; }
    public ImmutableList<Neutralization> Neutralized { get; init; } = [];

    public bool IsClosed => Status is PlanStatus.Closed or PlanStatus.Validated;
    public Neutralization? NeutralizationOf(string indicator) => Neutralized.FirstOrDefault(n => n.Indicator == indicator);

    public static Plan? Replay(IEnumerable<object> events) => events.Aggregate((Plan?)null, Evolve);

    public PlanNode? Node(string code) => Nodes.FirstOrDefault(n => n.Code == code);
    public Indicator? IndicatorOf(string code) => Indicators.FirstOrDefault(i => i.Code == code);
    public IEnumerable<PlanNode> Children(string code) => Nodes.Where(n => n.Parent == code);
    public IEnumerable<Indicator> IndicatorsOf(string code) => Indicators.Where(i => i.Parent == code);

    /// <summary>The holders named by any indicator, in a stable order (SG first, then PO2, PO3…).</summary>
    public IReadOnlyList<string> HolderCodes => Indicators.SelectMany(i => i.Holders).Distinct()
        .OrderBy(h => h == "SG" ? "" : h, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A holder's weight on an indicator: the plan's own weight where it gives one, equal weights otherwise.
    /// </summary>
    public decimal WeightOf(string holder, string indicator)
    {
        var given = Weights.FirstOrDefault(w => w.Holder == holder);
        if (given is not null) return given.Weights.FirstOrDefault(w => w.Indicator == indicator)?.Weight ?? 0;
        var count = Indicators.Count(i => i.Holders.Contains(holder));
        return count == 0 ? 0 : Math.Round(100m / count, 4);
    }

    static Level LevelOf(INodeDefined e) => e switch
    {
        StrategicAreaDefined => Level.StrategicArea,
        StrategicObjectiveDefined => Level.StrategicObjective,
        _ => Level.OperationalObjective,
    };
}
