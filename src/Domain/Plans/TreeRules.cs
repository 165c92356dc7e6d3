namespace PerformancePlan.Domain.Plans;

/// <summary>
/// How the tree hangs together: each level's parent level, and child codes that extend their parent's.
/// </summary>
public static class TreeRules
{
    public static readonly IReadOnlyDictionary<Level, Level> ParentLevel = new Dictionary<Level, Level>
    {
        [Level.StrategicArea] = Level.Entity,
        [Level.StrategicObjective] = Level.StrategicArea,
        [Level.OperationalObjective] = Level.StrategicObjective,
        [Level.StrategicIndicator] = Level.StrategicObjective,
        [Level.OperationalIndicator] = Level.OperationalObjective,
    };

    /// <summary>
    /// <c>1.2</c> under <c>1</c>, <c>1.2.3</c> under <c>1.2</c>, <c>S1.2.3-a</c> under <c>1.2</c>,
    /// <c>O1.2.3-a</c> under <c>1.2.3</c>.
    /// </summary>
    public static bool CodeExtends(Level level, string code, string parent) => level switch
    {
        Level.StrategicArea => true,
        Level.StrategicObjective or Level.OperationalObjective =>
            code.StartsWith(parent + ".", StringComparison.Ordinal),
        Level.StrategicIndicator =>
            Codes.TryParseIndicator(code, out var s, out _) && s.Objective.StartsWith(parent + ".",
                StringComparison.Ordinal),
        _ => Codes.TryParseIndicator(code, out var o, out _) && o.Objective == parent,
    };
}
