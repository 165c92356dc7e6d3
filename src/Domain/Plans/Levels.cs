namespace PerformancePlan.Domain.Plans;

/// <summary>
/// The level of a row of the plan tree (the seed's <i>Livello</i>). <see cref="Objective"/> is an objective of a level
/// the plan names itself (its name is the node's <c>LevelName</c>).
/// </summary>
public enum Level { Entity, StrategicArea, StrategicObjective, OperationalObjective, StrategicIndicator,
    OperationalIndicator, Objective }

/// <summary>
/// Balanced-scorecard perspective (<i>Prospettiva</i>), and the PIAO's <i>Valore pubblico</i> (DM 24/06/2022).
/// </summary>
public enum Perspective { BusinessesConsumersTerritory, InternalProcesses, InnovationAndGrowth, EconomicFinancial,
    PublicValue }

public static class Labels
{
    /// <summary>The seed's levels by their Italian names (a plan may name levels of its own).</summary>
    public static readonly IReadOnlyDictionary<Level, string> LevelNames = Table(
        (Level.Entity, "Ente"), (Level.StrategicArea, "Area strategica"),
        (Level.StrategicObjective, "Obiettivo strategico"), (Level.OperationalObjective, "Obiettivo operativo"),
        (Level.StrategicIndicator, "Indicatore strategico"), (Level.OperationalIndicator, "Indicatore operativo"));

    /// <summary>The perspectives by their Italian names, as the <i>Prospettiva</i> column writes them.</summary>
    public static readonly IReadOnlyDictionary<Perspective, string> PerspectiveNames = Table(
        (Perspective.BusinessesConsumersTerritory, "Imprese Consumatori Territorio"),
        (Perspective.InternalProcesses, "Processi Interni"),
        (Perspective.InnovationAndGrowth, "Innovazione e Crescita"),
        (Perspective.EconomicFinancial, "Economico Finanziaria"), (Perspective.PublicValue, "Valore pubblico"));

    /// <summary>A table of names from its pairs, in the order given.</summary>
    public static IReadOnlyDictionary<T, string> Table<T>(params (T Key, string Name)[] pairs) where T : notnull =>
        pairs.ToDictionary(p => p.Key, p => p.Name);

    public static string Of(Level level) => LevelNames.GetValueOrDefault(level, "Obiettivo");
    public static string Of(Perspective p) => PerspectiveNames[p];

    public static bool TryParseLevel(string text, out Level level) => TryParse(LevelNames, text, out level);
    public static bool TryParsePerspective(string text, out Perspective p) => TryParse(PerspectiveNames, text, out p);

    static bool TryParse<T>(IReadOnlyDictionary<T, string> names, string text, out T value) where T : struct
    {
        var key = Normalise(text);
        foreach (var (k, v) in names)
            if (Normalise(v) == key) { value = k; return true; }
        value = default;
        return false;
    }

    /// <summary>Whether two level names are the same name (case, dashes and spaces aside).</summary>
    public static bool SameName(string a, string b) => Normalise(a) == Normalise(b);

    static string Normalise(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Replace('-', ' ')
        .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
