using System.IO.Compression;
using System.Security;
using System.Text;

namespace PerformancePlan.Tests.Fuzz;

/// <summary>
/// A minimal .xlsx written by hand, so a cell can hold what no spreadsheet program writes: a number cell of
/// <c>NaN</c> or <c>1e308</c>, a NUL in a string. A cell starting with <c>#</c> is written as a number cell.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The bytes of a workbook of one sheet holding <paramref name="rows"/>.</summary>
    public static byte[] Workbook(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sheet = new StringBuilder(Xml + $"<worksheet xmlns=\"{Main}\"><sheetData>");
        var r = 0;
        foreach (var row in rows)
        {
            sheet.Append($"<row r=\"{++r}\">");
            for (var c = 0; c < row.Count; c++)
                sheet.Append(Cell($"{(char)('A' + c % 26)}{(c >= 26 ? "A" : "")}{r}", row[c]));
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        return Zip(("xl/worksheets/sheet1.xml", sheet.ToString()), ContentTypes, Rels, WorkbookXml, WorkbookRels);
    }

    /// <summary>A zip holding <paramref name="entries"/> (path, text): a «workbook» missing what it needs.</summary>
    public static byte[] Zip(params (string Path, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        return buffer.ToArray();
    }

    static string Cell(string reference, string text) => text.StartsWith('#')
        ? $"<c r=\"{reference}\"><v>{SecurityElement.Escape(text[1..])}</v></c>"
        : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(text)}</t></is></c>";

    // XML 1.0 cannot carry a NUL even escaped: written as Excel's own escape, which readers turn back into it.
    static string Escape(string text) => SecurityElement.Escape(text)!.Replace("\0", "_x0000_");

    const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    const string Package = "http://schemas.openxmlformats.org/package/2006/";
    const string Office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Ooxml = "application/vnd.openxmlformats-";

    /// <summary>The package's content types.</summary>
    public static readonly (string, string) ContentTypes = ("[Content_Types].xml",
        Xml + $"<Types xmlns=\"{Package}content-types\">"
        + $"<Default Extension=\"rels\" ContentType=\"{Ooxml}package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" "
        + $"ContentType=\"{Ooxml}officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
        + $"ContentType=\"{Ooxml}officedocument.spreadsheetml.worksheet+xml\"/></Types>");

    /// <summary>The package's relationship to its workbook.</summary>
    public static readonly (string, string) Rels = ("_rels/.rels",
        Xml + $"<Relationships xmlns=\"{Package}relationships\"><Relationship Id=\"rId1\" "
        + $"Type=\"{Office}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

    static readonly (string, string) WorkbookXml = ("xl/workbook.xml",
        Xml + $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Office}\"><sheets>"
        + "<sheet name=\"Foglio1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");

    static readonly (string, string) WorkbookRels = ("xl/_rels/workbook.xml.rels",
        Xml + $"<Relationships xmlns=\"{Package}relationships\"><Relationship Id=\"rId1\" "
        + $"Type=\"{Office}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
}
