using System.CommandLine;

namespace PerformancePlan.Host.Cli;

public static class PerfplanCli
{
    public static RootCommand Build(CliContext cli)
    {
        var common = new CommonOptions();
        var root = new RootCommand("perfplan — il Piano della Performance come storia verificabile di eventi") { common.Db, common.Users };
        root.Subcommands.Add(PlanCommands.Build(cli, common));
        root.Subcommands.Add(LifecycleCommands.Indicator(cli, common));
        root.Subcommands.Add(HistoryCommands.ReviseTarget(cli, common));
        root.Subcommands.Add(HistoryCommands.Targets(cli, common));
        root.Subcommands.Add(ResultCommands.Build(cli, common));
        root.Subcommands.Add(ScoreCommands.Scores(cli, common));
        root.Subcommands.Add(ScoreCommands.Scorecard(cli, common));
        root.Subcommands.Add(ServeCommands.Demo(cli, common.Db));
        root.Subcommands.Add(ServeCommands.Serve(cli, common.Db));
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
