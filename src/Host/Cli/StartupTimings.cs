using System.Diagnostics;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// Where a verb's time goes before its first query, on standard error when <c>PERFPLAN_TIMINGS=1</c>: milliseconds
/// since the process started at each milestone (runtime and parsing, database reached, store built, schema checked,
/// verb done). The figure of issue #15 and docs/performance.md is measured with it; silent otherwise.
/// </summary>
public static class StartupTimings
{
    static readonly bool On = Environment.GetEnvironmentVariable("PERFPLAN_TIMINGS") == "1";

    /// <summary>Writes «[tempi] <paramref name="milestone"/>: N ms dall'avvio» when timings are on.</summary>
    public static void Mark(CliContext cli, string milestone)
    {
        if (!On) return;
        var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
        cli.Errors.MarkupLine(Markup.Escape($"[tempi] {milestone}: {since.TotalMilliseconds:0} ms dall'avvio"));
    }
}
