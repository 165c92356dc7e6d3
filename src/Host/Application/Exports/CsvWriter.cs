using Csv = CsvHelper;

namespace PerformancePlan.Host.Application.Exports;

/// <summary>
/// CSV as Italian spreadsheets open it, written by CsvHelper: <c>;</c> between cells, decimal comma, RFC 4180
/// quotes where a cell holds <c>;</c>, a quote or a line break, CRLF between records. A text cell that a spreadsheet
/// would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading <c>'</c>,
/// as OWASP recommends against CSV injection; a number keeps its sign (ADR 0021).
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
        int or long or double or float => value.ToString() ?? "",
        _ => Neutralised(value.ToString() ?? ""),
    };

    /// <summary>
    /// Text that would start a formula, prefixed with <c>'</c> so it is read as text; a whole number written as text
    /// (<c>-5</c>, <c>-12,5%</c>: a target or a result of a measure that goes below zero) is a number, left as it is.
    /// </summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !ItalianFormat.TryParsePercent(text, out _) ? "'" + text : text;
}
