using System.CommandLine;
using PerformancePlan.Host.Database;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// <c>perfplan bench</c>: the figures of docs/performance.md, each against a baseline of the same run.
/// </summary>
public static class BenchCommand
{
    /// <summary><c>perfplan bench [--rounds N]</c>: medians of N rounds, in milliseconds, with their ratio.</summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var rounds = new Option<int>("--rounds")
        {
            Description = "Ripetizioni (mediana)", DefaultValueFactory = _ => 5,
        };
        var command = new Command("bench",
            "Misura le prestazioni rispetto a una linea di base nella stessa esecuzione") { rounds };
        command.SetAction(async (parse, ct) =>
        {
            await using var connection = await DatabaseConnection.OpenAsync(parse.GetValue(common.Db), ct);
            var file = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019.csv");
            var figures = await new Benchmark(connection.ConnectionString, file, NodaTime.SystemClock.Instance)
                .RunAsync(parse.GetValue(rounds), ct);
            var table = new Table().Border(TableBorder.Rounded);
            string[] headings =
                ["Misura", "Operazioni", "ms (mediana)", "Linea di base", "ms base", "Rapporto (base/misura)"];
            foreach (var h in headings) table.AddColumn(h);
            foreach (var f in figures)
                table.AddRow(f.Name, f.Operations.ToString(), f.Milliseconds.ToString("0.0"), f.Baseline,
                    f.BaselineMilliseconds.ToString("0.0"), $"{f.Ratio:0.00} ({f.Ratio * 100:0}%)");
            cli.Console.Write(table);
            cli.Console.MarkupLine(
                $"{parse.GetValue(rounds)} ripetizioni, {Environment.ProcessorCount} core, {connection.Description}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
