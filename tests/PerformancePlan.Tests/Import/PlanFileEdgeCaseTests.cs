using NodaTime;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>Edge cases of plan files found in review; pure, no database.</summary>
public class PlanFileEdgeCaseTests
{
    static PlanImportResult Read(Func<List<string>, List<string>> edit) =>
        PlanFileImporter.Read(SheetReader.Read(SeedFiles.Variant(edit)), "cciaa-ms");

    [Fact]
    public void An_unclosed_quote_is_an_error_not_a_silently_shorter_plan()
    {
        var lines = SeedFiles.PlanLines().ToList();
        var text = string.Join('\n', SeedFiles.SetCell(lines, "1.2.2", "Descrizione", "\"Supporto e coordinamento"));
        Should.Throw<FormatException>(() => SheetReader.ReadCsv(text, "piano.csv")).Message.ShouldContain("virgolette");
    }

    [Fact]
    public void A_holder_weighted_twice_on_one_row_is_an_error()
    {
        var result = Read(l => SeedFiles.SetCell(l, "O3.1.3-a", "Pesi", "SG:8,55 SG:8,55"));
        result.Errors.ShouldContain(e => e.Message.Contains("ripetuto"));
    }

    [Fact]
    public void A_budget_on_an_indicator_row_is_an_error_not_dropped()
    {
        var result = Read(l => SeedFiles.SetCell(l, "O3.1.3-a", "Budget", "€ 1.000,00"));
        result.Errors.ShouldContain(e => e.Column == "Budget" && e.Message.Contains("obiettivi"));
    }

    [Fact]
    public void Entro_il_may_stand_before_each_deadline()
    {
        var result = Read(l => SeedFiles.SetCell(l, "S2.1.3-a", "Target 2020", "entro il 30/06 e entro il 31/12"));
        result.Errors.ShouldBeEmpty();
        result.Plan!.Definitions.OfType<IndicatorDefined>().Single(i => i.Code == "S2.1.3-a").Targets[1].Dates
            .ShouldBe([new LocalDate(2020, 6, 30), new LocalDate(2020, 12, 31)]);
    }

    [Fact]
    public void Two_numbers_in_one_cell_are_not_read_as_one()
    {
        Read(l => SeedFiles.SetCell(l, "S3.2.3-a", "Target 2019", "10 12"))
            .Errors.ShouldContain(e => e.Value == "10 12");
    }
}
