using System.IO.Compression;
using System.Text;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application.Exports;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Import;

/// <summary>
/// What spreadsheets really produce (Cases/files), read by the one reader of plans, amendments and results: the
/// cells as the user wrote them, or a clear Italian refusal. Pure, no database.
/// </summary>
public class UserFileReadingTests
{
    static RawSheet Case(string name) => SheetReader.Read(SeedFiles.Case("files", name));

    static string Temp(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-read-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Excel_sep_line_is_skipped_and_rows_are_numbered_as_Excel_shows_them()
    {
        var sheet = Case("B09a-sep-line.csv");

        sheet.Headers.ShouldBe(["Codice", "Valore", "Riferito al", "Periodo", "Note"]);
        sheet.Rows.Single().Number.ShouldBe(2);
        (sheet.Rows[0]["Codice"], sheet.Rows[0]["Valore"]).ShouldBe(("O1.1.1-a", "3"));
    }

    [Fact]
    public void A_plain_Excel_CSV_in_Windows_1252_is_read_with_its_accents_and_euro_sign()
    {
        Case("B09b-cp1252.csv").Rows.Single()["Note"].ShouldBe("Qualità verificata € cp1252");
        var plan = Case("B09g-plan-cp1252.csv").Rows.Single();
        (plan["Descrizione"], plan["Budget"]).ShouldBe(("Città di prova", "€ 1.000,00"));
    }

    [Fact]
    public void A_comma_separated_file_is_refused_naming_the_comma()
    {
        var error = Should.Throw<FormatException>(() => Case("B09d-comma.csv")).Message;

        error.ShouldContain("separate da «,» (virgola), non da «;»");
        error.ShouldContain("Come correggere");
    }

    [Fact]
    public void A_sep_line_declaring_another_separator_is_refused_naming_it()
    {
        var path = Temp("r.csv", Encoding.UTF8.GetBytes("sep=,\nCodice,Valore\n"));

        Should.Throw<FormatException>(() => SheetReader.Read(path)).Message.ShouldContain("«sep=,»");
    }

    [Fact]
    public void Xlsx_percent_cells_are_percentages_dates_are_dates_numbers_are_Italian()
    {
        var sheet = Case("B04-plan-excel.xlsx");
        string Cell(string code, string column) => sheet.Rows.Single(r => r["Codice"] == code)[column];

        Cell("S1.1.1-a", "Target 2019").ShouldBe("80%");
        Cell("O1.1.1-a", "Target 2019").ShouldBe("31/03/2019");
        Cell("O1.1.1-b", "Target 2019").ShouldBe("12");
        Cell("O1.1.1-c", "Target 2019").ShouldBe("80%");
        Cell("ENTE", "Budget").ShouldBe("669610,68");
    }

    [Fact]
    public void The_xlsx_plan_has_an_80_percent_target_not_0_8()
    {
        var result = PlanFileImporter.Read(Case("B04-plan-excel.xlsx"), "cciaa-ms");

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var s = result.Plan!.Definitions.OfType<IndicatorDefined>().Single(i => i.Code == "S1.1.1-a");
        s.Targets.Select(t => t.Amount).ShouldBe(new decimal?[] { 80, 80, 80 });
    }

    [Fact]
    public void An_xlsx_result_typed_as_85_percent_is_85_percent()
    {
        var row = Case("B04b-risultato-percentuale-excel.xlsx").Rows.Single();

        (row["Valore"], row["Riferito al"]).ShouldBe(("85%", "30/06/2019"));
    }

    [Theory]
    [InlineData("0%", true)]
    [InlineData("0.0%", true)]
    [InlineData("0.00%;[Red]-0.00%", true)]
    [InlineData("#,##0.00 €", false)]
    [InlineData("0\" %\"", false)]
    [InlineData("0\\%", false)]
    [InlineData("General", false)]
    public void A_percent_format_is_one_with_a_percent_sign_outside_literals(string format, bool percent) =>
        XlsxCell.IsPercent(format).ShouldBe(percent);

    [Fact]
    public void A_stored_percentage_keeps_its_decimals_not_the_rounding_shown() =>
        XlsxCell.Text(0.875, "0%").ShouldBe("87,5%");

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_refused_clearly()
    {
        var text = Temp("piano.xlsx", Encoding.UTF8.GetBytes("Codice;Valore\nO1;3\n"));
        var zip = Path.Combine(Directory.CreateTempSubdirectory("perfplan-read-").FullName, "piano.xlsx");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create)) archive.CreateEntry("leggimi.txt");

        foreach (var path in new[] { text, zip })
            Should.Throw<FormatException>(() => SheetReader.Read(path)).Message
                .ShouldContain("non è una cartella di lavoro Excel (.xlsx)");
    }

    [Fact]
    public void Utf8_with_or_without_BOM_and_utf16_with_BOM_read_alike()
    {
        const string text = "Codice;Note\nO1;Qualità €\n";
        var encodings = new Encoding[] { new UTF8Encoding(true), new UTF8Encoding(false), Encoding.Unicode };

        foreach (var encoding in encodings)
        {
            var path = Temp("r.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            SheetReader.Read(path).Rows.Single()["Note"].ShouldBe("Qualità €");
        }
    }

    [Fact]
    public void A_text_that_is_neither_utf8_nor_Windows_1252_is_refused_with_what_to_do()
    {
        var cyrillic = CodePagesEncodingProvider.Instance.GetEncoding(1251)!
            .GetBytes("Codice;Note\nO1;Качество проверено всеми службами города\n");

        var error = Should.Throw<FormatException>(() => SheetReader.Read(Temp("r.csv", cyrillic))).Message;

        error.ShouldContain("codifica dei caratteri non riconosciuta");
        error.ShouldContain("CSV UTF-8");
    }

    [Fact]
    public void A_quote_inside_a_cell_is_text_but_a_quote_closed_early_is_refused()
    {
        SheetReader.ReadCsv("Codice;Note\nO1;monitor 24\" nuovo\n", "r.csv").Rows.Single()["Note"]
            .ShouldBe("monitor 24\" nuovo");
        Should.Throw<FormatException>(() => SheetReader.ReadCsv("Codice;Note\nO1;\"a\"b\n", "r.csv"))
            .Message.ShouldContain("riga 2: testo dopo le virgolette");
    }

    sealed record Row(IReadOnlyDictionary<string, object?> Values) : IExportRow
    {
        public IReadOnlyDictionary<string, object?> Cells() => Values;
    }

    [Fact]
    public void The_export_writes_semicolons_decimal_commas_and_quotes_where_needed()
    {
        var csv = CsvWriter.Write([new Row(new Dictionary<string, object?>
            { ["Codice"] = "O1", ["Nota"] = "a;b \"c\"", ["Valore"] = 87.5m, ["Vuoto"] = null })]);

        csv.ShouldBe("Codice;Nota;Valore;Vuoto\r\nO1;\"a;b \"\"c\"\"\";87,5;\r\n");
    }
}
