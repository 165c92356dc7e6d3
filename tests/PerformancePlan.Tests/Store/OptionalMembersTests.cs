using Marten;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Projections;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// A domain type's optional additions (init properties that are not constructor parameters) are stored and shown only
/// when set, so events and plans that do not use them keep the JSON they always had.
/// </summary>
public class OptionalMembersTests
{
    static readonly string StoreJson = EventStore.Create("Host=localhost;Database=none").Options.Serializer()
        .ToJson(YearTarget.OfAmount(2019, 80));

    [Fact]
    public void An_unset_addition_is_left_out_by_the_store_and_by_every_door()
    {
        StoreJson.ShouldNotContain("high");
        StoreJson.ShouldContain("\"amount\":80");
        System.Text.Json.JsonSerializer.Serialize(YearTarget.OfAmount(2019, 80), AppJson.Options)
            .ShouldNotContain("high");
    }

    [Fact]
    public void A_set_addition_is_written_and_a_positional_null_still_is()
    {
        var range = System.Text.Json.JsonSerializer.Serialize(YearTarget.OfAmount(2019, 80) with { High = 90 },
            AppJson.Options);
        range.ShouldContain("\"high\": 90");
        System.Text.Json.JsonSerializer.Serialize(YearTarget.OfDates(2019), AppJson.Options)
            .ShouldContain("\"amount\": null");
    }
}
