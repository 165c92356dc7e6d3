using NodaTime;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.History;

/// <summary>Given the approved seed plan, when it is amended, then these events, versions and histories.</summary>
public class AmendmentTests
{
    static readonly Instant May = Instant.FromUtc(2019, 5, 15, 9, 0);
    const string Act115 = "Determinazione SG n. 115 del 15/05/2019";

    static AmendPlan Amend(params PlanChange[] changes) =>
        new("cciaa-ms-2019", Act115, new LocalDate(2019, 5, 15), "riorganizzazione", changes, Admin, May);

    static IReadOnlyList<object> Events(Plan plan, AmendPlan amend) => AmendmentDecider.Decide(amend, plan);

    [Fact]
    public void A_target_revision_makes_version_2_citing_its_act()
    {
        var events = Events(Approved(), Amend(new ReviseTarget("S3.2.1-a", 2021, YearTarget.OfAmount(2021, 115))));

        events.ShouldBe([
            new PlanAmended("cciaa-ms-2019", 2, Act115, new LocalDate(2019, 5, 15), "riorganizzazione", "admin", May),
            new TargetRevised("cciaa-ms-2019", "S3.2.1-a", 2021, YearTarget.OfAmount(2021, 120),
                YearTarget.OfAmount(2021, 115), "riorganizzazione"),
        ]);
        var amended = Plan.Replay([.. ApprovedEvents(), .. events])!;
        amended.CurrentVersion.ShouldBe(2);
        amended.IndicatorOf("S3.2.1-a")!.TargetFor(2021)!.Amount.ShouldBe(115);
    }

    static IEnumerable<object> ApprovedEvents() => DraftEvents().Append(
        new PlanApproved("cciaa-ms-2019", "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31),
            "giunta", Approval));

