namespace PerformancePlan.Domain.Import;

/// <summary>
/// What each row of a plan file is read against: the years of its targets, the measurement system it declares (its
/// <c>Metodologia</c> rows over the seed's defaults) and its registry of holders and offices.
/// </summary>
public sealed record PlanFileContext(IReadOnlyList<int> Horizon, Methodology Methodology, PlanRegistry Registry)
{
    /// <summary>A file that declares nothing: the seed's methodology, no registry.</summary>
    public static PlanFileContext Seed(IReadOnlyList<int> horizon) =>
        new(horizon, Methodology.Default, PlanRegistry.Empty);

    /// <summary>The context of rows added to an existing plan (an amendment's <c>aggiungi</c>).</summary>
    public static PlanFileContext Of(Plan plan) => new(plan.Horizon, plan.Methodology, PlanRegistry.Of(plan));
}

/// <summary>A row's level: its kind in the tree and its Italian name as the plan writes it.</summary>
public sealed record LevelReading(Level Level, string Name)
{
    /// <summary>An indicator row.</summary>
    public bool IsIndicator => Level is Level.StrategicIndicator or Level.OperationalIndicator;
}

/// <summary>
/// Reads the <i>Livello</i> cell. <c>Ente</c> and the seed's five levels are known; a name that begins with
/// <c>Indicatore</c> is an indicator; any other name is an objective level of the plan's own (<c>Missione</c>,
/// <c>Obiettivo individuale</c>) — unless the plan declares its levels (rule <c>livelli</c>), then only those, or it
/// is one or two letters away from a seed name (a typo, refused with the name meant).
/// </summary>
public static class LevelNames
{
    /// <summary>The registry rows' levels: a holder and an office.</summary>
    public const string Holder = "Titolare";

    /// <inheritdoc cref="Holder"/>
    public const string Office = "Ufficio";

    /// <summary>Reads the level of a row of a plan that declares <paramref name="m"/>.</summary>
    public static Parsed<LevelReading?> Read(string text, Methodology m)
    {
        var t = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (t.Length == 0) return Fail("livello mancante", Known(m));
        if (Labels.TryParseLevel(t, out var level))
            return m.Levels is { } levels && level is not (Level.Entity or Level.StrategicIndicator
                    or Level.OperationalIndicator) && !levels.Any(d => Labels.SameName(d, t))
                ? Fail($"livello «{t}» non dichiarato nella metodologia del piano", Known(m))
                : new(new LevelReading(level, Labels.Of(level)));
        if (t.StartsWith("Indicatore", StringComparison.OrdinalIgnoreCase))
            return new(new LevelReading(Level.OperationalIndicator, t));
        if (m.Levels is { } declared)
            return declared.FirstOrDefault(d => Labels.SameName(d, t)) is { } name
                ? new(new LevelReading(Level.Objective, name))
                : Fail($"livello «{t}» non dichiarato nella metodologia del piano", Known(m));
        var near = Labels.LevelNames.Values.FirstOrDefault(v => Distance(v.ToLowerInvariant(), t.ToLowerInvariant())
            <= 2);
        if (near is not null) return Fail("livello sconosciuto", $"forse «{near}»? Altrimenti {Known(m)}");
        return new(new LevelReading(Level.Objective, t));
    }

    static Parsed<LevelReading?> Fail(string error, string fix) => new(null, error, fix);

    static string Known(Methodology m) => "usare " + string.Join(", ",
        (m.Levels is { } declared ? declared.Prepend(Labels.Of(Level.Entity)) : Labels.LevelNames.Values)
            .Distinct().Select(v => $"«{v}»"))
        + (m.Levels is null ? " o il nome di un livello del proprio sistema di misurazione" : " o un «Indicatore …»");

    /// <summary>Levenshtein distance, for the few short names of levels.</summary>
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
