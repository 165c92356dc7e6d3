using System.Globalization;

namespace PerformancePlan.Host.Components.Charts;

/// <summary>A bar of <see cref="BarChart"/>: a label, a percentage (null if not measured) and its band.</summary>
public sealed record Bar(string Label, decimal? Value, Band Band);

/// <summary>What the SVG charts share: numbers as SVG reads them, a colour per band.</summary>
public static class Svg
{
    /// <summary>A coordinate or value with a decimal point whatever the culture: <c>12.5</c>.</summary>
    public static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A value as a label users read, with the decimal comma the tables use: <c>77,6</c>.</summary>
    public static string Label(decimal d) => ItalianFormat.Decimal(d);

    /// <summary>The colour of a band on screen.</summary>
    public static string Color(Band band) => band switch
    {
        Band.Achieved => "#3c9a4f",
        Band.Partial => "#e0b000",
        Band.NotAchieved => "#c73a3a",
        Band.Neutralized => "#5b7fc4",
        _ => "#bbbbbb",
    };
}
