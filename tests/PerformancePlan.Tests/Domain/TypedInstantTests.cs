using NodaTime;
using PerformancePlan.Domain.Common;

namespace PerformancePlan.Tests.Domain;

/// <summary>
/// Instants and days as a person types them (<c>--known-at</c>, <c>knownAt</c>, the dashboard's <c>noto</c>): one
/// parser, <see cref="ItalianFormat.TryParseInstant"/>. 30/06/2019 is summer time in Rome (UTC+2).
/// </summary>
public class TypedInstantTests
{
    static readonly Instant SixPmInRome = Instant.FromUtc(2019, 6, 30, 16, 0);
    static readonly Instant EndOfThirtiethInRome = Instant.FromUtc(2019, 6, 30, 22, 0) - Duration.Epsilon;

    [Theory]
    [InlineData("30/06/2019 18:00")]
    [InlineData("30/06/2019 18.00")]
    [InlineData("30/6/2019 18:00:00")]
    [InlineData("30/06/2019, ore 18:00")]
    [InlineData("30/06/2019 alle 18:00")]
    [InlineData("2019-06-30T18:00")]
    [InlineData("2019-06-30T18:00:00")]
    [InlineData("2019-06-30 18:00")]
    [InlineData("2019-06-30T16:00:00Z")]
    [InlineData("2019-06-30T16:00Z")]
    [InlineData("2019-06-30T16:00:00.000Z")]
    [InlineData("2019-06-30T18:00:00+02:00")]
    [InlineData("2019-06-30T18:00:00+0200")]
    [InlineData("2019-06-30T17:00:00+01:00")]
    [InlineData("2019-06-30T12:00:00-04:00")]
    [InlineData("2019-06-30T18:00:00 02:00")]   // "+02:00" in a query string, its + decoded to a space
    [InlineData("  30/06/2019 18:00  ")]
    public void Six_in_the_evening_of_30_June_2019_in_Rome_may_be_written_many_ways(string text)
    {
        ItalianFormat.TryParseInstant(text, out var at).ShouldBeTrue(text);
        at.ShouldBe(SixPmInRome);
    }

    [Theory]
    [InlineData("30/06/2019")]
    [InlineData("2019-06-30")]
    public void A_day_alone_means_its_end_in_Rome_so_everything_recorded_that_day_counts(string text)
    {
        ItalianFormat.TryParseInstant(text, out var at).ShouldBeTrue();
        at.ShouldBe(EndOfThirtiethInRome);
        at.InZone(ItalianFormat.Rome).Date.ShouldBe(new LocalDate(2019, 6, 30));
        (at + Duration.Epsilon).InZone(ItalianFormat.Rome).Date.ShouldBe(new LocalDate(2019, 7, 1));
    }

    [Fact]
    public void A_winter_time_is_read_at_UTC_plus_one()
    {
        ItalianFormat.TryParseInstant("15/01/2020 09:30", out var at).ShouldBeTrue();
        at.ShouldBe(Instant.FromUtc(2020, 1, 15, 8, 30));
    }

    [Theory]
    [InlineData("")]
    [InlineData("domani")]
    [InlineData("31/02/2019 18:00")]
    [InlineData("30/06/2019 24:00")]
    [InlineData("30/06/2019 18:60")]
    [InlineData("2019-13-01")]
    [InlineData("2019-06-30T25:00:00Z")]
    [InlineData("30/06 18:00")]
    [InlineData("1561910400")]
    public void What_is_not_an_instant_is_refused(string text) =>
        ItalianFormat.TryParseInstant(text, out _).ShouldBeFalse(text);

    [Theory]
    [InlineData("30/06/2019")]
    [InlineData("2019-06-30")]
    [InlineData("30/6/2019")]
    public void A_day_is_Italian_or_ISO(string text)
    {
        ItalianFormat.TryParseDay(text, out var day).ShouldBeTrue();
        day.ShouldBe(new LocalDate(2019, 6, 30));
    }

    [Theory]
    [InlineData("31/06/2019")]
    [InlineData("2019-06-31")]
    [InlineData("30/06")]
    public void A_day_that_does_not_exist_is_refused(string text) =>
        ItalianFormat.TryParseDay(text, out _).ShouldBeFalse();
}
