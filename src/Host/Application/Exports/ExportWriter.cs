using System.Text;
using MiniExcelLibs;

namespace PerformancePlan.Host.Application.Exports;

/// <summary>The two formats of an export: CSV as Italian spreadsheets open it, or an Excel workbook.</summary>
public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Writes export rows as a file, for every door (<c>perfplan export</c>, <c>GET /api/plans/{id}/exports/…</c>):
/// CSV in UTF-8 with BOM (so Excel reads the accents) through <see cref="CsvWriter"/>, or XLSX with one named sheet.
/// </summary>
public static class ExportWriter
{
    /// <summary>The MIME type of a format.</summary>
    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    /// <summary>The file extension of a format, with its dot.</summary>
    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    /// <summary>The format a file name asks for: <c>.xlsx</c>, otherwise CSV.</summary>
    public static ExportFormat FormatOf(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ExportFormat.Xlsx : ExportFormat.Csv;

    /// <summary>
    /// Writes the header and the rows to <paramref name="stream"/>; <paramref name="sheet"/> names the XLSX sheet.
    /// </summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<IExportRow> rows, ExportFormat format,
        string sheet, CancellationToken ct)
    {
        if (format == ExportFormat.Xlsx)
        {
            await stream.SaveAsAsync(rows.Select(r => r.Cells().ToDictionary()).ToList(), sheetName: sheet,
                excelType: ExcelType.XLSX, cancellationToken: ct);
            return;
        }
        await using var text = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
        await text.WriteAsync(CsvWriter.Write(rows).AsMemory(), ct);
    }
}
