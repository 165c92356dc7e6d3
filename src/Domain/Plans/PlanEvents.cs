namespace PerformancePlan.Domain.Plans;

// Events of a plan's stream (stream id = plan id, e.g. "cciaa-ms-2019"). Past tense, unique names.

/// <summary>
/// An event of a plan's stream (stream id = plan id). Every event that <see cref="Plan.Evolve"/> folds carries it;
/// a marker only: it adds nothing to the stored JSON nor to the event's type name.
/// </summary>
public interface IPlanEvent;

/// <summary>A new plan was drafted for an entity's year, with its three-year horizon and its scoring rules.</summary>
public sealed record PlanDrafted(
    string PlanId, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon,
    decimal? EntityBudget, Methodology Methodology, string DraftedBy, Instant DraftedAt) : IPlanEvent
{
    /// <summary>The plan this one was rolled forward from, if any.</summary>
    public string? RolledForwardFrom { get; init; }
}

/// <summary>What every non-indicator node of the tree (area, strategic or operational objective) states.</summary>
public interface INodeDefined : IPlanEvent
{
    string Code { get; }
    string Parent { get; }
    string Description { get; }
    IReadOnlyList<Perspective> Perspectives { get; }
    decimal? Budget { get; }
    IReadOnlyList<string> Offices { get; }
    IReadOnlyList<string> Holders { get; }

    /// <summary>The node's weight in its parent (the plan's <i>Peso</i>; relative, any scale); null: 1.</summary>
    decimal? Weight { get; }
}

public sealed record StrategicAreaDefined(
    string Code, string Parent, string Description, IReadOnlyList<Perspective> Perspectives, decimal? Budget,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : INodeDefined
{
    /// <inheritdoc/>
    public decimal? Weight { get; init; }
}

public sealed record StrategicObjectiveDefined(
    string Code, string Parent, string Description, IReadOnlyList<Perspective> Perspectives, decimal? Budget,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : INodeDefined
{
    /// <inheritdoc/>
    public decimal? Weight { get; init; }
}

public sealed record OperationalObjectiveDefined(
    string Code, string Parent, string Description, IReadOnlyList<Perspective> Perspectives, decimal? Budget,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : INodeDefined
{
    /// <inheritdoc/>
    public decimal? Weight { get; init; }
}

/// <summary>
/// An objective of a level the seed does not have (<i>Missione</i>, <i>Programma</i>, <i>Obiettivo individuale</i>…):
/// <paramref name="Level"/> is the level's Italian name as the plan writes it; its place in the tree comes from
/// <paramref name="Parent"/> (the entity or another objective).
/// </summary>
public sealed record ObjectiveDefined(
    string Code, string Level, string Parent, string Description, IReadOnlyList<Perspective> Perspectives,
    decimal? Budget, IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : INodeDefined
{
    /// <inheritdoc/>
    public decimal? Weight { get; init; }
}

/// <summary>
/// A row of the plan's registry of holders or offices (<i>Livello</i> <c>Titolare</c> / <c>Ufficio</c>): the code the
/// plan uses in <i>Titolari</i> / <i>Uffici</i> and the name people read (<c>SG</c> → <c>Segretario Generale</c>).
/// </summary>
public sealed record RegistryEntryDefined(RegistryKind Kind, string Code, string Name) : IPlanEvent;

/// <summary>What a registry row names.</summary>
public enum RegistryKind { Holder, Office }

/// <summary>
/// An indicator with its typed measure and its targets for the years of the horizon.
/// <paramref name="Parent"/> is the strategic objective (strategic indicators) or the operational objective.
/// </summary>
public sealed record IndicatorDefined(
    string Code, Level Level, string Parent, string Description, string Algorithm,
    MeasureKind Measure, Comparator Comparator, IReadOnlyList<YearTarget> Targets,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders) : IPlanEvent
{
    /// <summary>The indicator's identity across plans; null means <c>{entity}:{code}</c> (a new indicator).</summary>
    public string? Lineage { get; init; }

    /// <summary>The level's name as the plan writes it when it is not the seed's name of <see cref="Level"/>.</summary>
    public string? LevelName { get; init; }

    /// <summary>The indicator's weight in its objective (the plan's <i>Peso</i>; relative); null: 1.</summary>
    public decimal? Weight { get; init; }

    /// <summary>The unit of its values (<c>mq</c>, <c>euro</c>, <c>giorni</c>), shown beside them; null when none.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>Intermediate targets (<c>Target al 30/06/2019</c>), each with its date; null when none.</summary>
    public IReadOnlyList<YearTarget>? InterimTargets { get; init; }

    /// <summary>
    /// The calendar of its per-period measure when the row names one (<c>giorni dalla chiusura del trimestre</c>);
    /// null: the plan's.
    /// </summary>
    public CalendarKind? Calendar { get; init; }
}

/// <summary>The weights the plan gives to a holder's individual objectives (sum 100).</summary>
public sealed record HolderWeightsAssigned(string Holder, IReadOnlyList<HolderWeight> Weights) : IPlanEvent;

/// <summary>A holder's weight on one indicator, in percent (0–100).</summary>
public sealed record HolderWeight(string Indicator, decimal Weight);

/// <summary>
/// Closes an import: which file, the fingerprint of its content (a second import of the same content is a no-op),
/// and the warnings the importer raised, so the audit trail keeps them.
/// </summary>
public sealed record PlanImported(
    string PlanId, string Source, string ContentHash, int Rows, IReadOnlyList<string> Warnings,
    string ImportedBy, Instant ImportedAt) : IPlanEvent;
