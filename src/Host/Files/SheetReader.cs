using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Files;

/// <summary>
/// The one reader of the files people bring (plans, amendments, results): a CSV separated by <c>;</c> (UTF-8 with
/// or without BOM, UTF-16 with BOM, or Excel's Windows-1252 "CSV"; an Excel <c>sep=;</c> first line is skipped) or
/// an .xlsx (first sheet, header in the first row, cells read by their number format). Row numbers are those a
/// spreadsheet shows (the header is row 1). A file that cannot be read faithfully raises a
/// <see cref="FormatException"/> whose Italian message says what is wrong and how to fix it (ADR 0011).
/// </summary>
public static class SheetReader
{
    /// <summary>Reads <paramref name="path"/>, choosing CSV or XLSX by its extension.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not a table this reader can read faithfully.</exception>
    public static RawSheet Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"File non trovato: {path}", path);
        var name = Path.GetFileName(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => ToSheet(name, XlsxRecords.Read(path)),
            ".xls" or ".ods" => throw new FormatException(
                $"il formato «{Path.GetExtension(path)}» non è letto. Come correggere: salvare il foglio come "
                + "«Cartella di lavoro di Excel (.xlsx)» oppure come «CSV UTF-8»"),
            _ => ReadCsv(TextDecoder.Decode(ReadBytes(path)), name),
        };
    }

    /// <summary>Reads CSV text already decoded; <paramref name="fileName"/> names it in the sheet and errors.</summary>
    /// <exception cref="FormatException">Wrong separator or broken quotes.</exception>
    public static RawSheet ReadCsv(string text, string fileName) => ToSheet(fileName, CsvRecords.Read(text));

    static byte[] ReadBytes(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (IOException) when (File.Exists(path))
        {
            throw new FormatException("il file non si può leggere: forse è aperto in un altro programma. "
                + "Come correggere: chiuderlo (ad esempio in Excel) e ripetere il comando");
        }
    }

    static RawSheet ToSheet(string fileName, IReadOnlyList<IReadOnlyList<string>> records)
    {
        if (records.Count == 0) return new RawSheet(fileName, [], []);
        var headers = records[0].Select(NormaliseHeader).ToList();
        var rows = records.Skip(1).Select((cells, i) => new RawRow(i + 2, ToCells(headers, cells))).ToList();
        return new RawSheet(fileName, headers, rows);
    }

    static Dictionary<string, string> ToCells(IReadOnlyList<string> headers, IReadOnlyList<string> cells)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
            if (headers[i].Length > 0) map.TryAdd(headers[i], i < cells.Count ? cells[i] : "");
        return map;
    }

    /// <summary>«Target  2019» and «Target\u00A02019» are «Target 2019».</summary>
    static string NormaliseHeader(string h) =>
        string.Join(' ', h.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
