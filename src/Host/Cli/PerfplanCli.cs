using System.CommandLine;

namespace PerformancePlan.Host.Cli;

/// <summary>The <c>perfplan</c> command line: every verb, with the options they share.</summary>
public static class PerfplanCli
{
    /// <summary>
    /// The root command. <paramref name="web"/> runs the HTTP service for <c>serve</c> and <c>demo</c>: the CLI asks
    /// it, and never builds the web host itself.
    /// </summary>
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

    public static RootCommand Build(CliContext cli, IWebServer web)
    {
        var common = new CommonOptions();
        var root = new RootCommand("perfplan — il Piano della Performance come storia verificabile di eventi")
        {
            common.Db, common.Users,
        };
        root.Subcommands.Add(PlanCommands.Build(cli, common));
        root.Subcommands.Add(IndicatorCommands.Build(cli, common));
        root.Subcommands.Add(AmendmentCommands.ReviseTarget(cli, common));
        root.Subcommands.Add(HistoryCommands.Targets(cli, common));
        root.Subcommands.Add(ResultCommands.Build(cli, common));
        root.Subcommands.Add(ScoreCommands.Scores(cli, common));
        root.Subcommands.Add(ScoreCommands.Scorecard(cli, common));
        root.Subcommands.Add(ServeCommands.Demo(cli, common.Db, web));
        root.Subcommands.Add(ServeCommands.Serve(cli, common.Db, web));
        root.Subcommands.Add(BenchCommand.Build(cli, common));
        root.Subcommands.Add(LedgerCommands.Build(cli, common));
        root.Subcommands.Add(AuditCommands.Build(cli, common));
        root.Subcommands.Add(OivCommands.Build(cli, common));
        root.Subcommands.Add(TokenCommand.Build(cli));
        root.Subcommands.Add(ReportCommands.Report(cli, common));
        root.Subcommands.Add(ReportCommands.Export(cli, common));
        return root;
    }
}
