using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Domain.Plans;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Entities;

/// <summary>
/// Given administrations and their ledger heads, when they are merged into a successor (issue #10: Massa-Carrara, Lucca
/// and Pisa into Toscana Nord-Ovest from 01/07/2022), then these events, refusals and lineages.
/// </summary>
public class MergerDeciderTests
{
    static readonly Instant After = Instant.FromUtc(2022, 7, 4, 9, 0);
    const string Act = "D.M. 16/02/2018";
    const string Tno = "Camera di Commercio della Toscana Nord-Ovest";
    static readonly LocalDate July1 = new(2022, 7, 1);

    static MergeEntities Merge(params string[] from) => new("cciaa-tno", Tno, from, July1, Act, Admin, After);

    static readonly Dictionary<string, PredecessorHead> Heads = new()
    {
        ["cciaa-ms"] = new("cciaa-ms", 1503, "ab12"),
        ["cciaa-lu"] = new("cciaa-lu", 294, "cd34"),
    };

    [Fact]
    public void A_merger_records_each_predecessors_head_and_dissolves_it_from_the_date()
    {
        var d = MergerDecider.Decide(Merge("cciaa-ms", "cciaa-lu", "cciaa-pi"),
            new Dictionary<string, Administration>(), Heads);

        d.Merged.ShouldBe(new EntityMerged("cciaa-tno", Tno, July1, Act, [
            new("cciaa-ms", 1503, "ab12"), new("cciaa-lu", 294, "cd34"), new("cciaa-pi", 0, ""),
        ], "admin", After), new MergedComparer());
        d.Dissolved.Select(x => (x.Entity, x.Successor, x.On)).ShouldBe([
            ("cciaa-ms", "cciaa-tno", July1), ("cciaa-lu", "cciaa-tno", July1), ("cciaa-pi", "cciaa-tno", July1)]);
    }

    [Fact]
    public void A_dissolved_administration_refuses_writes_and_says_where_its_functions_went()
    {
        var d = MergerDecider.Decide(Merge("cciaa-ms"), new Dictionary<string, Administration>(), Heads);
        var ms = Administration.Evolve(null, d.Dissolved[0]);

        ms.IsDissolved.ShouldBeTrue();
        Should.Throw<DomainException>(ms.RequireActive).Message.ShouldBe(
            "L'ente cciaa-ms è cessato il 30/06/2022: dal 01/07/2022 le sue funzioni sono di cciaa-tno (D.M. "
            + "16/02/2018). La sua storia è in sola lettura: registrare nei piani del successore.");
        Administration.New("cciaa-lu").RequireActive();
    }

    [Theory]
    [InlineData(new string[0], "almeno un ente")]
    [InlineData(new[] { "cciaa-ms", "cciaa-tno" }, "non può confluire in se stesso")]
    [InlineData(new[] { "cciaa-ms", "cciaa-ms" }, "indicato due volte")]
    public void A_merger_needs_distinct_predecessors_other_than_the_successor(string[] from, string error) =>
        Should.Throw<DomainException>(() => MergerDecider.Decide(Merge(from),
            new Dictionary<string, Administration>(), Heads)).Message.ShouldContain(error);

    [Fact]
    public void A_predecessor_merges_once_and_a_dissolved_administration_receives_no_one()
    {
        var first = MergerDecider.Decide(Merge("cciaa-ms"), new Dictionary<string, Administration>(), Heads);
        var states = new Dictionary<string, Administration>
        {
            ["cciaa-ms"] = Administration.Evolve(null, first.Dissolved[0]),
            ["cciaa-tno"] = Administration.Evolve(null, first.Merged),
        };

        Should.Throw<DomainException>(() => MergerDecider.Decide(Merge("cciaa-ms"), states, Heads))
            .Message.ShouldBe("L'ente cciaa-ms è già confluito in cciaa-tno dal 01/07/2022 (D.M. 16/02/2018).");
        Should.Throw<DomainException>(() => MergerDecider.Decide(
                new MergeEntities("cciaa-ms", "X", ["cciaa-lu"], July1, Act, Admin, After), states, Heads))
            .Message.ShouldContain("non può ricevere altri enti");
    }

