namespace PerformancePlan.Host.Application.Exports;

/// <summary>A row of a CSV or XLSX export: its cells in column order, under the Italian headers users read.</summary>
public interface IExportRow
{
    /// <summary>Header → value, in the order of the columns.</summary>
    IReadOnlyDictionary<string, object?> Cells();
}
