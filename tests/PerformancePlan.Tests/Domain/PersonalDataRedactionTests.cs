using PerformancePlan.Domain.Access;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Domain;

/// <summary>
/// Issue #14, privacy by arithmetic: holder assignments and weights are personal data, left out for whoever may not
/// read that holder's scorecard, so public scores cannot be recombined into an individual's score.
/// </summary>
public class PersonalDataRedactionTests
{
    [Fact]
    public void An_anonymous_reader_sees_no_holder_an_analyst_neither_a_holder_their_own_the_OIV_all()
    {
        var plan = SeedPlan.Approved();
        var anonymous = AccessPolicy.Redacted(plan, new Actor("anonimo", [], []));
        anonymous.Indicators.SelectMany(i => i.Holders).ShouldBeEmpty();
        anonymous.Weights.ShouldBeEmpty();
        AccessPolicy.Redacted(plan, new Actor("analista", [Role.Analyst], [])).HolderCodes.ShouldBeEmpty();
        AccessPolicy.Redacted(plan, new Actor("po2", [Role.Holder], [], "PO2")).HolderCodes.ShouldBe(["PO2"]);
        AccessPolicy.Redacted(plan, new Actor("oiv", [Role.Oiv], [])).ShouldBeSameAs(plan);
        anonymous.Indicators.Count.ShouldBe(plan.Indicators.Count);          // the plan itself stays public
    }
}
