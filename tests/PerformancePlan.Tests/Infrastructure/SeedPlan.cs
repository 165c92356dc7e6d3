using PerformancePlan.Domain.Identity;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>The seed plan as domain state, and results written out as events, for pure Given/Then tests.</summary>
public static class SeedPlan
{
    /// <summary>The seed plan's id, as the services take it.</summary>
    public static readonly PlanId Id = PlanId.Parse("cciaa-ms-2019");

    public static readonly Instant Approval = Instant.FromUtc(2019, 1, 31, 10, 0);
    public static readonly Actor Admin = new("admin", [Role.Admin], [], Entities: [Actor.AllEntities]);
    public static readonly Actor Giunta = new("giunta", [Role.Approver], [], Entities: [Actor.AllEntities]);

    static readonly PlanDefinition Definition = PlanFileImporter.Read(SeedFiles.PlanSheet(), "cciaa-ms").Plan!;

    public static IReadOnlyList<object> DraftEvents() =>
        PlanDecider.Decide(new ImportPlan(Definition, "cciaa-ms-2019.csv", SeedPlan.Admin, Approval), null);

    public static Plan Draft() => Plan.Replay(DraftEvents())!;

    /// <summary>The seed plan approved by Delibera n. 7, then <paramref name="more"/> plan events.</summary>
    public static Plan Approved(params object[] more) => Plan.Replay(DraftEvents()
        .Append(new PlanApproved("cciaa-ms-2019", "Delibera di Giunta n. 7 del 31/01/2019", new LocalDate(2019, 1, 31),
            "giunta", Approval))
        .Concat(more))!;

    public static PlanClosed Closed =>
        new("cciaa-ms-2019", new LocalDate(2019, 12, 31), "admin", Instant.FromUtc(2020, 1, 15, 9, 0));

    public static ResultRecorded Amount(
        string code, decimal value, LocalDate? on = null, string? period = null, int minute = 0) =>
        new("cciaa-ms-2019", code, Guid.NewGuid(), new ResultValue(value, null), on ?? new LocalDate(2019, 4, 30),
            period, "", "admin", Instant.FromUtc(2019, 5, 2, 9, minute));

    public static ResultRecorded Done(string code, LocalDate completed, string? period = null) =>
        new("cciaa-ms-2019", code, Guid.NewGuid(), new ResultValue(null, completed), completed, period, "", "admin",
            Instant.FromUtc(2019, 5, 2, 9, 0));

    /// <summary>
    /// Results as the inline projection folds them, one <see cref="IndicatorResults"/> per indicator.
    /// </summary>
    public static IReadOnlyList<IndicatorResults> Given(params ResultRecorded[] events) => events
        .GroupBy(e => e.Indicator)
        .Select(g => g.Aggregate((IndicatorResults?)null, (s, e) => IndicatorResults.Evolve(s, e))!).ToList();

    /// <summary>The 2019 results shown in the seed's Allegato 2 (what the demo records).</summary>
    public static ResultRecorded[] Allegato2() =>
    [
        Done("O1.2.3-a", new LocalDate(2019, 3, 29)),
        Amount("O1.2.4-a", 3), Amount("O2.1.1-b", 4), Amount("O2.1.4-e", 15, period: "Q1"),
        Amount("S2.1.1-b", 100), Amount("S2.1.4-b", 100), Amount("S2.1.4-c", 100), Amount("O2.1.4-b", 100),
    ];
}
