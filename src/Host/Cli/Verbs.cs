using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>A verb declared once: given the context and the shared options, its command.</summary>
public delegate Command Verb(CliContext cli, CommonOptions common);

/// <summary>
/// How every verb is declared in a compact form: a group lists its verbs, and a verb's action runs on the event store
/// named by <c>--db</c> (<see cref="CliContext.WithStoreAsync"/> opens and closes it and turns errors into exit
/// codes).
/// </summary>
public static class Verbs
{
    /// <summary>Adds <paramref name="verbs"/>, in this order (the order of the help), to <paramref name="group"/>.
    /// </summary>
    public static Command With(this Command group, CliContext cli, CommonOptions common, params Verb[] verbs)
    {
        foreach (var verb in verbs) group.Subcommands.Add(verb(cli, common));
        return group;
    }

    /// <summary>
    /// Sets the action of <paramref name="command"/>: <paramref name="action"/> on the store of <c>--db</c>, with the
    /// parsed command line; its result is the exit code.
    /// </summary>
    /// <param name="prepare">False for a verb that migrates the schema itself (<c>db migrate</c>).</param>
    public static Command OnStore(this Command command, CliContext cli, CommonOptions common,
        Func<ParseResult, IDocumentStore, CancellationToken, Task<int>> action, bool prepare = true)
    {
        // A verb that needs a user and names none is a command-line mistake: exit 2, before any database is opened.
        var user = command.Options.OfType<ActingUser>().SingleOrDefault();
        command.SetAction((parse, ct) => user is { Needed: true } && common.UserName(parse, user) is null
            ? Task.FromResult(MissingUser(cli, parse, user))
            : cli.WithStoreAsync(parse.GetValue(common.Db), store => action(parse, store, ct), ct, prepare,
                parse.GetValue(common.Databases)));
        return command;
    }

    static int MissingUser(CliContext cli, ParseResult parse, ActingUser user)
    {
        cli.Fail(CommonOptions.MissingUser(parse, user), ExitCodes.InvalidInput);
        cli.Errors.MarkupLine(Markup.Escape(
            $"Nessuna operazione eseguita. Aiuto: {ParseErrors.Path(parse.CommandResult)} --help"));
        return ExitCodes.InvalidInput;
    }
}
