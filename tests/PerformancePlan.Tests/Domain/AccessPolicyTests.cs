using AutoFixture;
using PerformancePlan.Domain.Access;

namespace PerformancePlan.Tests.Domain;

/// <summary>
/// Individual scorecards are personal data (BRIEF §4): the OIV, an admin, the SG and the holder only. User names,
/// offices and other holders' codes do not matter here, so AutoFixture makes them up.
/// </summary>
public class AccessPolicyTests
{
    readonly Fixture _any = new();

    Actor ActorWith(Role role, string? holder = null) =>
        new(_any.Create<string>(), [role], _any.CreateMany<string>(2).ToList(), holder);

    [Theory]
    [InlineData(Role.Oiv)]
    [InlineData(Role.Admin)]
    public void The_OIV_and_an_admin_read_every_scorecard(Role role) =>
        AccessPolicy.MayReadScorecard(ActorWith(role), _any.Create<string>()).ShouldBeTrue();

    [Fact]
    public void The_SG_reads_every_scorecard() =>
        AccessPolicy.MayReadScorecard(ActorWith(Role.Holder, "sg"), "PO3").ShouldBeTrue();

    [Fact]
    public void A_holder_reads_their_own_scorecard_and_no_other()
    {
        var po2 = ActorWith(Role.Holder, "PO2");

        AccessPolicy.MayReadScorecard(po2, "po2").ShouldBeTrue();
        AccessPolicy.MayReadScorecard(po2, "PO3").ShouldBeFalse();
    }

    [Theory]
    [InlineData(Role.Analyst)]
    [InlineData(Role.OfficeStaff)]
    [InlineData(Role.Approver)]
    public void Other_roles_read_no_scorecard(Role role) =>
        AccessPolicy.MayReadScorecard(ActorWith(role), "PO2").ShouldBeFalse();

    [Theory]
    [InlineData(Role.Oiv, true, true)]
    [InlineData(Role.Admin, true, true)]
    [InlineData(Role.Analyst, true, false)]
    [InlineData(Role.OfficeStaff, false, false)]
    [InlineData(Role.Approver, false, false)]
    [InlineData(Role.Holder, false, false)]
    public void The_audit_trail_and_the_OIV_replay_name_people(Role role, bool audit, bool replay)
    {
        AccessPolicy.MayReadAudit(ActorWith(role)).ShouldBe(audit);
        AccessPolicy.MayReadOivReplay(ActorWith(role)).ShouldBe(replay);
    }
}
