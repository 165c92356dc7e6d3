using System.Reflection;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Tests.Domain;

/// <summary>The rules of the architecture, as tests (ADR 0001).</summary>
public class ArchitectureTests
{
    static readonly Assembly DomainAssembly = typeof(Plan).Assembly;

    [Fact]
    public void The_domain_references_no_Marten_Npgsql_or_ASP_NET()
    {
        var references = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.ShouldNotContain(n => n.StartsWith("Marten") || n.StartsWith("Npgsql") || n.StartsWith("JasperFx")
                                         || n.StartsWith("Microsoft.AspNetCore"));
    }

    [Fact]
    public void Every_event_is_a_sealed_record_with_a_unique_name()
    {
        var events = PerformancePlan.Projections.EventStore.EventTypes;
        events.ShouldAllBe(t => t.IsSealed && t.GetMethod("<Clone>$") != null);
        events.Select(t => t.Name).Distinct().Count().ShouldBe(events.Length);
        events.ShouldAllBe(t => t.Assembly == DomainAssembly);
    }

    [Fact]
    public void Every_event_type_of_the_domain_is_registered_with_the_store()
    {
        string[] pastTense =
        [
            "Defined", "Drafted", "Imported", "Assigned", "Approved", "Closed", "Neutralized", "Recorded", "Amended",
            "Revised", "Withdrawn", "Reassigned", "Changed", "Reverted", "Renumbered", "Digested", "Validated",
            "Reopened", "Merged", "Dissolved"
        ];
        var declared = DomainAssembly.GetTypes()
            .Where(t => t.GetMethod("<Clone>$") != null && pastTense.Any(t.Name.EndsWith));
        PerformancePlan.Projections.EventStore.EventTypes.ShouldBe(declared, ignoreOrder: true);
    }
}
