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
    /// r ≥ 100 − tolerance: achieved, 100. r &lt; critical threshold: not achieved, 0. Otherwise partial, r. The
    /// tolerance and threshold are those of <paramref name="level"/> when the methodology states them per level (seed
    /// section 4), else the general ones; a methodology with a band table bands by the table instead
    /// (<see cref="OfTable"/>). The figure is banded as given; scoring uses <see cref="Rounded"/>.
    /// </summary>
    public static Score Of(decimal raw, Methodology m, string? level = null)
    {
        if (m.Bands is { } bands) return OfTable(raw, bands);
        // Above 100 only when the plan allows over-achievement (its cap): then the excess counts in the parametrata.
        return raw >= 100 - m.ToleranceOf(level) ? new(raw, Band.Achieved, Math.Max(100, raw))
            : raw < m.CriticalThresholdOf(level) ? new(raw, Band.NotAchieved, 0)
            : new(raw, Band.Partial, raw);
    }

    /// <summary>
    /// Bands by a band table: the row whose range holds r (from included; the top row holds everything above). The
    /// top row is achieved, the bottom one not achieved, the others partial; the row's label is the outcome users
    /// read. A row with a parametrata range (points) runs linearly inside the band and is given in percent of the
    /// table's highest parametrata (18 of 20 points → 90); a row without it gives 100, r or 0 as the seed's bands.
    /// </summary>
    public static Score OfTable(decimal raw, IReadOnlyList<BandRule> bands)
    {
        var i = bands.Count - 1;
        while (i > 0 && raw < bands[i].FromPercent) i--;
        var b = bands[i];
        var band = i == bands.Count - 1 ? Band.Achieved : i == 0 ? Band.NotAchieved : Band.Partial;
        decimal parametrata;
        if (b is { ParametrataFrom: { } pf, ParametrataTo: { } pt })
        {
            var max = bands.Max(x => x.ParametrataTo ?? 0);
            var within = Math.Clamp((raw - b.FromPercent) / (b.ToPercent - b.FromPercent), 0, 1);
            parametrata = max == 0 ? 0 : 100 * (pf + within * (pt - pf)) / max;
        }
        else parametrata = band switch { Band.Achieved => 100, Band.NotAchieved => 0, _ => raw };
        return new(raw, band, parametrata) { Label = b.Label };
    }

    /// <summary>The outcome's name from the plan's band table; null when the seed's three bands apply.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// Round, then band: the band is decided on <paramref name="raw"/> rounded by the methodology's rule
    /// (<see cref="Methodology.Round"/>), the figure users read, so 89,996 shows as 90 and is achieved. The raw score
    /// and a partial parametrata stay exact, for the parent's mean.
    /// </summary>
    public static Score Rounded(decimal raw, Methodology m, string? level = null)
    {
        var banded = Of(m.Round(raw), m, level);
        var exact = banded.Band == Band.Partial && banded.Label is null ? raw : banded.Parametrata;
        return new Score(raw, banded.Band, exact) { Decimals = m.Decimals, Label = banded.Label };
    }

    public bool IsMeasured => Band is Band.Achieved or Band.Partial or Band.NotAchieved;
}
