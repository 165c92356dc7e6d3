namespace PerformancePlan.Domain.Plans;

/// <summary>How an objective's score gathers its child objectives' scores (<i>aggregazione</i>).</summary>
public enum RollUp
{
    /// <summary>The plain mean of the measured children (seed, BRIEF §3).</summary>
    Mean,
    /// <summary>The mean weighted by each child's <i>Peso</i> in its parent (a child without weight weighs
    /// 1).</summary>
    WeightedMean,
}

/// <summary>How the <i>Pesi</i> of a holder's individual objectives are written (<i>pesi titolari</i>).</summary>
public enum HolderWeighting
{
    /// <summary>Percentages that sum to 100 (seed).</summary>
    Percent,
    /// <summary>Relative weights or points, in any scale: normalised to 100 when scored, the normalisation
    /// shown.</summary>
    Relative,
}

/// <summary>The monitoring periods of the year (<i>calendario</i>): the seed's quadrimesters by default.</summary>
public enum CalendarKind { Quadrimesters, Quarters, Semesters, Months }

/// <summary>
/// The rules of one level of the plan's hierarchy, each overriding the methodology's general rule when set
/// (seed section 4 states tolerance and critical threshold per level). Percentages are 0–100.
/// </summary>
/// <param name="Level">The level's Italian name as the plan writes it, e.g. <c>Obiettivo operativo</c>.</param>
/// <param name="TolerancePercent">Within this distance of 100 a node of the level is achieved.</param>
/// <param name="CriticalThresholdPercent">Below this a node of the level is absolutely not achieved.</param>
/// <param name="ChildObjectivesWeightPercent">
/// The share of a node's score from its child objectives when it also has its own indicators (seed 40).
/// </param>
/// <param name="RollUp">How the child objectives are gathered (mean or weighted mean).</param>
/// <param name="OwnIndicators">Whether nodes of the level carry indicators of their own (null: as the file
/// says).</param>
public sealed record LevelRule(
    string Level, decimal? TolerancePercent = null, decimal? CriticalThresholdPercent = null,
    decimal? ChildObjectivesWeightPercent = null, RollUp? RollUp = null, bool? OwnIndicators = null)
{
    /// <summary>The name of the rule that applies to every level without one of its own (only its roll-up
    /// counts).</summary>
    public const string EveryLevel = "*";
}

/// <summary>
/// One row of a band table (<i>fasce</i>): realizations from <paramref name="FromPercent"/> (included) up to
/// <paramref name="ToPercent"/> get the outcome <paramref name="Label"/> and a parametrata that runs linearly from
/// <paramref name="ParametrataFrom"/> to <paramref name="ParametrataTo"/> inside the band (e.g. 76–90% → 15–18
/// points). Without a parametrata range a band gives what the seed's bands give: the top band 100, the bottom one 0,
/// the others the realization itself.
/// </summary>
public sealed record BandRule(
    decimal FromPercent, decimal ToPercent, string Label, decimal? ParametrataFrom = null,
    decimal? ParametrataTo = null);

/// <summary>The checks a methodology runs on its measurement-system rules when built (messages in Italian).</summary>
static class MeasurementRulesCheck
{
    public static IReadOnlyList<string>? Levels(IReadOnlyList<string>? levels)
    {
        if (levels is null) return null;
        var names = levels.Select(l => l.Trim()).ToList();
        if (names.Count is < 2 or > 6 || names.Any(n => n.Length == 0)
            || names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
            throw new DomainException("Metodologia non coerente: i livelli degli obiettivi sono da 2 a 6, con nomi "
                + "diversi.");
        return names;
    }

    public static IReadOnlyList<LevelRule>? LevelRules(IReadOnlyList<LevelRule>? rules, decimal tolerance,
        decimal critical)
    {
        if (rules is null || rules.Count == 0) return null;
        foreach (var r in rules)
        {
            var t = r.TolerancePercent ?? tolerance;
            var c = r.CriticalThresholdPercent ?? critical;
            if (t is < 0 or > 50 || c is < 0 or > 100 || c >= 100 - t)
                throw new DomainException($"Metodologia non coerente per il livello «{r.Level}»: tolleranza 0–50 e "
                    + "soglia critica sotto 100 − tolleranza.");
            if (r.ChildObjectivesWeightPercent is < 0 or > 100)
                throw new DomainException($"Metodologia non coerente per il livello «{r.Level}»: il peso degli "
                    + "obiettivi figli va da 0 a 100.");
        }
        if (rules.Select(r => r.Level.Trim().ToLowerInvariant()).Distinct().Count() != rules.Count)
            throw new DomainException("Metodologia non coerente: un livello ha più di una riga di regole.");
        return rules;
    }

    /// <summary>Bands sorted from the lowest, contiguous from 0 to at least 100, each with a label.</summary>
    public static IReadOnlyList<BandRule>? Bands(IReadOnlyList<BandRule>? bands)
    {
        if (bands is null || bands.Count == 0) return null;
        var sorted = bands.OrderBy(b => b.FromPercent).ToList();
        var ok = sorted.Count >= 2 && sorted[0].FromPercent == 0 && sorted[^1].ToPercent >= 100
            && sorted.All(b => b.ToPercent > b.FromPercent && b.Label.Trim().Length > 0
                && (b.ParametrataFrom is null) == (b.ParametrataTo is null)
                && (b.ParametrataFrom is null || (b.ParametrataFrom >= 0 && b.ParametrataTo >= b.ParametrataFrom)))
            && sorted.Zip(sorted.Skip(1)).All(p => p.First.ToPercent == p.Second.FromPercent);
        if (!ok)
            throw new DomainException("Metodologia non coerente: le fasce vanno da 0% ad almeno 100% senza buchi né "
                + "sovrapposizioni (es. «0-60», «60-90», «90-100»), ognuna con il suo esito.");
        return sorted;
    }
}

/// <summary>
/// Whether a measurement system fits a plan's tree: a rule of a level names a level the plan has (or declares), and
/// declared levels name every level the plan's objectives use. Messages in Italian; none when it fits.
/// </summary>
public static class MethodologyFit
{
    /// <summary>
    /// The problems of <paramref name="m"/> for a plan whose objectives use <paramref name="objectiveLevels"/> and
    /// whose indicators use <paramref name="indicatorLevels"/> (names as written).
    /// </summary>
    public static IReadOnlyList<string> Problems(Methodology m, IEnumerable<string> objectiveLevels,
        IEnumerable<string> indicatorLevels)
    {
        var objectives = objectiveLevels.Distinct().ToList();
        var known = objectives.Concat(indicatorLevels).Concat(m.Levels ?? []).Append(Labels.Of(Level.Entity))
            .ToList();
        var problems = new List<string>();
        foreach (var rule in m.LevelRules ?? [])
            if (rule.Level != LevelRule.EveryLevel && !known.Any(k => Labels.SameName(k, rule.Level)))
                problems.Add($"la regola vale per il livello «{rule.Level}», che il piano non ha (livelli del piano: "
                    + $"{string.Join(", ", known.Distinct())})");
        if (m.Levels is { } declared)
            foreach (var level in objectives.Where(o => !declared.Any(d => Labels.SameName(d, o))))
                problems.Add($"i livelli dichiarati ({string.Join(" > ", declared)}) non comprendono «{level}», "
                    + "usato dagli obiettivi del piano");
        return problems;
    }
}
