using System.Text;
using System.Text.Json.Serialization;

namespace PerformancePlan.Domain.Plans;

/// <summary>
/// The scoring rules in force for a plan (seed, section 4): data of the plan, so a replay uses the rules of its time.
/// Validated when built, so an incoherent methodology cannot exist; all values are percentages (0–100).
/// </summary>
public sealed record Methodology
{
    /// <summary>The message of an incoherent methodology, as users read it.</summary>
    public const string Incoherent = "Metodologia non coerente: tolleranza 0–50, soglia critica sotto 100 − "
        + "tolleranza, "
        + "pesi 40/60 che sommano a 100.";

    /// <summary>The message of a rounding rule out of range, as users read it.</summary>
    public const string BadRounding = "Metodologia non coerente: le cifre decimali dell'arrotondamento vanno da 0 a "
        + "4.";

    /// <summary>Decimals of every figure shown and banded when the methodology does not say (BRIEF §3).</summary>
    public const int DefaultDecimals = 2;

    /// <summary>The rules of the seed's section 4: tolerance 10, critical threshold 50, weights 40/60.</summary>
    public static readonly Methodology Default = new(10, 50, 40, 60);

    /// <param name="tolerancePercent">Within this distance of 100 an item counts as achieved (0–50; seed 10).</param>
    /// <param name="criticalThresholdPercent">
    /// Below this an item is absolutely not achieved (0–100, and below 100 − tolerance; seed 50).
    /// </param>
    /// <param name="operationalObjectivesWeightPercent">
    /// Share of a strategic objective from its operational objectives (seed 40).
    /// </param>
    /// <param name="strategicIndicatorsWeightPercent">
    /// Share from its own strategic indicators (seed 60); the two shares sum to 100.
    /// </param>
    /// <param name="roundingDecimals">
    /// Decimals to which every realization is rounded before it is banded and shown (0–4; null: two).
    /// </param>
    /// <param name="levels">The plan's own hierarchy of objective levels, top down (2–6 names; null: as the
    /// file).</param>
    /// <param name="levelRules">Rules of single levels that override the general ones (null: none).</param>
    /// <param name="bands">A band table that replaces tolerance and threshold (null: the seed's three bands).</param>
    /// <param name="overAchievementCapPercent">The realization's cap, 100 to 1000 (null: 100).</param>
    /// <param name="holderWeighting">How holders' weights are written (null: percentages summing to 100).</param>
    /// <param name="calendar">The monitoring periods (null: quadrimesters).</param>
    /// <exception cref="DomainException">
    /// The rules are not coherent (<see cref="Incoherent"/>), the rounding is out of range
    /// (<see cref="BadRounding"/>), or a level's rule, the levels or the band table are not coherent (the message says
    /// which).
    /// </exception>
    [JsonConstructor]
    public Methodology(
        decimal tolerancePercent, decimal criticalThresholdPercent,
        decimal operationalObjectivesWeightPercent, decimal strategicIndicatorsWeightPercent,
        int? roundingDecimals = null, IReadOnlyList<string>? levels = null, IReadOnlyList<LevelRule>? levelRules = null,
        IReadOnlyList<BandRule>? bands = null, decimal? overAchievementCapPercent = null,
        HolderWeighting? holderWeighting = null, CalendarKind? calendar = null)
    {
        if (tolerancePercent is < 0 or > 50
            || criticalThresholdPercent is < 0 or > 100
            || criticalThresholdPercent >= 100 - tolerancePercent
            || operationalObjectivesWeightPercent is < 0 or > 100
            || operationalObjectivesWeightPercent + strategicIndicatorsWeightPercent != 100)
            throw new DomainException(Incoherent);
        if (roundingDecimals is < 0 or > 4) throw new DomainException(BadRounding);
        TolerancePercent = tolerancePercent;
        CriticalThresholdPercent = criticalThresholdPercent;
        OperationalObjectivesWeightPercent = operationalObjectivesWeightPercent;
        StrategicIndicatorsWeightPercent = strategicIndicatorsWeightPercent;
        // The default is stored as null, so plans written before the rule existed keep their JSON, equality and
        // text (the plan's content hash includes the text): two decimals are what they were always shown with.
        RoundingDecimals = roundingDecimals == DefaultDecimals ? null : roundingDecimals;
        Levels = MeasurementRulesCheck.Levels(levels);
        LevelRules = MeasurementRulesCheck.LevelRules(levelRules, tolerancePercent, criticalThresholdPercent);
        Bands = MeasurementRulesCheck.Bands(bands);
        if (overAchievementCapPercent is < 100 or > 1000)
            throw new DomainException("Metodologia non coerente: il tetto di sovraperformance va da 100% a 1000%.");
        OverAchievementCapPercent = overAchievementCapPercent == 100 ? null : overAchievementCapPercent;
        HolderWeighting = holderWeighting == Plans.HolderWeighting.Percent ? null : holderWeighting;
        Calendar = calendar == CalendarKind.Quadrimesters ? null : calendar;
    }

