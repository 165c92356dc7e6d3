using System.Text;

namespace PerformancePlan.Host.Application.Exports;

/// <summary>CSV as Italian spreadsheets open it: <c>;</c> between cells, decimal comma, quotes where needed.</summary>
public static class CsvWriter
{
    /// <summary>A header line from the first row's columns, then one line per row; empty without rows.</summary>
    public static string Write(IReadOnlyList<IExportRow> rows)
    {
        if (rows.Count == 0) return "";
        var csv = new StringBuilder(string.Join(';', rows[0].Cells().Keys)).Append('\n');
        foreach (var row in rows) csv.Append(string.Join(';', row.Cells().Values.Select(Cell))).Append('\n');
        return csv.ToString();
    }

    static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(ItalianFormat.Culture),
        _ when value.ToString() is { } t && (t.Contains(';') || t.Contains('"') || t.Contains('\n')) =>
            "\"" + t.Replace("\"", "\"\"") + "\"",
        _ => value.ToString() ?? "",
    };
}
