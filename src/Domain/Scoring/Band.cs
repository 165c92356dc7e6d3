namespace PerformancePlan.Domain.Scoring;

/// <summary>The verdict on a realization (seed, section 4), with the Italian name users read.</summary>
public enum Band { Achieved, Partial, NotAchieved, Pending, Neutralized }

/// <summary>The Italian name of a band, and its stable code in JSON and CSS.</summary>
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

    /// <summary>The outcome users read: the plan's band-table label when it has one, else the band's name.</summary>
    public static string Italian(Score s) => s.Label ?? Italian(s.Band);

    public static string Code(Band b) => b switch
    {
        Band.Achieved => "achieved",
        Band.Partial => "partial",
        Band.NotAchieved => "not_achieved",
        Band.Pending => "pending",
        _ => "neutralized",
    };
}