    /// <summary>The plan's own hierarchy of objective levels, top down; null when the plan does not declare
    /// it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Levels { get; }

    /// <summary>Rules of single levels overriding the general ones; null when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LevelRule>? LevelRules { get; }

    /// <summary>The band table that replaces tolerance and threshold; null for the seed's three bands.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BandRule>? Bands { get; }

    /// <summary>The realization's cap in percent when above 100 (over-achievement counts up to it); null:
    /// 100.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? OverAchievementCapPercent { get; }

    /// <summary>Relative holder weights (normalised); null: percentages summing to 100.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HolderWeighting? HolderWeighting { get; }

    /// <summary>The monitoring periods; null: quadrimesters (seed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CalendarKind? Calendar { get; }

    /// <summary>The realization's cap in percent (100 unless the plan allows over-achievement).</summary>
    [JsonIgnore]
    public decimal RealizationCap => OverAchievementCapPercent ?? 100;

    /// <summary>The monitoring periods in force.</summary>
    [JsonIgnore]
    public CalendarKind CalendarInForce => Calendar ?? CalendarKind.Quadrimesters;

    /// <summary>How holders' weights are written.</summary>
    [JsonIgnore]
    public HolderWeighting HolderWeightingInForce => HolderWeighting ?? Plans.HolderWeighting.Percent;

    /// <summary>The rule of <paramref name="level"/>, or null when the level has none of its own.</summary>
    public LevelRule? RuleOf(string? level) => level is null ? null
        : LevelRules?.FirstOrDefault(r => Labels.SameName(r.Level, level));

    /// <summary>The tolerance of a level (percent): its own rule, else the general one.</summary>
    public decimal ToleranceOf(string? level) => RuleOf(level)?.TolerancePercent ?? TolerancePercent;

    /// <summary>The critical threshold of a level (percent): its own rule, else the general one.</summary>
    public decimal CriticalThresholdOf(string? level) =>
        RuleOf(level)?.CriticalThresholdPercent ?? CriticalThresholdPercent;

    /// <summary>
    /// The share (percent) of a node's score from its child objectives when it also has indicators of its own: the
    /// level's rule, else the seed's 40 (operational objectives in a strategic objective).
    /// </summary>
    public decimal ChildObjectivesWeightOf(string? level) =>
        RuleOf(level)?.ChildObjectivesWeightPercent ?? OperationalObjectivesWeightPercent;

    /// <summary>How a level gathers its children: its rule, else the plain mean.</summary>
    public RollUp RollUpOf(string? level) =>
        RuleOf(level)?.RollUp ?? RuleOf(LevelRule.EveryLevel)?.RollUp ?? RollUp.Mean;

    /// <summary>Whether the methodology says more than the seed's four rules and rounding.</summary>
    [JsonIgnore]
    public bool HasMeasurementSystem => Levels is not null || LevelRules is not null || Bands is not null
        || OverAchievementCapPercent is not null || HolderWeighting is not null || Calendar is not null;

