using System.Text;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Fuzz;

/// <summary>What a hostile or careless file must get: refused (exit 2, nothing written), imported, or either.</summary>
public enum Expect { Either, Refused, Imported }

/// <summary>One generated file: its name (the extension chooses the reader), its bytes, what it must get, and for
/// a refusal the words the message must say.</summary>
public sealed record FuzzFile(string Name, byte[] Bytes, Expect Expect, string? MustSay = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The corpus of #14, generated: the seed plan and the seed results with one defect each (encodings, BOMs, files that
/// are not what their name says, NUL, NaN, 1e308, Unicode digits, «80%%», duplicate columns, year 0001, huge or
/// very long cells, empty or header-only files), as CSV and as hand-written .xlsx.
/// </summary>
public static class FuzzCorpus
{
    static FuzzCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Values put into a number or date cell: each must be refused or read as what it says.</summary>
    public static readonly string[] HostileValues =
    [
        "1e308", "1E+308", "-1e308", "NaN", "Infinity", "-Infinity", "99999999999999999999999999999999", "0x1F",
        "1\u0000", "\u0000", "３０", "１", "١٢", "৩", "80%%", "%80", "80 %%", "--5", "+-5", "5-", "1.2.3,4,5",
        "0,0000000000000000000000000001", "1e-308", "-0", "∞", "12\u200B", "\u202E21", "1 2", "=1+1", "@SUM(A1)",
        "\t12", "12\r", "\u001b[2J12", "null", "undefined", "true", "'12", "\"12\"", "12\u00A0", "٫5", "½",
        "01/01/0001", "00/00/0000", "31/02/2019", "３０/06/2019", "30/06/２０19", "30-06-2019", "2019-06-30",
        "30/06/19", "30/06/99999", "1/1/1", "30/06/2019 25:61", new string('9', 400), new string('x', 70_000),
        "\uFEFF12",
    ];

    /// <summary>Values put into a code, a description, a weight or a note.</summary>
    public static readonly string[] HostileTexts =
    [
        "\u0000", "a\u0000b", "\u001b[2J\u001b[31mrosso", "\u0007", "O１.2.4-a", "SG:１00", "=HYPERLINK(\"x\")",
        "+1", "-1", "@A1", "\u202Eabc", "💥", "e\u0301", "\uD800", new string('x', 70_000), "80%%", "",
    ];

    /// <summary>Plan files: the seed plan, broken in one way each.</summary>
    public static IEnumerable<FuzzFile> Plans()
    {
        var lines = SmallPlan();
        var text = string.Join("\r\n", lines) + "\r\n";
        foreach (var f in Encodings("piano", text, Expect.Imported)) yield return f;
        foreach (var f in Containers("piano")) yield return f;
        foreach (var f in Structure("piano", lines, "Target 2019")) yield return f;
        var cells = new (string Code, string Column, string[] Values)[]
        {
            ("S1.1.1-a", "Target 2019", HostileValues), ("O1.2.3-a", "Target 2019", HostileValues),
            ("O1.2.4-a", "Target 2019", HostileValues), ("S1.1.1-a", "Pesi", HostileTexts),
            ("O1.2.4-a", "Codice", HostileTexts), ("O1.2.4-a", "Descrizione", HostileTexts),
        };
        foreach (var (code, column, values) in cells)
            for (var v = 0; v < values.Length; v++)
            {
                var edited = SeedFiles.SetCell(lines.ToList(), code, column, Quote(values[v]));
                var expect = MustRefuseInPlan(column, values[v]) ? Expect.Refused : Expect.Either;
                yield return new($"piano-{code}-{Slug(column)}-{v:00}.csv", Utf8(edited), expect);
            }
        for (var v = 0; v < HostileValues.Length; v += 3)
            yield return new($"piano-cella-{v:00}.xlsx", Xlsx("O1.2.4-a", "Target 2019", HostileValues[v]),
                MustRefuseInPlan("Target 2019", HostileValues[v]) ? Expect.Refused : Expect.Either);
        foreach (var (number, v) in new[] { "#1e308", "#NaN", "#-1E+308", "#INF", "#abc" }.Select((n, v) => (n, v)))
            yield return new($"piano-numero-{v}.xlsx", Xlsx("O1.2.4-a", "Target 2019", number), Expect.Refused);
    }

    /// <summary>
    /// The seed plan's first area (23 rows: every level, a percentage, deadlines, counts), with one weighted holder
    /// (SG, 100 on S1.1.1-a): small, so that hundreds of imports stay fast.
    /// </summary>
    public static string[] SmallPlan() => SeedFiles.PlanLines().Take(24).Select((line, n) =>
    {
        if (n == 0) return line;
        var cells = line.Split(';')[..15];
        var weighted = line.StartsWith("Indicatore strategico;S1.1.1-a;");
        if (line.StartsWith("Indicatore")) cells[13] = weighted ? "SG" : "";
        cells[14] = weighted ? "SG:100" : "";
        return string.Join(';', cells);
    }).ToArray();

    /// <summary>Results files for the approved seed plan: the seed results, broken in one way each.</summary>
    public static IEnumerable<FuzzFile> Results()
    {
        var lines = File.ReadAllLines(ResultsPath);
        var text = string.Join("\r\n", lines) + "\r\n";
        foreach (var f in Encodings("risultati", text, Expect.Imported)) yield return f;
        foreach (var f in Containers("risultati")) yield return f;
        foreach (var f in Structure("risultati", lines, "Valore")) yield return f;
        foreach (var (row, column) in new[] { (1, 1), (2, 1), (4, 1), (2, 2), (1, 0), (3, 4) })
        {
            var values = column is 0 or 4 ? HostileTexts : HostileValues;
            for (var v = 0; v < values.Length; v++)
            {
                var edited = lines.ToArray();
                var cells = edited[row].Split(';');
                cells[column] = Quote(values[v]);
                edited[row] = string.Join(';', cells);
                var expect = MustRefuseInResults(row, column, values[v]) ? Expect.Refused : Expect.Either;
                yield return new($"risultati-r{row}c{column}-{v:00}.csv", Utf8(edited), expect);
            }
        }
        var sheet = lines.Select(l => (IReadOnlyList<string>)l.Split(';')).ToList();
        foreach (var number in new[] { "#1e308", "#NaN", "#-1E+308" })
        {
            var edited = sheet.ToList();
            edited[2] = [.. sheet[2].Take(1), number, .. sheet[2].Skip(2)];
            yield return new($"risultati-numero-{number[1..]}.xlsx", XlsxWriter.Workbook(edited), Expect.Refused);
        }
    }

    /// <summary>The seed results file (dates of 2019, read against the approved seed plan).</summary>
    public static string ResultsPath => Path.Combine(Path.GetDirectoryName(SeedFiles.PlanCsv)!,
        "cciaa-ms-2019-risultati.csv");

    static bool MustRefuseInPlan(string column, string value) => Control(value)
        || (column is "Target 2019" or "Pesi" or "Codice" && (UnicodeDigits(value) || value.Contains("%%")))
        || (column is "Target 2019" or "Pesi" && value is "%80" or "NaN" or "Infinity" or "-Infinity" or "1e308"
            or "1E+308" or "-1e308" or "∞");

    // Row 1 is a deadline (its value a date), 2 a count, 4 days after a period's close; column 2 is «Riferito al».
    static bool MustRefuseInResults(int row, int column, string value) => Control(value)
        || (column is 0 or 1 or 2 && UnicodeDigits(value))
        || (column is 1 && value is "80%%" or "80 %%" or "NaN" or "Infinity" or "1e308" or "1E+308" or "∞")
        || (column is 1 && row == 1 && value is "01/01/0001" or "1/1/1")
        || (column is 2 && value is "01/01/0001" or "00/00/0000" or "31/02/2019" or "1/1/1");

    /// <summary>A character no text needs and a terminal obeys (NUL, BEL, ESC…); tab and line ends excepted.
    /// </summary>
    static bool Control(string value) => value.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n'));

    /// <summary>Digits of another script (fullwidth, Arabic, Bengali): refused, never read as 0–9 (ADR 0021).
    /// </summary>
    static bool UnicodeDigits(string value) => value.Any(c => char.IsDigit(c) && c > '\u007f');

    static IEnumerable<FuzzFile> Encodings(string stem, string text, Expect readable)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        yield return new($"{stem}-utf8.csv", utf8, readable);
        yield return new($"{stem}-utf8-bom.csv", [0xEF, 0xBB, 0xBF, .. utf8], readable);
        yield return new($"{stem}-utf8-bom-doppio.csv", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. utf8], Expect.Either);
        yield return new($"{stem}-utf16le-bom.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], readable);
        yield return new($"{stem}-utf16be-bom.csv", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            readable);
        yield return new($"{stem}-utf16le.csv", Encoding.Unicode.GetBytes(text), Expect.Refused);
        yield return new($"{stem}-utf32-bom.csv", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
            Expect.Refused);
        yield return new($"{stem}-cp1252.csv", Encoding.GetEncoding(1252).GetBytes(text), readable);
        yield return new($"{stem}-latin1-bom-utf8.csv", [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(text)],
            Expect.Either);
        yield return new($"{stem}-lf.csv", Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n")), readable);
        yield return new($"{stem}-cr.csv", Encoding.UTF8.GetBytes(text.Replace("\r\n", "\r")), Expect.Either);
        yield return new($"{stem}-sep.csv", Encoding.UTF8.GetBytes("sep=;\r\n" + text), readable);
        yield return new($"{stem}-nul-finale.csv", [.. utf8, 0], Expect.Refused);
        yield return new($"{stem}-troncato.csv", utf8[..(utf8.Length / 2)], Expect.Either);
        yield return new($"{stem}-gb18030.csv", Encoding.GetEncoding("GB18030").GetBytes(text + "中文"),
            Expect.Either);
        var random = new byte[4096];
        new Random(14).NextBytes(random);
        yield return new($"{stem}-casuale.csv", random, Expect.Refused);
    }

    static IEnumerable<FuzzFile> Containers(string stem)
    {
        yield return new($"{stem}-testo.xlsx", Encoding.UTF8.GetBytes("Codice;Valore\r\n"), Expect.Refused);
        yield return new($"{stem}-vuoto.xlsx", [], Expect.Refused);
        yield return new($"{stem}-zip-vuoto.xlsx", XlsxWriter.Zip(), Expect.Refused);
        yield return new($"{stem}-zip-senza-cartella.xlsx", XlsxWriter.Zip(("leggimi.txt", "ciao")), Expect.Refused);
        yield return new($"{stem}-zip-solo-tipi.xlsx", XlsxWriter.Zip(XlsxWriter.ContentTypes, XlsxWriter.Rels),
            Expect.Refused);
        yield return new($"{stem}-xml-rotto.xlsx", XlsxWriter.Zip(XlsxWriter.ContentTypes, XlsxWriter.Rels,
            ("xl/workbook.xml", "<workbook><sheets><sheet")), Expect.Refused);
        var workbook = XlsxWriter.Workbook([["Codice", "Valore"]]);
        yield return new($"{stem}-troncato.xlsx", workbook[..(workbook.Length / 2)], Expect.Refused);
        yield return new($"{stem}-zip.csv", workbook, Expect.Refused);
        yield return new($"{stem}-pdf.xlsx", Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n"), Expect.Refused);
        yield return new($"{stem}.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], Expect.Refused);
    }

    static IEnumerable<FuzzFile> Structure(string stem, string[] lines, string column)
    {
        var header = lines[0];
        yield return new($"{stem}-vuoto.csv", [], Expect.Refused);
        yield return new($"{stem}-solo-bom.csv", [0xEF, 0xBB, 0xBF], Expect.Refused);
        yield return new($"{stem}-solo-intestazione.csv", Utf8([header]), Expect.Refused);
        yield return new($"{stem}-solo-righe-vuote.csv", Utf8([header, "", ";;;", ""]), Expect.Refused);
        yield return new($"{stem}-colonna-doppia.csv", Utf8(lines.Select(l => DuplicateColumn(l, header, column))),
            Expect.Refused, $"«{column}»");
        yield return new($"{stem}-colonna-doppia-maiuscole.csv", Utf8(lines.Select((l, n) =>
            n == 0 ? l + ";" + column.ToUpperInvariant() : l + ";1")), Expect.Refused, column.ToUpperInvariant());
        yield return new($"{stem}-virgolette-aperte.csv", Utf8([header, "\"" + lines[1]]), Expect.Refused);
        yield return new($"{stem}-celle-in-piu.csv", Utf8(lines.Select((l, n) => n == 0 ? l : l + ";x;y")),
            Expect.Either);
        yield return new($"{stem}-intestazione-lunga.csv", Utf8([header + ";" + new string('h', 100_000),
            .. lines.Skip(1)]), Expect.Either);
        yield return new($"{stem}-nul-intestazione.csv", Utf8([header.Replace(";", ";\0", StringComparison.Ordinal)
            .Substring(0, header.Length + 1), .. lines.Skip(1)]), Expect.Refused);
        yield return new($"{stem}-colonna-doppia.xlsx", XlsxWriter.Workbook(lines
            .Select(l => (IReadOnlyList<string>)DuplicateColumn(l, header, column).Split(';'))), Expect.Refused,
            $"«{column}»");
    }

    static string DuplicateColumn(string line, string header, string column)
    {
        var index = Array.IndexOf(header.Split(';'), column);
        var cells = line.Split(';').ToList();
        cells.Add(line == header ? column : "1");
        return index < 0 ? line : string.Join(';', cells);
    }

    static byte[] Xlsx(string code, string column, string value)
    {
        var sheet = SheetReader.ReadCsv(string.Join("\n", SmallPlan()), "piano.csv");
        var rows = new List<IReadOnlyList<string>> { sheet.Headers.ToList() };
        rows.AddRange(sheet.Rows.Select(r => sheet.Headers
            .Select(h => r["Codice"] == code && h == column ? value : r[h]).ToList()));
        return XlsxWriter.Workbook(rows);
    }

    static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    static string Slug(string column) => column.Replace(' ', '-').ToLowerInvariant();

    static byte[] Utf8(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
}
