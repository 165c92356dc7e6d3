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

    /// <summary>Parses <c>80%</c>, <c>55,5%</c>, <c>80,00 %</c>; the percent sign is optional, and one only
    /// (<c>80%%</c> is refused).</summary>
    public static bool TryParsePercent(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        return TryParseDecimal(t.EndsWith('%') ? t[..^1].Trim() : t, out value);
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

    /// <summary>How a person may write an instant, for error messages (<see cref="TryParseInstant"/>).</summary>
    public const string InstantForms = "gg/mm/aaaa hh:mm (ora di Roma), gg/mm/aaaa (fine del giorno) "
        + "o ISO 8601 con Z o fuso orario, es. 30/06/2019 18:00 o 2019-06-30T18:00:00+02:00";

    /// <summary>How a person may write a day, for error messages (<see cref="TryParseDay"/>).</summary>
    public const string DayForms = "gg/mm/aaaa o aaaa-mm-gg, es. 30/06/2019";

    /// <summary>
    /// A day as a person types it, on the command line or in a request: <c>30/06/2019</c> or ISO <c>2019-06-30</c>.
    /// </summary>
    public static bool TryParseDay(string? text, out LocalDate day)
    {
        if (TryParseDate(text, out day)) return true;
        var iso = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        day = iso.Success ? iso.Value : default;
        return iso.Success;
    }

    /// <summary>
    /// An instant as a person types it: <c>30/06/2019 18:00</c> (also <c>18.00</c>, <c>ore 18:00</c>, seconds
    /// optional) or ISO <c>2019-06-30T18:00</c> without an offset, read in Europe/Rome; <c>30/06/2019</c> or
    /// <c>2019-06-30</c>, the end of that day in Europe/Rome (everything recorded during it); ISO with <c>Z</c> or an
    /// offset (<c>+02:00</c>, <c>+0200</c>). A space where the offset's <c>+</c> was is read as <c>+</c>, because a
    /// query string decodes an unencoded <c>+</c> to a space. A local time skipped by the change to summer time
    /// moves forward; one repeated in autumn takes the earlier instant.
    /// </summary>
    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (TryParseDay(t, out var day))
        {
            instant = day.PlusDays(1).AtStartOfDayInZone(Rome).ToInstant() - Duration.Epsilon;
            return true;
        }
        if (ItalianDateTime().Match(t) is { Success: true } it)
        {
            if (!TryParseDate(it.Groups["date"].Value, out var date)
                || !TryTime(it.Groups["h"].Value, it.Groups["m"].Value, it.Groups["s"].Value, out var time))
                return false;
            instant = (date + time).InZoneLeniently(Rome).ToInstant();
            return true;
        }
        if (IsoDateTime().Match(t) is not { Success: true } iso) return false;
        var local = $"{iso.Groups["date"].Value}T{iso.Groups["time"].Value}"
            + (iso.Groups["s"].Success ? "" : ":00");
        var offset = iso.Groups["offset"].Value.Replace(" ", "+");
        if (offset.Length == 0)
        {
            var parsed = LocalDateTimePattern.ExtendedIso.Parse(local);
            if (parsed.Success) instant = parsed.Value.InZoneLeniently(Rome).ToInstant();
            return parsed.Success;
        }
        if (offset.Length == 5) offset = offset[..3] + ":" + offset[3..];   // +0200 → +02:00
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(local + offset);
        if (withOffset.Success) instant = withOffset.Value.ToInstant();
        return withOffset.Success;
    }

    static bool TryTime(string h, string m, string s, out LocalTime time)
    {
        time = default;
        var (hour, minute, second) = (int.Parse(h), int.Parse(m), s.Length > 0 ? int.Parse(s) : 0);
        if (hour > 23 || minute > 59 || second > 59) return false;
        time = new LocalTime(hour, minute, second);
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

    [GeneratedRegex(@"^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$")]
    private static partial Regex ItalianNumber();
    [GeneratedRegex(@"^([0-9]{1,2})/([0-9]{1,2})$")]
    private static partial Regex ShortDate();
    [GeneratedRegex(@"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")]
    private static partial Regex LongDate();
    [GeneratedRegex(@"^(?<date>[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}),?\s+(?:(?:ore|alle)\s+)?"
        + @"(?<h>[0-9]{1,2})[:.](?<m>[0-9]{2})(?:[:.](?<s>[0-9]{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ItalianDateTime();
    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ]"
        + @"(?<time>[0-9]{2}:[0-9]{2}(?<s>:[0-9]{2}(?:\.[0-9]{1,9})?)?)"
        + @"(?<offset>Z|[+ -][0-9]{2}(?::?[0-9]{2})?)?$")]
    private static partial Regex IsoDateTime();
}
