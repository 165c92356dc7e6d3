using Csv = CsvHelper;

namespace PerformancePlan.Host.Application.Exports;

/// <summary>
/// CSV as Italian spreadsheets open it, written by CsvHelper: <c>;</c> between cells, decimal comma, RFC 4180
/// quotes where a cell holds <c>;</c>, a quote or a line break, CRLF between records.
/// </summary>
public static class CsvWriter
{
    static readonly Csv.CsvWriterOptions Options = new() { Separator = ';' };

    /// <summary>A header line from the first row's columns, then one line per row; empty without rows.</summary>
    public static string Write(IReadOnlyList<IExportRow> rows)
    {
        if (rows.Count == 0) return "";
        using var text = new StringWriter();
        using (var csv = Csv.CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. rows[0].Cells().Keys]);
            foreach (var row in rows) csv.WriteRecord([.. row.Cells().Values.Select(Cell)]);
        }
        return text.ToString();
    }

    static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(ItalianFormat.Culture),
        _ => value.ToString() ?? "",
    };
}
