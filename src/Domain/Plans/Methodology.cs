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
    /// <exception cref="DomainException">
    /// The rules are not coherent (<see cref="Incoherent"/>), or the rounding is out of range
    /// (<see cref="BadRounding"/>).
    /// </exception>
    public Methodology(
        decimal tolerancePercent, decimal criticalThresholdPercent,
        decimal operationalObjectivesWeightPercent, decimal strategicIndicatorsWeightPercent,
        int? roundingDecimals = null)
    {
        if (tolerancePercent is < 0 or > 50
            || criticalThresholdPercent is < 0 or > 100
            || criticalThresholdPercent >= 100 - tolerancePercent
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
    }

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
        return true;
    }
}
