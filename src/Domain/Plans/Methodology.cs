namespace PerformancePlan.Domain.Plans;

/// <summary>
/// The scoring rules in force for a plan (seed, section 4): data of the plan, so a replay uses the rules of its time.
/// </summary>
/// <param name="TolerancePercent">Within this distance of 100 an item counts as achieved (10).</param>
/// <param name="CriticalThresholdPercent">Below this an item is absolutely not achieved (50).</param>
/// <param name="OperationalObjectivesWeightPercent">Share of a strategic objective from its operational objectives (40).</param>
/// <param name="StrategicIndicatorsWeightPercent">Share from its own strategic indicators (60).</param>
public sealed record Methodology(
    decimal TolerancePercent,
    decimal CriticalThresholdPercent,
    decimal OperationalObjectivesWeightPercent,
    decimal StrategicIndicatorsWeightPercent)
{
    /// <summary>The rules of the seed's section 4.</summary>
    public static readonly Methodology Default = new(10, 50, 40, 60);
}
