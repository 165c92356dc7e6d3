using System.CommandLine;

namespace PerformancePlan.Host.Cli;

/// <summary>The <c>--format</c> option of the reading verbs: a console table (default) or JSON.</summary>
public static class Formats
{
    /// <summary>A console table, Italian headings.</summary>
    public const string Table = "table";

    /// <summary>JSON as <see cref="PerformancePlan.Host.Application.AppJson"/> writes it.</summary>
    public const string Json = "json";

    /// <summary><c>--format table|json</c>, defaulting to <c>table</c>.</summary>
    public static Option<string> Option()
    {
        var o = new Option<string>("--format")
        {
            Description = "Formato di uscita: table o json", DefaultValueFactory = _ => Table,
        };
        o.AcceptOnlyFromAmong(Table, Json);
        return o;
    }
}
