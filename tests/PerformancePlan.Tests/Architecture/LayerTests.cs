using System.Reflection;
using NetArchTest.Rules;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Tests.Architecture;

/// <summary>
/// The layers of the host (docs/architecture.md, ADR 0001): the application layer depends on no transport, the
/// transports (CLI, HTTP and pages) never on each other, the components on neither; the domain on nothing but
/// NodaTime and FluentValidation.
/// </summary>
public class LayerTests
{
    const string Host = "PerformancePlan.Host";
    static readonly Assembly HostAssembly = typeof(PerformancePlan.Host.Application.AppJson).Assembly;

    public static TheoryData<string, string> Forbidden => new()
    {
        { $"{Host}.Application", $"{Host}.Cli" },
        { $"{Host}.Application", $"{Host}.Web" },
        { $"{Host}.Application", $"{Host}.Components" },
        { $"{Host}.Web", $"{Host}.Cli" },
        { $"{Host}.Cli", $"{Host}.Web" },
        { $"{Host}.Components", $"{Host}.Cli" },
        { $"{Host}.Components", $"{Host}.Web" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_layer_does_not_depend_on_another_it_must_not_know(string layer, string forbidden)
    {
        var result = Types.InAssembly(HostAssembly).That().ResideInNamespaceMatching(Within(layer))
            .Should().NotHaveDependencyOnAny(forbidden).GetResult();

        result.SelectedTypesForTesting.ShouldNotBeEmpty();
        (result.FailingTypes ?? []).Select(t => t.FullName).ShouldBeEmpty($"{layer} must not use {forbidden}");
    }

    /// <summary>The namespace and those below it, as a regular expression.</summary>
    static string Within(string ns) => "^" + System.Text.RegularExpressions.Regex.Escape(ns) + @"(\.|$)";

    [Fact]
    public void The_domain_references_nothing_but_NodaTime_and_FluentValidation()
    {
        var references = typeof(Plan).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Where(n => !(n.StartsWith("System") || n is "netstandard" or "NodaTime" or "FluentValidation"))
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_checker_sees_a_dependency_that_exists()
    {
        // Guards the tests above against passing vacuously (a wrong namespace matches no type at all).
        var result = Types.InAssembly(HostAssembly).That().ResideInNamespaceMatching(Within($"{Host}.Cli"))
            .Should().NotHaveDependencyOnAny($"{Host}.Application").GetResult();

        result.IsSuccessful.ShouldBeFalse();
    }
}