    [Fact]
    public void A_merger_needs_an_admin_an_act_a_name_and_a_date_not_in_the_future()
    {
        var none = new Dictionary<string, Administration>();
        var oiv = new Actor("oiv", [Role.Oiv], []);
        Should.Throw<ForbiddenException>(() => MergerDecider.Decide(Merge("cciaa-ms") with { By = oiv }, none, Heads));
        Should.Throw<DomainException>(() => MergerDecider.Decide(Merge("cciaa-ms") with { Act = " " }, none, Heads))
            .Message.ShouldContain("atto della fusione");
        Should.Throw<DomainException>(() => MergerDecider.Decide(Merge("cciaa-ms") with { Name = "" }, none, Heads))
            .Message.ShouldContain("--name");
        Should.Throw<DomainException>(() => MergerDecider.Decide(
                Merge("cciaa-ms") with { Now = Instant.FromUtc(2022, 6, 30, 12, 0) }, none, Heads))
            .Message.ShouldBe("La fusione dal 01/07/2022 è futura (oggi è 30/06/2022): si registra dalla sua data in "
                + "poi, quando gli enti che confluiscono smettono di scrivere.");
    }

    [Fact]
    public void The_lineage_of_a_successor_reaches_predecessors_of_predecessors_once()
    {
        var tno = Administration.Evolve(null, MergerDecider.Decide(Merge("cciaa-ms", "cciaa-lu"),
            new Dictionary<string, Administration>(), Heads).Merged);
        var lu = Administration.Evolve(null, new EntityMerged("cciaa-lu", "Lucca", new LocalDate(2015, 1, 1), Act,
            [new("cciaa-old", 3, "ee")], "admin", After));
        var states = new Dictionary<string, Administration> { ["cciaa-tno"] = tno, ["cciaa-lu"] = lu };

        MergerDecider.LineageOf("cciaa-tno", e => states.GetValueOrDefault(e) ?? Administration.New(e))
            .ShouldBe(["cciaa-tno", "cciaa-ms", "cciaa-lu", "cciaa-old"]);
        MergerDecider.LineageOf("cciaa-pi", Administration.New).ShouldBe(["cciaa-pi"]);
    }

    [Fact]
    public void The_successors_first_plan_carries_a_predecessors_indicators_with_their_lineage()
    {
        var tno = Administration.Evolve(null, MergerDecider.Decide(Merge("cciaa-ms"),
            new Dictionary<string, Administration>(), Heads).Merged);
        var from = Approved() with { Id = "cciaa-ms-2021", Year = 2021, Horizon = [2021, 2022, 2023] };

        var next = Plan.Replay(RollForwardDecider.Decide(
            new RollPlanForward("cciaa-ms-2021", "cciaa-tno-2022", Admin, After), from, null, tno))!;

        (next.Id, next.Entity, next.EntityName, next.RolledForwardFrom)
            .ShouldBe(("cciaa-tno-2022", "cciaa-tno", Tno, "cciaa-ms-2021"));
        next.IndicatorOf("S3.2.1-a")!.Lineage.ShouldBe("cciaa-ms:S3.2.1-a");
        Should.Throw<DomainException>(() => RollForwardDecider.Decide(
                new RollPlanForward("cciaa-ms-2021", "cciaa-ms-2022", Admin, After), from, null, tno))
            .Message.ShouldBe("Il piano che segue cciaa-ms-2021 è cciaa-tno-2022 (l'ente cciaa-ms è confluito in "
                + "cciaa-tno), non cciaa-ms-2022.");
    }

    /// <summary>Records with lists compare by reference; this compares the merger's values.</summary>
    sealed class MergedComparer : IEqualityComparer<EntityMerged>
    {
        public bool Equals(EntityMerged? a, EntityMerged? b) => a is not null && b is not null
            && a with { Predecessors = [] } == b with { Predecessors = [] }
            && a.Predecessors.SequenceEqual(b.Predecessors);

        public int GetHashCode(EntityMerged m) => m.Entity.GetHashCode();
    }
}
