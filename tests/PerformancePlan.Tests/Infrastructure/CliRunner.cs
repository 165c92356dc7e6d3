using NodaTime;
using NodaTime.Testing;
using PerformancePlan.Host.Cli;
using PerformancePlan.Host.Web;
using Spectre.Console;

namespace PerformancePlan.Tests.Infrastructure;

/// <summary>Runs <c>perfplan</c> in process, as a user would type it, and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static Task<Run> RunAsync(params string[] args) => RunCancellableAsync(args, CancellationToken.None);

    /// <summary>
    /// Runs <paramref name="args"/> on <paramref name="store"/>, already open on a prepared schema, instead of opening
    /// the database per run: every other step (parsing, the verb, its errors and exit code, what it prints) is the
    /// user's. For tests that run hundreds of verbs on one database.
    /// </summary>
    public static Task<Run> RunOnAsync(Marten.IDocumentStore store, params string[] args) =>
        RunCancellableAsync(args, CancellationToken.None, store: store);

    /// <summary>
    /// Runs <paramref name="args"/> with the environment variables <paramref name="environment"/> (e.g.
    /// <c>PERFPLAN_USER</c>) as the CLI reads them; the test process's own are never read.
    /// </summary>
    public static Task<Run> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunCancellableAsync(args, CancellationToken.None, environment);

    /// <summary>Runs <paramref name="args"/> with <paramref name="input"/> on standard input (e.g. a password).
    /// </summary>
    public static Task<Run> RunWithInputAsync(string input, params string[] args) =>
        RunCancellableAsync(args, CancellationToken.None, input: input);

    /// <summary>The instant the CLI's clock reads unless a test sets another: 01/03/2022 11:00 in Rome.</summary>
    public static readonly Instant Now = Instant.FromUtc(2022, 3, 1, 10, 0);

    /// <summary>Runs <paramref name="args"/> with the CLI's clock at <paramref name="now"/>.</summary>
    public static Task<Run> RunAtAsync(Instant now, params string[] args) =>
        RunCancellableAsync(args, CancellationToken.None, now: now);

    /// <summary>Runs <paramref name="args"/> until done or <paramref name="ct"/> is cancelled (Ctrl+C).</summary>
    public static async Task<Run> RunCancellableAsync(string[] args, CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null, string input = "",
        Marten.IDocumentStore? store = null, Instant? now = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var cli = new CliContext(Console(output), Console(errors), new FakeClock(now ?? Now),
            name => environment?.GetValueOrDefault(name), new StringReader(input), store);
        var code = await PerfplanCli.RunAsync(cli, new WebServer(), args, ct);
        return new Run(code, output.ToString(), errors.ToString());
    }

    static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 4096;
        return console;
    }
}
