namespace PerformancePlan.Host.Application.Views;

/// <summary>A plan's size, with each noun agreeing with its count: <c>1 area strategica</c>, <c>3 aree strategiche</c>.
/// </summary>
public static class PlanCounts
{
    /// <summary>
    /// <c>3 aree strategiche, 6 obiettivi strategici, 16 obiettivi operativi, 28 indicatori …</c>: the seed's levels
    /// with
    /// their plurals; a level of the plan's own as <c>Programma: 4</c>, in the order the plan uses them.
    /// </summary>
    public static string Of(Plan plan) => string.Join(", ",
        plan.Nodes.GroupBy(n => n.LevelName).Select(g => (g.First().Level, g.Key, g.Count()))
            .Concat(plan.Indicators.GroupBy(i => i.LevelName).Select(g => (g.First().Level, g.Key, g.Count())))
            .OrderBy(g => g.Item1).Select(g => Count(g.Item1, g.Item2, g.Item3)));

    static string Count(Level level, string name, int n) => Plurals.TryGetValue(level, out var forms)
        && name == Labels.Of(level) ? ItalianFormat.Count(n, forms.One, forms.Many) : $"{name}: {n}";

    static readonly Dictionary<Level, (string One, string Many)> Plurals = new()
    {
        [Level.StrategicArea] = ("area strategica", "aree strategiche"),
        [Level.StrategicObjective] = ("obiettivo strategico", "obiettivi strategici"),
        [Level.OperationalObjective] = ("obiettivo operativo", "obiettivi operativi"),
        [Level.StrategicIndicator] = ("indicatore strategico", "indicatori strategici"),
        [Level.OperationalIndicator] = ("indicatore operativo", "indicatori operativi"),
    };
}

/// <summary>The methodology's rules as sentences users read.</summary>
public static class MethodologyText
{
    /// <summary><c>figure arrotondate a 2 decimali prima della fascia</c> (the rounding rule, BRIEF §3).</summary>
    public static string Rounding(Methodology m) =>
        $"figure arrotondate a {ItalianFormat.Count(m.Decimals, "decimale", "decimali")} prima di attribuire la fascia";

    /// <summary>
    /// Every rule of the measurement system by its Italian name with its value (<c>tolleranza</c> → <c>10%</c>): the
    /// seed's four, the rounding, then only the rules the plan states beyond them (levels, rules of a level, band
    /// table, over-achievement cap, holder weights, calendar). Used to describe and to compare methodologies.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Rules(Methodology m)
    {
        var rules = new List<(string, string)>
        {
            ("tolleranza", ItalianFormat.Percent(m.TolerancePercent)),
            ("soglia critica", ItalianFormat.Percent(m.CriticalThresholdPercent)),
            ("peso degli obiettivi operativi negli obiettivi strategici",
                ItalianFormat.Percent(m.OperationalObjectivesWeightPercent)),
            ("peso degli indicatori strategici negli obiettivi strategici",
                ItalianFormat.Percent(m.StrategicIndicatorsWeightPercent)),
            ("decimali", m.Decimals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (m.Levels is { } levels) rules.Add(("livelli", string.Join(" > ", levels)));
        foreach (var r in m.LevelRules ?? [])
        {
            var of = r.Level == LevelRule.EveryLevel ? "" : $" di «{r.Level}»";
            if (r.TolerancePercent is { } t) rules.Add(($"tolleranza{of}", ItalianFormat.Percent(t)));
            if (r.CriticalThresholdPercent is { } c) rules.Add(($"soglia critica{of}", ItalianFormat.Percent(c)));
            if (r.ChildObjectivesWeightPercent is { } w)
                rules.Add(($"peso degli obiettivi figli{of}", ItalianFormat.Percent(w)));
            if (r.RollUp is { } u)
                rules.Add(($"aggregazione{of}", u == RollUp.WeightedMean ? "media ponderata per Peso" : "media"));
            if (r.OwnIndicators is { } own) rules.Add(($"indicatori propri{of}", own ? "sì" : "no"));
        }
        if (m.Bands is { } bands)
            rules.Add(("fasce", string.Join("; ", bands.Select(b =>
                $"{ItalianFormat.Decimal(b.FromPercent)}–{ItalianFormat.Percent(b.ToPercent)} {b.Label}"
                + (b.ParametrataFrom is { } pf ? $" ({ItalianFormat.Decimal(pf)}–"
                    + $"{ItalianFormat.Decimal(b.ParametrataTo!.Value)} punti)" : "")))));
        if (m.OverAchievementCapPercent is { } cap)
            rules.Add(("tetto di sovraperformance", ItalianFormat.Percent(cap)));
        if (m.HolderWeighting == HolderWeighting.Relative) rules.Add(("pesi dei titolari", "relativi (normalizzati)"));
        if (m.Calendar is { } k) rules.Add(("calendario", Domain.Calendar.MonitoringCalendar.Name(k)));
        return rules;
    }

    /// <summary>
    /// The rules the plan states beyond the seed's (<c>livelli: Missione &gt; Programma; calendario: trimestri</c>);
    /// empty for a seed-shaped methodology.
    /// </summary>
    public static string Beyond(Methodology m) =>
        string.Join("; ", Rules(m).Skip(5).Select(r => $"{r.Name}: {r.Value}"));
}

/// <summary>The balanced-scorecard perspectives of an objective (<i>Prospettiva</i>), as the plan file names them.
/// </summary>
public static class PerspectiveText
{
    /// <summary><c>Prospettive: Imprese Consumatori Territorio, Processi Interni</c>; empty when none.</summary>
    public static string Of(IReadOnlyList<Perspective> perspectives) => perspectives.Count == 0 ? ""
        : (perspectives.Count == 1 ? "Prospettiva: " : "Prospettive: ") + string.Join(", ",
            perspectives.Select(Labels.Of));
}

/// <summary>An indicator's measure as users read it: its name with the unit, and its intermediate targets.</summary>
public static class MeasureText
{
    /// <summary><c>numero (mq)</c>, <c>percentuale</c>, <c>si/no</c>.</summary>
    public static string Of(Indicator i) => MeasureLabels.Of(i.Measure) + (i.Unit is { } u ? $" ({u})" : "");

    /// <summary><c>Target intermedi: ≥ 500 al 30/06/2019</c>; empty when the indicator has none.</summary>
    public static string Interim(Indicator i) => i.InterimTargets.Count == 0 ? ""
        : (i.InterimTargets.Count == 1 ? "Target intermedio: " : "Target intermedi: ")
          + string.Join(", ", i.InterimTargets.Select(t => TargetText.Of(t, i)));
}
