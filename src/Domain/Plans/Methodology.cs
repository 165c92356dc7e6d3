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
    /// <exception cref="DomainException">The rules are not coherent (<see cref="Incoherent"/>).</exception>
    public Methodology(
        decimal tolerancePercent, decimal criticalThresholdPercent,
        decimal operationalObjectivesWeightPercent, decimal strategicIndicatorsWeightPercent)
    {
        if (tolerancePercent is < 0 or > 50
            || criticalThresholdPercent is < 0 or > 100
            || criticalThresholdPercent >= 100 - tolerancePercent
            || operationalObjectivesWeightPercent + strategicIndicatorsWeightPercent != 100)
            throw new DomainException(Incoherent);
        TolerancePercent = tolerancePercent;
        CriticalThresholdPercent = criticalThresholdPercent;
        OperationalObjectivesWeightPercent = operationalObjectivesWeightPercent;
        StrategicIndicatorsWeightPercent = strategicIndicatorsWeightPercent;
    }

    // Get-only, so `with` cannot build a methodology the constructor has not checked. Adding a public instance
    // property would change ToString, which the plan's content hash includes.

    /// <summary>Within this distance of 100 an item counts as achieved (percent; seed 10).</summary>
    public decimal TolerancePercent { get; }

    /// <summary>Below this an item is absolutely not achieved (percent; seed 50).</summary>
    public decimal CriticalThresholdPercent { get; }

    /// <summary>Share of a strategic objective from its operational objectives (percent; seed 40).</summary>
    public decimal OperationalObjectivesWeightPercent { get; }

    /// <summary>Share of a strategic objective from its own strategic indicators (percent; seed 60).</summary>
    public decimal StrategicIndicatorsWeightPercent { get; }
}
