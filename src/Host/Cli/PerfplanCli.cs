using System.CommandLine;

namespace PerformancePlan.Host.Cli;

public static class PerfplanCli
{
    public static RootCommand Build(CliContext cli)
    {
        var db = new Option<string?>("--db")
        {
            Description = "Stringa di connessione PostgreSQL (altrimenti PERFPLAN_DB, altrimenti PostgreSQL incorporato)",
            Recursive = true,
        };
        var root = new RootCommand("perfplan — il Piano della Performance come storia verificabile di eventi") { db };
        root.Subcommands.Add(PlanCommands.Build(cli, db));
        root.Subcommands.Add(ServeCommands.Demo(cli, db));
        root.Subcommands.Add(ServeCommands.Serve(cli, db));
        return root;
    }
}
