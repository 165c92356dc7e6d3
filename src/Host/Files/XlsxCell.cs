using System.Globalization;
using System.Text.RegularExpressions;

namespace PerformancePlan.Host.Files;

/// <summary>
/// A spreadsheet cell as a person reads it, in the text the domain's parsers expect: a number with a percent
/// format is a percentage (0,875 shown as «88%» is «87,5%», the stored value, not its rounding), a date is
/// dd/mm/yyyy, any other number is written with the Italian decimal comma and no thousands separator.
/// </summary>
public static partial class XlsxCell
{
    /// <summary>The text of <paramref name="value"/> (as ExcelDataReader gives it) under its number format.</summary>
    public static string Text(object? value, string? numberFormat) => value switch
    {
        null => "",
        // a spreadsheet's empty date (0 shown as a date): refused downstream
        DateTime d when d <= new DateTime(1899, 12, 31) => "00/01/1900",
        DateTime d => ItalianFormat.Date(LocalDate.FromDateTime(d)),
        bool b => b ? "VERO" : "FALSO",
        double or decimal or float or int or long when IsPercent(numberFormat) =>
            Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * 100) + "%",
        double or decimal or float or int or long => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>
    /// Whether Excel multiplies by 100 when it shows a value in this format: a <c>%</c> outside quoted text,
    /// escapes and [colour/condition] sections (<c>0%</c>, <c>0,0%</c>, <c>0.00%;[Red]-0.00%</c>).
    /// </summary>
    public static bool IsPercent(string? numberFormat) =>
        numberFormat is not null && Literals().Replace(numberFormat, "").Contains('%');

    // Convert.ToDecimal keeps 15 significant digits, so 669610.6800000001 is 669610,68.
    static string Number(decimal d) => d.ToString("0.##########", ItalianFormat.Culture);

    [GeneratedRegex("""("[^"]*")|(\\.)|(\[[^\]]*\])""")]
    private static partial Regex Literals();
}
