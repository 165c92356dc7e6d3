namespace PerformancePlan.Domain.Scoring;

/// <summary>The verdict on a realization (seed, section 4), with the Italian name users read.</summary>
public enum Band { Achieved, Partial, NotAchieved, Pending, Neutralized }

/// <summary>
/// A raw score, its band, and the banded value (<i>% realizzazione parametrata</i>) that feeds the parent.
/// </summary>
public sealed record Score(decimal? Raw, Band Band, decimal? Parametrata)
{
    public static readonly Score Pending = new(null, Band.Pending, null);
    public static readonly Score Neutralized = new(null, Band.Neutralized, null);

    /// <summary>
    /// r ≥ 100 − tolerance: achieved, 100. r &lt; critical threshold: not achieved, 0. Otherwise partial, r.
    /// The same thresholds apply at every level. The figure is banded as given: scoring rounds it first
    /// (<see cref="Rounded"/>).
    /// </summary>
    public static Score Of(decimal raw, Methodology m) =>
        raw >= 100 - m.TolerancePercent ? new(raw, Band.Achieved, 100)
        : raw < m.CriticalThresholdPercent ? new(raw, Band.NotAchieved, 0)
        : new(raw, Band.Partial, raw);

    /// <summary>
    /// Round, then band: <paramref name="raw"/> rounded by the methodology's rule (<see cref="Methodology.Round"/>)
    /// is the figure shown, and the band is decided on it, so 89,996 shows as 90 and is achieved.
    /// </summary>
    public static Score Rounded(decimal raw, Methodology m) => Of(m.Round(raw), m);

    public bool IsMeasured => Band is Band.Achieved or Band.Partial or Band.NotAchieved;
}

public static class BandNames
{
    public static string Italian(Band b) => b switch
    {
        Band.Achieved => "Raggiunto",
        Band.Partial => "Parzialmente raggiunto",
        Band.NotAchieved => "Assolutamente non raggiunto",
        Band.Pending => "Non rilevato",
        _ => "Sterilizzato",
    };

    public static string Code(Band b) => b switch
    {
        Band.Achieved => "achieved",
        Band.Partial => "partial",
        Band.NotAchieved => "not_achieved",
        Band.Pending => "pending",
        _ => "neutralized",
    };
}
