using PerformancePlan.Domain.Identity;

namespace PerformancePlan.Tests.Domain;

/// <summary>
/// Plan and entity ids are read once at the edge; what is typed by a person is normalised or refused.
/// </summary>
public class IdentityTests
{
    [Theory]
    [InlineData("cciaa-ms-2019", "cciaa-ms", 2019)]
    [InlineData("  CCIAA-MS-2020 ", "cciaa-ms", 2020)]
    [InlineData("comune-di-lucca-2099", "comune-di-lucca", 2099)]
    public void A_plan_id_names_the_entity_and_the_year(string typed, string entity, int year)
    {
        PlanId.TryParse(typed, out var id, out _).ShouldBeTrue();

        id.Entity.Value.ShouldBe(entity);
        id.Year.ShouldBe(year);
        id.Value.ShouldBe($"{entity}-{year}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("cciaa-ms")]
    [InlineData("cciaa-ms-19")]
    [InlineData("cciaa-ms-1999")]
    [InlineData("cciaa-ms-20190")]
    [InlineData("cciaa ms-2019")]
    [InlineData("%-2019")]
    [InlineData("-2019")]
    public void A_text_that_is_not_a_plan_id_is_refused_with_an_example(string typed)
    {
        PlanId.TryParse(typed, out _, out var error).ShouldBeFalse();

        error.ShouldContain("es. cciaa-ms-2019");
        Should.Throw<FormatException>(() => PlanId.Parse(typed));
    }

    [Theory]
    [InlineData("c")]
    [InlineData("1cciaa")]
    [InlineData("cciaa-")]
    [InlineData("cciaa_ms")]
    public void A_text_that_is_not_an_entity_code_is_refused(string typed) =>
        EntityId.TryParse(typed, out _, out _).ShouldBeFalse();

    [Fact]
    public void Ids_are_equal_by_value() =>
        EqualityLaws.Hold(PlanId.Parse("cciaa-ms-2019"), PlanId.Parse("CCIAA-MS-2019"), PlanId.Parse("cciaa-ms-2020"));

    [Fact]
    public void Entity_codes_are_equal_by_value() =>
        EqualityLaws.Hold(EntityId.Parse("cciaa-ms"), EntityId.Parse(" cciaa-ms"), EntityId.Parse("cciaa-lu"));

    [Fact]
    public void A_plan_of_an_entity_for_a_year_reads_back_as_the_same_id()
    {
        var id = PlanId.Of(EntityId.Parse("cciaa-ms"), 2021);

        PlanId.Parse(id.Value).ShouldBe(id);
        Should.Throw<ArgumentOutOfRangeException>(() => PlanId.Of(id.Entity, 1999));
    }
}
