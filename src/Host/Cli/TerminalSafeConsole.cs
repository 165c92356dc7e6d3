using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// A console that never sends a terminal the control characters of the text it prints: a note stored before the
/// input check existed, or arrived by another path, with <c>ESC[2J</c> is shown, not obeyed. Spectre's own colours
/// are styles, applied by its back end after this filter, so they stay (<see cref="Markup.Escape"/> escapes markup
/// only, not ESC).
/// </summary>
public sealed class TerminalSafeConsole(IAnsiConsole inner) : IAnsiConsole
{
    /// <inheritdoc />
    public Profile Profile => inner.Profile;
    /// <inheritdoc />
    public IAnsiConsoleCursor Cursor => inner.Cursor;
    /// <inheritdoc />
    public IAnsiConsoleInput Input => inner.Input;
    /// <inheritdoc />
    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;
    /// <inheritdoc />
    public RenderPipeline Pipeline => inner.Pipeline;

    /// <inheritdoc />
    public void Clear(bool home) => inner.Clear(home);

    /// <inheritdoc />
    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

    /// <inheritdoc />
    public void Write(IRenderable renderable) => inner.Write(new Cleaned(renderable));

    /// <summary>
    /// <paramref name="text"/> with every control character but line feed and tab shown as «·»: C0 (NUL, BEL, ESC,
    /// CR…), DEL, C1 (CSI U+009B…), and the bidirectional overrides that reorder what a reader sees.
    /// </summary>
    public static string Clean(string text) => text.Any(Unsafe)
        ? new string(text.Select(c => Unsafe(c) ? '·' : c).ToArray())
        : text;

    static bool Unsafe(char c) => (char.IsControl(c) && c is not ('\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak || !s.Text.Any(Unsafe)
                ? s : new Segment(Clean(s.Text), s.Style));
    }
}
