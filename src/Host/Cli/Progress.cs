using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// What a long operation is doing (starting PostgreSQL, importing, approving, printing the PDF, rebuilding from the
/// events), shown as Spectre.Console's status line on standard error while it runs, and gone when it is done. Only on
/// an interactive terminal: redirected, piped or captured (tests) nothing is shown, so standard output (tables,
/// <c>--format json</c>) and standard error (refusals, warnings) read exactly as without it (ADR 0014).
/// </summary>
public static class Progress
{
    // The status line already showing, if any: a step inside another only changes its text (Spectre allows one).
    static readonly AsyncLocal<Action<string>?> Current = new();

    /// <summary>Whether the status line is shown: standard error is an interactive ANSI terminal.</summary>
    public static bool Shown(CliContext cli) => cli.Errors.Profile.Capabilities is { Interactive: true, Ansi: true };

    /// <summary>
    /// Runs <paramref name="work"/> while the status line says <paramref name="what"/>; <c>work</c> gets an action
    /// that replaces the text with its next step.
    /// </summary>
    public static async Task<T> StepAsync<T>(this CliContext cli, string what, Func<Action<string>, Task<T>> work)
    {
        if (Current.Value is { } outer) { outer(what); return await work(outer); }
        if (!Shown(cli)) return await work(_ => { });
        return await cli.Errors.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), async status =>
        {
            Current.Value = text => status.Status(Markup.Escape(text));
            try { return await work(Current.Value); }
            finally { Current.Value = null; }
        });
    }

    /// <summary>Runs <paramref name="work"/> while the status line says <paramref name="what"/>.</summary>
    public static Task<T> StepAsync<T>(this CliContext cli, string what, Func<Task<T>> work) =>
        cli.StepAsync(what, _ => work());

    /// <summary>Runs <paramref name="work"/> while the status line says <paramref name="what"/>.</summary>
    public static Task StepAsync(this CliContext cli, string what, Func<Task> work) =>
        cli.StepAsync(what, async _ => { await work(); return true; });
}
