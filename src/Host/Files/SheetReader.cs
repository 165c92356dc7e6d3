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

    /// <summary>The longest cell read (characters): a plan's longest description is far shorter; a longer cell is
    /// pasted by mistake, and would only slow every check of the file.</summary>
    public const int MaxCellLength = 10_000;

    static RawSheet ToSheet(string fileName, IReadOnlyList<IReadOnlyList<string>> records)
    {
        if (records.Count == 0) return new RawSheet(fileName, [], []);
        RefuseUnreadableCells(records);
        var headers = records[0].Select(NormaliseHeader).ToList();
        RefuseDuplicateHeaders(headers);
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

    /// <summary>
    /// Cells no one means: too long, holding control characters (NUL, ESC: PostgreSQL refuses NUL, and an escape
    /// sequence would act on the terminal of whoever reads the text back), or digits of another script (fullwidth
    /// «３０», Arabic «٣٠»): those look like 0–9 but are not, so they are refused, never guessed (ADR 0021).
    /// </summary>
    static void RefuseUnreadableCells(IReadOnlyList<IReadOnlyList<string>> records)
    {
        for (var r = 0; r < records.Count; r++)
            for (var c = 0; c < records[r].Count; c++)
            {
                var (cell, text, where) = ($"la cella {Letter(c)}{r + 1}", records[r][c], Shown(records[r][c]));
                if (text.Length > MaxCellLength)
                    throw new FormatException($"{cell} contiene {text.Length} caratteri, oltre il massimo di "
                        + $"{MaxCellLength}. Come correggere: accorciare il testo della cella (forse vi è stato "
                        + "incollato altro per errore)");
                if (text.Any(IsControl))
                    throw new FormatException($"{cell} contiene caratteri di controllo (mostrati come ·): {where}. "
                        + "Come correggere: riscrivere la cella come testo semplice, senza caratteri speciali "
                        + "copiati da altri programmi");
                if (text.Any(c => char.IsDigit(c) && c > '\u007f'))
                    throw new FormatException($"{cell} contiene cifre che non sono 0–9 (ad esempio a larghezza "
                        + $"intera, «３»): {where}. Come correggere: riscrivere i numeri con le cifre 0–9");
            }
    }

    static bool IsControl(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    static string Shown(string text) =>
        "«" + new string(text.Take(60).Select(c => IsControl(c) ? '·' : c).ToArray())
        + (text.Length > 60 ? "…" : "") + "»";

    /// <summary>
    /// Two columns with one name (as the reader compares them: case and spacing aside) would leave one unread:
    /// refused, naming both, instead of reading the first.
    /// </summary>
    static void RefuseDuplicateHeaders(IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
            for (var j = 0; j < i; j++)
                if (headers[i].Length > 0 && string.Equals(headers[i], headers[j], StringComparison.OrdinalIgnoreCase))
                    throw new FormatException($"le colonne {Letter(j)} «{headers[j]}» e {Letter(i)} «{headers[i]}» "
                        + "hanno la stessa intestazione: non si sa quale delle due leggere. Come correggere: "
                        + "eliminare la colonna in più o rinominarla");
    }

    /// <summary>The column's letter as a spreadsheet shows it: A, …, Z, AA, AB, ….</summary>
    static string Letter(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : Letter(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>«Target  2019» and «Target\u00A02019» are «Target 2019».</summary>
    static string NormaliseHeader(string h) =>
        string.Join(' ', h.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
