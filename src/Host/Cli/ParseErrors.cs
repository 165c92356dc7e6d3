using System.CommandLine;
using System.CommandLine.Parsing;
using Spectre.Console;
using System.Text.RegularExpressions;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// Command-line mistakes (a missing or unreadable option, an unknown verb) are bad input: exit 2, nothing done, and
/// the message in Italian with the way to the verb's help — never the whole help text, never exit 1.
/// </summary>
public static class ParseErrors
{
    /// <summary>Writes each error of <paramref name="result"/> in Italian and returns exit code 2.</summary>
    public static int Report(CliContext cli, ParseResult result)
    {
        foreach (var error in result.Errors)
            cli.Fail(Italian(error.Message), ExitCodes.InvalidInput);
        var help = $"{Path(result.CommandResult)} --help";
        cli.Errors.MarkupLine(Markup.Escape($"Nessuna operazione eseguita. Aiuto: {help}"));
        return ExitCodes.InvalidInput;
    }

    /// <summary>The verb as typed, e.g. <c>perfplan plan import</c>.</summary>
    public static string Path(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? s = command; s is not null; s = s.Parent)
            if (s is CommandResult c) names.Insert(0, c.Parent is null ? "perfplan" : c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>System.CommandLine's own English messages, said in Italian; ours pass through unchanged.</summary>
    public static string Italian(string message)
    {
        foreach (var (english, say) in Translations)
            if (english.Match(message) is { Success: true } m) return say(m.Groups);
        return message == "Required command was not provided."
            ? "manca il comando: scrivere ad esempio «perfplan plan show --plan …»" : message;
    }

    // Each English message System.CommandLine writes, and what it says in Italian (its groups are the names typed).
    static readonly (Regex English, Func<GroupCollection, string> Say)[] Translations =
    [
        (new(@"^Option '([^']+)' is required\.?$"), g => $"manca l'opzione obbligatoria {g[1].Value}"),
        (new(@"^Unrecognized command or argument '([^']*)'\.?$"),
            g => $"«{g[1].Value}» non è un comando né un'opzione di questo comando"),
        (new(@"^Cannot parse argument '([^']*)' for (?:option|command) '([^']+)' as expected type '([^']+)'\.?$"),
            g => $"{g[2].Value}: «{g[1].Value}» non è un valore valido ({TypeName(g[3].Value)})"),
        (new(@"^Required argument missing for command: '([^']+)'\.?$"),
            g => $"manca l'argomento obbligatorio {g[1].Value}"),
    ];

    static string TypeName(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "serve un numero intero",
        "System.Guid" => "serve un identificativo come 3f2b…-…, quello stampato alla registrazione",
        "System.Boolean" => "serve true o false",
        _ => "formato non riconosciuto",
    };
}
