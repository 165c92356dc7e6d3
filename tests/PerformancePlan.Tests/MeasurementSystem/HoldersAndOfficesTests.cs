using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>Issue #9: how a <i>Titolari</i> or <i>Uffici</i> cell is read, with and without the plan's
/// registry.</summary>
public class HoldersAndOfficesTests
{
    static readonly PlanRegistry Registry = new([
        new RegistryEntryDefined(RegistryKind.Office, "AVV. GEN.", "Avvocatura generale"),
        new RegistryEntryDefined(RegistryKind.Office, "DCRA", "Direzione centrale rapporto assicurativo"),
    ]);

    [Theory]
    [InlineData("U1.1 ISR TUTTI", new[] { "U1.1", "ISR", "TUTTI" })]               // the seed's form
    [InlineData("SERV-RI U.O.RAGIONERIA", new[] { "SERV-RI", "U.O.RAGIONERIA" })]    // G15
    [InlineData("Area Anagrafe, Area Promozione", new[] { "Area Anagrafe", "Area Promozione" })]
    [InlineData("DCRA CSA AVV. GEN.", new[] { "DCRA", "CSA", "AVV. GEN." })]        // A3: an abbreviation is one
    public void Codes_and_comma_lists_read_as_written(string cell, string[] offices) =>
        CellParsers.Offices(cell).Value.ShouldBe(offices);

    [Fact]
    public void An_office_written_in_words_is_one_office_with_a_warning_never_five()
    {
        var read = CellParsers.Offices("Ufficio Ragioneria e diritto annuale");     // G20

        read.Value.ShouldBe(["Ufficio Ragioneria e diritto annuale"]);
        read.AllWarnings.Single().ShouldContain("letto come un solo ufficio");
    }

    [Fact]
    public void With_a_registry_an_unknown_office_is_an_error_and_names_resolve_to_codes()
    {
        CellParsers.Offices("Avvocatura generale, DCRA", Registry).Value.ShouldBe(["AVV. GEN.", "DCRA"]);
        CellParsers.Offices("DCRA AVV. GEN.", Registry).Value.ShouldBe(["DCRA", "AVV. GEN."]);
        var unknown = CellParsers.Offices("DCRA CSA", Registry);
        unknown.Ok.ShouldBeFalse();
        unknown.Error!.ShouldContain("«CSA» non è tra quelli dichiarati");
    }

    [Fact]
    public void Holders_keep_the_seed_correction_of_a_zero_for_the_letter_O()
    {
        var read = CellParsers.Holders("SG P02");
        read.Value.ShouldBe(["SG", "PO2"]);
        read.AllWarnings.ShouldContain("titolare «P02» letto come «PO2»");
        CellParsers.Holders("DG AG").Value.ShouldBe(["DG", "AG"]);                   // G01: dirigenti
    }

    [Fact]
    public void Weights_may_name_a_holder_in_words()
    {
        CellParsers.Weights("Segretario Generale:60 PO3:40").Value
            .ShouldBe([("Segretario Generale", 60m), ("PO3", 40m)]);
        CellParsers.Weights("SG 60").Ok.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Obiettivo operatvo", "forse «Obiettivo operativo»")]
    [InlineData("Area strategca", "forse «Area strategica»")]
    public void A_level_one_letter_away_from_a_seed_level_is_a_typo_not_a_new_level(string level, string fix)
    {
        var read = LevelNames.Read(level, Methodology.Default);
        read.Ok.ShouldBeFalse();
        read.Fix!.ShouldContain(fix);
    }

    [Theory]
    [InlineData("Obiettivo individuale", Level.Objective)]
    [InlineData("Missione", Level.Objective)]
    [InlineData("Indicatore di risultato", Level.OperationalIndicator)]
    [InlineData("Obiettivo operativo", Level.OperationalObjective)]
    public void Any_other_level_name_is_the_plan_s_own(string name, Level level) =>
        LevelNames.Read(name, Methodology.Default).Value!.ShouldBe(new LevelReading(level, name));
}