    /// <summary>Equal rules, lists compared item by item (a record would compare the lists by reference).</summary>
    public bool Equals(Methodology? other) => other is not null
        && TolerancePercent == other.TolerancePercent && CriticalThresholdPercent == other.CriticalThresholdPercent
        && OperationalObjectivesWeightPercent == other.OperationalObjectivesWeightPercent
        && StrategicIndicatorsWeightPercent == other.StrategicIndicatorsWeightPercent
        && RoundingDecimals == other.RoundingDecimals && Same(Levels, other.Levels)
        && Same(LevelRules, other.LevelRules) && Same(Bands, other.Bands)
        && OverAchievementCapPercent == other.OverAchievementCapPercent && HolderWeighting == other.HolderWeighting
        && Calendar == other.Calendar;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TolerancePercent, CriticalThresholdPercent,
        OperationalObjectivesWeightPercent, RoundingDecimals, Levels?.Count, LevelRules?.Count, Bands?.Count, Calendar);

    static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    // Get-only, so `with` cannot build a methodology the constructor has not checked. The text is printed by
    // PrintMembers below: the plan's content hash includes it, so it must not change for existing plans.

    /// <summary>Within this distance of 100 an item counts as achieved (percent; seed 10).</summary>
    public decimal TolerancePercent { get; }

    /// <summary>Below this an item is absolutely not achieved (percent; seed 50).</summary>
    public decimal CriticalThresholdPercent { get; }

    /// <summary>Share of a strategic objective from its operational objectives (percent; seed 40).</summary>
    public decimal OperationalObjectivesWeightPercent { get; }

    /// <summary>Share of a strategic objective from its own strategic indicators (percent; seed 60).</summary>
    public decimal StrategicIndicatorsWeightPercent { get; }

    /// <summary>
    /// Decimals of the rounding the plan states, or null when it states none (then <see cref="DefaultDecimals"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RoundingDecimals { get; }

    /// <summary>Decimals of every figure shown and banded (seed: two).</summary>
    [JsonIgnore]
    public int Decimals => RoundingDecimals ?? DefaultDecimals;

    /// <summary>
    /// The figure that is shown and banded: <paramref name="percent"/> rounded to <see cref="Decimals"/>, halves away
    /// from zero (89,995 → 90,00), as one rounds by hand.
    /// </summary>
    public decimal Round(decimal percent) => RoundTo(percent, Decimals);

    /// <summary>
    /// The rounding rule: <paramref name="decimals"/> decimals, halves away from zero; trailing zeros dropped, so the
    /// JSON writes <c>90</c>, not <c>90.00</c>.
    /// </summary>
    public static decimal RoundTo(decimal percent, int decimals) =>
        ItalianFormat.Normalise(Math.Round(percent, decimals, MidpointRounding.AwayFromZero));

    bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TolerancePercent = {TolerancePercent}, ")
            .Append($"CriticalThresholdPercent = {CriticalThresholdPercent}, ")
            .Append($"OperationalObjectivesWeightPercent = {OperationalObjectivesWeightPercent}, ")
            .Append($"StrategicIndicatorsWeightPercent = {StrategicIndicatorsWeightPercent}");
        if (RoundingDecimals is { } d) builder.Append($", RoundingDecimals = {d}");
        // The measurement system's rules are printed only when present, so a seed-shaped plan keeps its text.
        if (Levels is { } levels) builder.Append($", Levels = {string.Join(" > ", levels)}");
        if (LevelRules is { } rules) builder.Append($", LevelRules = {string.Join("; ", rules)}");
        if (Bands is { } bands) builder.Append($", Bands = {string.Join("; ", bands)}");
        if (OverAchievementCapPercent is { } cap) builder.Append($", OverAchievementCapPercent = {cap}");
        if (HolderWeighting is { } w) builder.Append($", HolderWeighting = {w}");
        if (Calendar is { } c) builder.Append($", Calendar = {c}");
        return true;
    }
}
