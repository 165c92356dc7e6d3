using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9: every plan and probe of other administrations (<c>shared/cases</c>, copied unedited) imports as written,
/// or is refused with row, column, value and fix when the file itself is wrong. Measures are asserted at their edges in
/// <c>Measures/</c>; here, what each file needs of the tree, codes, holders, offices, levels and methodology.
/// </summary>
public class CaseFilesTests
{
    static PlanImportResult Import(string folder, string name) =>
        PlanFileImporter.Read(SheetReader.Read(SeedFiles.Case(folder, name)), "prova");

    static Plan Imported(string folder, string name)
    {
        var result = Import(folder, name);
        result.Errors.ShouldBeEmpty();
        return Plan.Replay(PlanDecider.Decide(new ImportPlan(result.Plan!, name, SeedPlan.Admin, SeedPlan.Approval),
            null))!;
    }

    public static TheoryData<string, string> Importable => new()
    {
        { "plans", "A1-cciaa-mt-2017-asis.csv" }, { "plans", "A2-giustizia-dap-2017.csv" },
        { "plans", "A2b-giustizia-dag-2019.csv" }, { "plans", "A3-inail-2019.csv" },
        { "probes", "G00-baseline.csv" }, { "probes", "G01-holder-dirigente.csv" },
        { "probes", "G02-percent-over-100.csv" }, { "probes", "G03-negative-itp.csv" },
        { "probes", "G04-decimal-count.csv" }, { "probes", "G05-strict-less.csv" }, { "probes", "G06-range.csv" },
        { "probes", "G07-baseline-relative.csv" }, { "probes", "G08-benchmark.csv" },
        { "probes", "G09-boolean.csv" }, { "probes", "G10-text-project.csv" }, { "probes", "G11-ratio-target.csv" },
        { "probes", "G12-level-obiettivo-individuale.csv" }, { "probes", "G13-code-ministry.csv" },
        { "probes", "G14-code-4-levels.csv" }, { "probes", "G15-office-names.csv" },
        { "probes", "G16-perspective-piao.csv" }, { "probes", "G18-methodology-row.csv" },
        { "probes", "G19-quarterly-days.csv" }, { "probes", "G20-office-with-spaces.csv" },
        { "probes", "G21-annual-only.csv" }, { "probes", "G22-four-years.csv" },
        { "probes", "G23-intermediate-targets.csv" },
    };

    [Theory]
    [MemberData(nameof(Importable))]
    public void It_imports_as_written(string folder, string name)
    {
        var result = Import(folder, name);
        result.Errors.ShouldBeEmpty();
        result.Plan!.Definitions.OfType<IndicatorDefined>().ShouldNotBeEmpty();
    }

    [Fact]
    public void G17_points_not_summing_to_100_are_refused_until_the_plan_says_its_weights_are_relative()
    {
        var error = Import("probes", "G17-weights-not-100.csv").Errors.Single();

        (error.Row, error.Column, error.Value).ShouldBe((7, "Pesi", "1,54"));
        error.Fix.ShouldContain("«relativi»");
        var declared = PlanText.Import(File.ReadAllLines(SeedFiles.Case("probes", "G17-weights-not-100.csv"))
            .Append("Metodologia;pesi titolari;;Pesi in punti;;;;;;relativi;;;;;"));
        declared.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Holders_and_offices_are_any_codes_and_words_are_one_name()
    {
        Imported("probes", "G01-holder-dirigente.csv").IndicatorOf("O1.1.1-a")!.Holders.ShouldBe(["DG", "AG"]);
        Imported("probes", "G15-office-names.csv").IndicatorOf("O1.1.1-a")!.Offices
            .ShouldBe(["SERV-RI", "U.O.RAGIONERIA"]);
        var g20 = Import("probes", "G20-office-with-spaces.csv");
        Plan.Replay(PlanDecider.Decide(new ImportPlan(g20.Plan!, "g20", SeedPlan.Admin, SeedPlan.Approval), null))!
            .IndicatorOf("O1.1.1-a")!.Offices.ShouldBe(["Ufficio Ragioneria e diritto annuale"]);
        g20.Warnings.Single().Message.ShouldContain("letto come un solo ufficio");
        Imported("plans", "A3-inail-2019.csv").IndicatorOf("O1.4.1-a")!.Offices.ShouldBe(["DCRA", "CSA", "AVV. GEN."]);
        Imported("plans", "A1-cciaa-mt-2017-asis.csv").IndicatorOf("KPI07")!.Holders.ShouldBe(["Segretario Generale"]);
    }

    [Fact]
    public void Codes_levels_and_perspectives_are_the_administration_s_own()
    {
        var g12 = Imported("probes", "G12-level-obiettivo-individuale.csv").Node("I.1")!;
        (g12.LevelName, g12.Parent, g12.Holders.Single()).ShouldBe(("Obiettivo individuale", "ENTE", "DIR1"));
        Imported("probes", "G13-code-ministry.csv").IndicatorOf("149.1")!.Parent.ShouldBe("1.1.1");
        var g14 = Imported("probes", "G14-code-4-levels.csv");
        (g14.DepthOf("1.1.1.1"), g14.IndicatorOf("O1.1.1.1-a")!.Parent).ShouldBe((4, "1.1.1.1"));
        Imported("probes", "G16-perspective-piao.csv").Node("1.2")!.Perspectives.ShouldBe([Perspective.PublicValue]);
        var a1 = Imported("plans", "A1-cciaa-mt-2017-asis.csv");
        a1.Node("011.005")!.Parent.ShouldBe("011");                                  // leading zeros kept
        a1.IndicatorsOf("011.005").Select(i => i.Code).ShouldBe(["KPI01", "KPI02", "KPI03", "KPI04", "KPI05", "KPI06"]);
    }

    [Fact]
    public void A_methodology_row_in_the_plan_file_is_the_plan_s_rule()
    {
        var g18 = Imported("probes", "G18-methodology-row.csv");
        g18.Methodology.TolerancePercent.ShouldBe(0);
        g18.Methodology.CriticalThresholdPercent.ShouldBe(50);
    }

    [Fact]
    public void One_year_and_four_year_horizons_are_read_as_written()
    {
        Imported("probes", "G21-annual-only.csv").Horizon.ShouldBe([2023]);
        Imported("probes", "G22-four-years.csv").Horizon.ShouldBe([2023, 2024, 2025, 2026]);
    }
}
