using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime.Text;

namespace PerformancePlan.Domain.Common;

/// <summary>
/// Parses and prints numbers, money, percents and dates the way Italian offices write them
/// (<c>1.234,56</c>, <c>€ 669.610,68</c>, <c>80,00%</c>, <c>31/03/2019</c>).
/// </summary>
public static partial class ItalianFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("it-IT");

    /// <summary>The administration's time zone: "today", and the times users read.</summary>
    public static readonly DateTimeZone Rome = DateTimeZoneProviders.Tzdb["Europe/Rome"];

    /// <summary>An instant as users read it: <c>26/11/2026 01:10</c>.</summary>
    public static string LocalTime(Instant at) => at.InZone(Rome).ToString("dd/MM/yyyy HH:mm", null);
    static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    /// <summary>Parses <c>1.234,56</c>, <c>15,00</c>, <c>12</c>. Thousands dots only in groups of three.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Trim('\u00A0');
        if (!ItalianNumber().IsMatch(t)) return false;
        if (!decimal.TryParse(t.Replace(".", "").Replace(',', '.'),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out value)) return false;
        value = Normalise(value);
        return true;
    }

    /// <summary>Parses <c>€ 669.610,68</c>, <c>669.610,68 €</c>, <c>669610,68</c>.</summary>
    public static bool TryParseEuro(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Replace("€", "").Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Trim();
        return TryParseDecimal(t, out value);
    }

    /// <summary>Parses <c>80%</c>, <c>55,5%</c>, <c>80,00 %</c>; the percent sign is optional.</summary>
    public static bool TryParsePercent(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return TryParseDecimal(text.Trim().TrimEnd('%').Trim(), out value);
    }

    /// <summary>
    /// Parses <c>dd/MM/yyyy</c> as a real calendar date; <c>00/01/1900</c> (a spreadsheet's empty date)
    /// and <c>31/02/2019</c> are refused. <c>dd/MM</c> takes <paramref name="defaultYear"/> when given.
    /// </summary>
    public static bool TryParseDate(string? text, out LocalDate date, int? defaultYear = null)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var m = ShortDate().Match(t);
        if (m.Success)
        {
            if (defaultYear is null) return false;
            t = $"{int.Parse(m.Groups[1].Value):00}/{int.Parse(m.Groups[2].Value):00}/{defaultYear:0000}";
        }
        var full = LongDate().Match(t);
        if (!full.Success) return false;
        t = $"{int.Parse(full.Groups[1].Value):00}/{int.Parse(full.Groups[2].Value):00}/{full.Groups[3].Value}";
        var result = DatePattern.Parse(t);
        if (!result.Success) return false;
        date = result.Value;
        return true;
    }

    /// <summary>Drops trailing zeros, so 80,00 and 80 are the same value in events and fingerprints.</summary>
    public static decimal Normalise(decimal d) =>
        decimal.Parse(d.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float,
            CultureInfo.InvariantCulture);

    /// <summary><c>1 avviso</c>, <c>3 avvisi</c>.</summary>
    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    public static string Date(LocalDate d) => DatePattern.Format(d);
    public static string Decimal(decimal d) => d.ToString("#,0.####", Culture);
    public static string Euro(decimal d) => "€ " + d.ToString("#,0.00", Culture);
    public static string Percent(decimal d) => Decimal(d) + "%";

    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex ItalianNumber();
    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})$")]
    private static partial Regex ShortDate();
    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex LongDate();
}
