using System.Globalization;
using System.Text;
using MiniExcelLibs;
using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Files;

/// <summary>
/// Reads a semicolon-separated UTF-8 CSV (BOM allowed, RFC 4180 quotes) or an .xlsx (first sheet, header in the
/// first row) into cells by header name. Row numbers are the file's own (the header is row 1).
/// </summary>
public static class SheetReader
{
    public static RawSheet Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"File non trovato: {path}", path);
        var name = Path.GetFileName(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(path, name),
            _ => ReadCsv(File.ReadAllText(path, new UTF8Encoding(false, true)), name),
        };
    }

    public static RawSheet ReadCsv(string text, string fileName)
    {
        var records = ParseCsv(text.TrimStart('\uFEFF'));
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

    /// <summary>RFC 4180 with ';' as the separator: quoted fields may hold ';', newlines and doubled quotes.</summary>
    static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"')
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] is not (';' or '\r' or '\n'))
                        throw new FormatException(
                            $"riga {records.Count + 1}: testo dopo le virgolette di chiusura di una cella " +
                            "(forse virgolette aperte e non chiuse più sopra). " +
                            "Chiudere le virgolette; un \" dentro una cella si scrive \"\"");
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ';': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; break;
                default: field.Append(c); break;
            }
        }
        if (quoted)
            throw new FormatException(
                $"riga {records.Count + 1}: virgolette aperte e mai chiuse, " +
                "il resto del file finirebbe in una sola cella. " +
                "Chiudere le virgolette (un \" dentro una cella si scrive \"\")");
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }

    static RawSheet ReadXlsx(string path, string fileName)
    {
        var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0) return new RawSheet(fileName, [], []);
        var columns = rows[0].Keys.ToList();
        var headers = columns.Select(k => NormaliseHeader(Cell(rows[0][k]))).ToList();
        var data = rows.Skip(1).Select((r, i) => new RawRow(i + 2,
            ToCells(headers, columns.Select(k => Cell(r.TryGetValue(k, out var v) ? v : null)).ToList()))).ToList();
        return new RawSheet(fileName, headers, data);
    }

    /// <summary>«Target  2019» and «Target\u00A02019» are «Target 2019».</summary>
    static string NormaliseHeader(string h) =>
        string.Join(' ', h.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Spreadsheet cells come typed: dates print as dd/mm/yyyy, numbers the Italian way.</summary>
    static string Cell(object? value) => value switch
    {
        null => "",
        // a spreadsheet's empty date: refused downstream
        DateTime d when d <= new DateTime(1899, 12, 31) => "00/01/1900",
        DateTime d => ItalianFormat.Date(NodaTime.LocalDate.FromDateTime(d)),
        double or decimal or float or int or long =>
            Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.##########", ItalianFormat.Culture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