    [Fact]
    public void Amendments_need_an_approved_open_plan_an_act_and_an_admin()
    {
        Should.Throw<DomainException>(() => Events(Draft(), Amend(new Withdraw("O1.2.4-a"))))
            .Message.ShouldContain("bozza");
        Should.Throw<DomainException>(() => Events(Approved(Closed), Amend(new Withdraw("O1.2.4-a"))))
            .Message.ShouldContain("chiuso");
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new Withdraw("O1.2.4-a")) with { Act = " " }))
            .Message.ShouldContain("atto");
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new Withdraw("O1.2.4-a")) with { By = Giunta }))
            .Message.ShouldContain("amministratore");
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new Withdraw("1.2.4"))))
            .Message.ShouldContain("ancora");
    }

    [Fact]
    public void Withdrawing_adding_reassigning_and_reweighting_are_changes_of_one_version()
    {
        var plan = Approved();
        var added = new IndicatorDefined("O1.2.4-b", Level.OperationalIndicator, "1.2.4", "Post sui social",
            "n. post >= 24", MeasureKind.Count, Comparator.AtLeast, [YearTarget.OfAmount(2019, 24)], ["U1.1"], ["PO5"]);
        var events = Events(plan, Amend(new Withdraw("O1.2.4-a"), new AddDefinition(added),
            new Reassign("O2.1.4-g", ["U0.1", "U1.1"], null), new ChangeMethodology(new Methodology(5, 50, 40, 60))));

        var v2 = Plan.Replay([.. ApprovedEvents(), .. events])!;
        v2.IndicatorOf("O1.2.4-a").ShouldBeNull();
        v2.IndicatorOf("O1.2.4-b")!.Lineage.ShouldBe("cciaa-ms:O1.2.4-b");
        v2.IndicatorOf("O2.1.4-g")!.Offices.ShouldBe(["U0.1", "U1.1"]);
        v2.Methodology.TolerancePercent.ShouldBe(5);
        PlanHistory.Diff(plan, v2).Select(d => (d.Kind, d.Code)).ShouldContain(("ritirato", "O1.2.4-a"));
        PlanHistory.Diff(plan, v2).Select(d => (d.Kind, d.Code)).ShouldContain(("aggiunto", "O1.2.4-b"));
        PlanHistory.Diff(plan, v2).Select(d => d.Code).ShouldContain("metodologia");
    }

    [Fact]
    public void The_plan_in_force_on_a_date_is_the_version_whose_act_is_in_force()
    {
        var events = ApprovedEvents()
            .Concat(Events(Approved(), Amend(new ReviseTarget("O1.2.4-a", 2019, YearTarget.OfAmount(2019, 10)))))
            .ToList();

        Plan.AsOf(events, new LocalDate(2019, 5, 14))!.IndicatorOf("O1.2.4-a")!.TargetFor(2019)!.Amount.ShouldBe(12);
        Plan.AsOf(events, new LocalDate(2019, 5, 15))!.IndicatorOf("O1.2.4-a")!.TargetFor(2019)!.Amount.ShouldBe(10);
        Plan.AsOf(events, new LocalDate(2019, 1, 30))!.Status.ShouldBe(PlanStatus.Draft);
        PlanHistory.AtVersion(events, 1)!.IndicatorOf("O1.2.4-a")!.TargetFor(2019)!.Amount.ShouldBe(12);
    }

    [Fact]
    public void Rolling_forward_keeps_the_tree_and_lineage_and_carries_targets_a_year_on()
    {
        var events = RollForwardDecider.Decide(
            new RollPlanForward("cciaa-ms-2019", "cciaa-ms-2020", Admin, May), Approved(), null);
        var next = Plan.Replay(events)!;

        (next.Year, next.Status, next.RolledForwardFrom).ShouldBe((2020, PlanStatus.Draft, "cciaa-ms-2019"));
        next.Horizon.ShouldBe([2020, 2021, 2022]);
        next.Indicators.Count.ShouldBe(77);
        next.IndicatorOf("S3.2.1-a")!.Targets.Select(t => t.Amount).ShouldBe([110m, 120m, 120m]);
        next.IndicatorOf("O1.2.3-a")!.TargetFor(2020)!.Dates.ShouldBe([new LocalDate(2020, 3, 31)]);
        next.IndicatorOf("S3.2.1-a")!.Lineage.ShouldBe("cciaa-ms:S3.2.1-a");
        next.Weights.Single(w => w.Holder == "SG").Weights.Sum(w => w.Weight).ShouldBe(100);
        Should.Throw<DomainException>(() => RollForwardDecider.Decide(
            new RollPlanForward("cciaa-ms-2019", "cciaa-ms-2021", Admin, May), Approved(), null));
    }

    [Fact]
    public void Target_history_lists_every_value_with_its_act()
    {
        var events = ApprovedEvents()
            .Concat(Events(Approved(), Amend(new ReviseTarget("S3.2.1-a", 2021, YearTarget.OfAmount(2021, 115)))))
            .ToList();

        var history = PlanHistory.TargetChanges(events, "cciaa-ms:S3.2.1-a").Where(c => c.TargetYear == 2021).ToList();

        history.Select(c => (c.Value!.Amount, c.Version, c.Act, c.EffectiveOn)).ShouldBe([
            (120m, 1, "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31)),
            (115m, 2, Act115, new LocalDate(2019, 5, 15)),
        ]);
    }

    static Plan After(params PlanChange[] changes) =>
        Plan.Replay([.. ApprovedEvents(), .. Events(Approved(), Amend(changes))])!;

    [Fact]
    public void Versions_follow_each_other_in_time()
    {
        var v2 = After(new ReviseTarget("O1.2.4-a", 2019, YearTarget.OfAmount(2019, 10)));
        Should.Throw<DomainException>(() => AmendmentDecider.Decide(
                Amend(new ReviseTarget("O1.2.4-a", 2019, YearTarget.OfAmount(2019, 8)))
                    with { EffectiveOn = new LocalDate(2019, 4, 1) }, v2))
            .Message.ShouldContain("precede la versione in vigore");
    }

    [Fact]
    public void Added_nodes_obey_the_same_tree_rules_as_an_import()
    {
        var misplaced = new OperationalObjectiveDefined("1.9.9", "1", "Obiettivo", [], null, [], []);
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new AddDefinition(misplaced))))
            .Message.ShouldContain("Obiettivo strategico");
        var noTarget = new IndicatorDefined("O1.2.4-b", Level.OperationalIndicator, "1.2.4", "Post", "",
            MeasureKind.Count, Comparator.AtLeast, [YearTarget.OfAmount(2020, 1)], ["U1.1"], []);
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new AddDefinition(noTarget))))
            .Message.ShouldContain("target 2019");
    }

    [Fact]
    public void A_renumbered_code_is_not_reused_for_another_indicator()
    {
        var renumbered = After(new Renumber("O1.2.4-a", "O1.2.4-z", null));
        var reuse = new IndicatorDefined("O1.2.4-a", Level.OperationalIndicator, "1.2.4", "Altro", "",
            MeasureKind.Count, Comparator.AtLeast, [YearTarget.OfAmount(2019, 1)], ["U1.1"], []);
        Should.Throw<DomainException>(() => AmendmentDecider.Decide(
                Amend(new AddDefinition(reuse)) with { EffectiveOn = new LocalDate(2019, 6, 1) }, renumbered))
            .Message.ShouldContain("rinumerato");
    }

    [Fact]
    public void A_holder_with_explicit_weights_needs_a_weight_on_a_new_indicator_and_withdrawals_leave_the_weights()
    {
        var sgIndicator = new IndicatorDefined("O1.2.4-b", Level.OperationalIndicator, "1.2.4", "Post", "",
            MeasureKind.Count, Comparator.AtLeast, [YearTarget.OfAmount(2019, 24)], ["U1.1"], ["SG"]);
        Should.Throw<DomainException>(() => Events(Approved(), Amend(new AddDefinition(sgIndicator))))
            .Message.ShouldContain("nessun peso su O1.2.4-b");

        var withdrawn = After(new Withdraw("O2.1.4-c"));
        withdrawn.Weights.SelectMany(w => w.Weights).ShouldNotContain(w => w.Indicator == "O2.1.4-c");
        withdrawn.WeightOf("PO3", "O2.1.4-e").ShouldBe(25);
    }

    [Fact]
    public void A_neutralisation_counts_from_the_date_of_its_act()
    {
        var neutralized = new IndicatorNeutralized("cciaa-ms-2019", "S1.1.1-b", "Det. SG n. 200 del 15/11/2019",
            "progetti sospesi", "admin", May) { EffectiveOn = new LocalDate(2019, 11, 15) };
        var events = ApprovedEvents().Append(neutralized).ToList();
        Plan.AsOf(events, new LocalDate(2019, 3, 31))!.NeutralizationOf("S1.1.1-b").ShouldBeNull();
        Plan.AsOf(events, new LocalDate(2019, 11, 15))!.NeutralizationOf("S1.1.1-b").ShouldNotBeNull();
    }
}
