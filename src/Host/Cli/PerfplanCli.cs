using System.CommandLine;

namespace PerformancePlan.Host.Cli;

/// <summary>The <c>perfplan</c> command line: every verb, with the options they share.</summary>
public static class PerfplanCli
{
    /// <summary>
    /// Parses and runs <paramref name="args"/>: a mistake on the command line is reported in Italian with exit 2
    /// (<see cref="ParseErrors"/>); otherwise the verb's own exit code.
    /// </summary>
    public static async Task<int> RunAsync(CliContext cli, IWebServer web, string[] args,
        CancellationToken ct = default)
    {
        var result = Build(cli, web).Parse(args);
        return result.Errors.Count > 0 ? ParseErrors.Report(cli, result) : await result.InvokeAsync(null, ct);
    }

    /// <summary>
    /// The root command. <paramref name="web"/> runs the HTTP service for <c>serve</c> and <c>demo</c>: the CLI asks
    /// it, and never builds the web host itself.
    /// </summary>
    public static RootCommand Build(CliContext cli, IWebServer web)
    {
        var common = new CommonOptions(cli);
        var root = new RootCommand("perfplan — il Piano della Performance come storia verificabile di eventi")
        {
            common.Db, common.Databases, common.Users,
        };
        root.With(cli, common, PlanCommands.Build, IndicatorCommands.Build, AmendmentCommands.ReviseTarget,
            HistoryCommands.Targets, ResultCommands.Build, ScoreCommands.Scores, ScoreCommands.Scorecard,
            (c, o) => ServeCommands.Demo(c, o, web), (c, o) => ServeCommands.Serve(c, o, web), BenchCommand.Build,
            LedgerCommands.Build, AuditCommands.Build, OivCommands.Build, (c, _) => TokenCommand.Build(c),
            UserCommands.Build, ReportCommands.Report, ReportCommands.Export, LedgerCommands.Rebuild,
            LedgerCommands.Db, EntityCommands.Build);
        return root;
    }
}
