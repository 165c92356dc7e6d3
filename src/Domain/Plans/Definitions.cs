namespace PerformancePlan.Domain.Plans;

/// <summary>
/// The one place where a node or an indicator of the tree becomes the event that defines it: a seed level gets its own
/// event (<see cref="StrategicAreaDefined"/>…, as plans have always been stored), any other level
/// <see cref="ObjectiveDefined"/> with its name. Used by the importer, amendments, their reversal and roll-forward.
/// </summary>
public static class Definitions
{
    /// <summary>The event that defines an objective of <paramref name="level"/> named <paramref
    /// name="levelName"/>.</summary>
    public static INodeDefined Node(Level level, string levelName, string code, string parent, string description,
        IReadOnlyList<Perspective> perspectives, decimal? budget, IReadOnlyList<string> offices,
        IReadOnlyList<string> holders, decimal? weight) => level switch
    {
        Level.StrategicArea => new StrategicAreaDefined(code, parent, description, perspectives, budget, offices,
            holders) { Weight = weight },
        Level.StrategicObjective => new StrategicObjectiveDefined(code, parent, description, perspectives, budget,
            offices, holders) { Weight = weight },
        Level.OperationalObjective => new OperationalObjectiveDefined(code, parent, description, perspectives, budget,
            offices, holders) { Weight = weight },
        _ => new ObjectiveDefined(code, levelName, parent, description, perspectives, budget, offices, holders)
        {
            Weight = weight,
        },
    };

    /// <summary>The event that defines <paramref name="n"/> again (roll-forward, reversal of a withdrawal).</summary>
    public static INodeDefined Of(PlanNode n) => Node(n.Level, n.LevelName, n.Code, n.Parent, n.Description,
        n.Perspectives, n.Budget, n.Offices, n.Holders, n.Weight);

    /// <summary>
    /// The event that defines <paramref name="i"/> again, with <paramref name="targets"/>; its intermediate targets
    /// (dated in its plan's year) only when <paramref name="keepInterim"/> (a reversal, not a roll-forward).
    /// </summary>
    public static IndicatorDefined Of(Indicator i, IReadOnlyList<YearTarget> targets, bool keepInterim = true) =>
        new(i.Code, i.Level, i.Parent, i.Description, i.Algorithm, i.Measure, i.Comparator, targets, i.Offices,
            i.Holders)
        {
            Lineage = i.Lineage, LevelName = NameIfNotSeed(i.Level, i.LevelName), Weight = i.Weight, Unit = i.Unit,
            InterimTargets = keepInterim && i.InterimTargets.Count > 0 ? i.InterimTargets : null,
            Calendar = i.Calendar,
        };

    /// <summary>The level's name when it is not the seed's name of the level (null keeps the stored JSON as it
    /// was).</summary>
    public static string? NameIfNotSeed(Level level, string name) => name == Labels.Of(level) ? null : name;
}
