namespace PerformancePlan.Domain.Import;

/// <summary>The header of a plan file (order free, extra columns ignored).</summary>
public static class PlanColumns
{
    /// <summary>The columns every plan file has, as users write them (Italian).</summary>
    public const string Level = "Livello", Code = "Codice", Parent = "Padre", Description = "Descrizione",
        Perspective = "Prospettiva", Budget = "Budget", Algorithm = "Algoritmo", Measure = "Misura",
        Comparator = "Comparatore", Offices = "Uffici", Holders = "Titolari", Weights = "Pesi";

    /// <summary>The start of a target column's header: <c>Target 2019</c>.</summary>
    public const string TargetPrefix = "Target ";

    /// <summary>Optional: the node's weight in its parent, for a weighted roll-up (relative, any scale).</summary>
    public const string NodeWeight = "Peso";

    public static readonly string[] Required =
        [Level, Code, Parent, Description, Perspective, Budget, Algorithm, Measure, Comparator, Offices, Holders,
            Weights];

    public static string Target(int year) => TargetPrefix + year;
}
