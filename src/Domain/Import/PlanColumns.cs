namespace PerformancePlan.Domain.Import;

/// <summary>The header of a plan file (order free, extra columns ignored).</summary>
public static class PlanColumns
{
    public const string Level = "Livello";
    public const string Code = "Codice";
    public const string Parent = "Padre";
    public const string Description = "Descrizione";
    public const string Perspective = "Prospettiva";
    public const string Budget = "Budget";
    public const string Algorithm = "Algoritmo";
    public const string Measure = "Misura";
    public const string Comparator = "Comparatore";
    public const string Offices = "Uffici";
    public const string Holders = "Titolari";
    public const string Weights = "Pesi";
    public const string TargetPrefix = "Target ";

    /// <summary>Optional: the node's weight in its parent, for a weighted roll-up (relative, any scale).</summary>
    public const string NodeWeight = "Peso";

    public static readonly string[] Required =
        [Level, Code, Parent, Description, Perspective, Budget, Algorithm, Measure, Comparator, Offices, Holders,
            Weights];

    public static string Target(int year) => TargetPrefix + year;
}
