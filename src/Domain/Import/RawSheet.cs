namespace PerformancePlan.Domain.Import;

/// <summary>
/// A table as read from a CSV or XLSX file: header names and, for each data row, its row number in the file
/// (1 is the header) and its cells by header name. Reading the file is the host's job; everything after is pure.
/// </summary>
public sealed record RawSheet(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

public sealed record RawRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v.Trim() : "";
}
