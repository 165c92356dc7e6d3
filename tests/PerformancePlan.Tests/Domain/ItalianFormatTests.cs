using NodaTime;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Tests.Domain;

public class ItalianFormatTests
{
    [Theory]
    [InlineData("100,00%", 100)]
    [InlineData("55,5%", 55.5)]
    [InlineData("80", 80)]
    [InlineData("0,00%", 0)]
    public void Percents_are_read_the_Italian_way(string text, decimal expected)
    {
        ItalianFormat.TryParsePercent(text, out var v).ShouldBeTrue();
        v.ShouldBe(expected);
    }

    [Theory]
    [InlineData("€ 669.610,68", 669610.68)]
    [InlineData("242.647,40€", 242647.40)]
    [InlineData("€ 0,00", 0)]
    [InlineData("15,00", 15)]
    public void Money_and_numbers_are_read_the_Italian_way(string text, decimal expected)
    {
        ItalianFormat.TryParseEuro(text, out var v).ShouldBeTrue();
        v.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("12.34,5")]
    [InlineData("dodici")]
    public void Malformed_numbers_are_refused(string text) =>
        ItalianFormat.TryParseDecimal(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("00/01/1900")]
    [InlineData("31/02/2019")]
    [InlineData("2019-03-31")]
    [InlineData("30/06")]
    public void Impossible_or_foreign_dates_are_refused(string text) =>
        ItalianFormat.TryParseDate(text, out _).ShouldBeFalse();

    [Fact]
    public void A_date_without_a_year_takes_the_targets_year()
    {
        ItalianFormat.TryParseDate("30/6", out var d, defaultYear: 2020).ShouldBeTrue();
        d.ShouldBe(new LocalDate(2020, 6, 30));
    }

    [Theory]
    [InlineData("01.2.4-a", "O1.2.4-a", true)]
    [InlineData("02.1.2-b", "O2.1.2-b", true)]
    [InlineData("S1.1.1-a", "S1.1.1-a", false)]
    [InlineData("o2.1.1-A", "O2.1.1-a", true)]
    public void Indicator_codes_with_a_zero_for_the_letter_O_are_normalised(string raw, string expected, bool corrected)
    {
        Codes.TryParseIndicator(raw, out var code, out var normalised).ShouldBeTrue();
        (code.Value, normalised).ShouldBe((expected, corrected));
    }

    [Theory]
    [InlineData("P02", "PO2", true)]
    [InlineData("PO5", "PO5", false)]
    [InlineData("SG", "SG", false)]
    public void Holders_written_with_a_zero_are_normalised(string raw, string expected, bool corrected)
    {
        Codes.TryParseHolder(raw, out var holder, out var normalised).ShouldBeTrue();
        (holder, normalised).ShouldBe((expected, corrected));
    }
}
