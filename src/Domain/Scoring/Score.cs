namespace PerformancePlan.Domain.Scoring;

/// <summary>
/// A raw score, its band, and the banded value (<i>% realizzazione parametrata</i>) that feeds the parent.
/// <see cref="Raw"/> and <see cref="Parametrata"/> are exact (the means run on them); what users read is
/// <see cref="ShownRaw"/> and <see cref="ShownParametrata"/>, rounded by the methodology's rule, and the band of a
/// computed score is decided on the shown figure (<see cref="Rounded"/>).
/// </summary>
public sealed record Score(decimal? Raw, Band Band, decimal? Parametrata)
{
    public static readonly Score Pending = new(null, Band.Pending, null);
    public static readonly Score Neutralized = new(null, Band.Neutralized, null);

    /// <summary>Decimals of the figures shown: the methodology's rounding rule (two unless it says so).</summary>
    public int Decimals { get; init; } = Methodology.DefaultDecimals;

    /// <summary>The realization as shown (percent, to <see cref="Decimals"/>); null when not measured.</summary>
    public decimal? ShownRaw => Raw is { } r ? Methodology.RoundTo(r, Decimals) : null;

    /// <summary>The parametrata as shown (percent, to <see cref="Decimals"/>); null when not measured.</summary>
    public decimal? ShownParametrata => Parametrata is { } p ? Methodology.RoundTo(p, Decimals) : null;

    /// <summary>
    /// r ≥ 100 − tolerance: achieved, 100. r &lt; critical threshold: not achieved, 0. Otherwise partial, r.
    /// The same thresholds apply at every level. The figure is banded as given; scoring uses <see cref="Rounded"/>.
    /// </summary>
    public static Score Of(decimal raw, Methodology m) =>
        raw >= 100 - m.TolerancePercent ? new(raw, Band.Achieved, 100)
        : raw < m.CriticalThresholdPercent ? new(raw, Band.NotAchieved, 0)
        : new(raw, Band.Partial, raw);

    /// <summary>
    /// Round, then band: the band is decided on <paramref name="raw"/> rounded by the methodology's rule
    /// (<see cref="Methodology.Round"/>), the figure users read, so 89,996 shows as 90 and is achieved. The raw score
    /// and a partial parametrata stay exact, for the parent's mean.
    /// </summary>
    public static Score Rounded(decimal raw, Methodology m)
    {
        var banded = Of(m.Round(raw), m);
        return new Score(raw, banded.Band, banded.Band == Band.Partial ? raw : banded.Parametrata)
        {
            Decimals = m.Decimals,
        };
    }

    public bool IsMeasured => Band is Band.Achieved or Band.Partial or Band.NotAchieved;
}
