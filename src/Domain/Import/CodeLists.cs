using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// The plan's registry of holders and offices (rows with <i>Livello</i> <c>Titolare</c> / <c>Ufficio</c>: code in
/// <i>Codice</i>, name in <i>Descrizione</i>). When a kind has rows, a <i>Titolari</i> / <i>Uffici</i> cell may name
/// only what they declare, by code or by name.
/// </summary>
public sealed record PlanRegistry(IReadOnlyList<RegistryEntryDefined> Entries)
{
    /// <summary>A registry with no rows: every code-like token is accepted.</summary>
    public static readonly PlanRegistry Empty = new([]);

    /// <summary>The registry a plan has recorded (for amendments of that plan).</summary>
    public static PlanRegistry Of(Plan plan) => new(plan.Registry);

    /// <summary>Whether the plan declares its <paramref name="kind"/> (then nothing else may be named).</summary>
    public bool Declares(RegistryKind kind) => Entries.Any(e => e.Kind == kind);

    /// <summary>The code of an entry named by its code or its name (case aside); null when none.</summary>
    public string? CodeOf(RegistryKind kind, string text) => Entries.FirstOrDefault(e => e.Kind == kind
        && (e.Code.Equals(text, StringComparison.OrdinalIgnoreCase)
            || e.Name.Equals(text, StringComparison.OrdinalIgnoreCase)))?.Code;
}

/// <summary>
/// Reads a <i>Titolari</i> or <i>Uffici</i> cell into codes. A list is separated by commas; the seed's
/// space-separated form (<c>U1.1 ISR</c>, <c>SG PO3</c>) still reads when every word is a code (no lower-case letter),
/// abbreviations (<c>AVV. GEN.</c>) kept together; a cell written in words (<c>Dirigente Area Anagrafe</c>) is one
/// name, never split into words, with a warning. When the registry declares the kind, an unknown entry is an error.
/// </summary>
public static partial class CodeLists
{
    /// <summary>Reads the cell; <paramref name="kind"/> words the messages (titolare / ufficio).</summary>
    public static Parsed<IReadOnlyList<string>> Read(string text, RegistryKind kind, PlanRegistry registry)
    {
        var what = kind == RegistryKind.Holder ? "titolare" : "ufficio";
        var whatPlural = kind == RegistryKind.Holder ? "titolari" : "uffici";
        var thePlural = kind == RegistryKind.Holder ? "i titolari" : "gli uffici";
        var row = kind == RegistryKind.Holder ? "Titolare" : "Ufficio";
        var warnings = new List<string>();
        var t = text.Trim();
        if (t.Length == 0) return new((IReadOnlyList<string>)[]);
        List<string> items;
        if (t.Contains(',') || t.Contains(';'))
            items = [.. t.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        else if (registry.CodeOf(kind, t) is { } whole) items = [whole];
        else
        {
            var tokens = JoinAbbreviations(t.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries), out var joined);
            if (registry.Declares(kind) || tokens.All(IsCodeLike))
            {
                items = tokens;
                foreach (var j in joined)
                    warnings.Add($"«{j}» letto come un solo {what} (abbreviazioni); separare {thePlural} con la "
                        + "virgola per evitare ambiguità");
            }
            else
            {
                items = [t];
                warnings.Add($"«{t}» letto come un solo {what}; se sono più {whatPlural}, separarli con la virgola");
            }
        }
        var codes = new List<string>();
        foreach (var item in items)
        {
            string code;
            if (registry.Declares(kind))
            {
                if (registry.CodeOf(kind, item) is not { } known)
                    return new(default!, $"{what} «{item}» non è tra quelli dichiarati nel piano (righe «{row}»)",
                        $"usare uno dei codici dichiarati ({string.Join(", ", registry.Entries
                            .Where(e => e.Kind == kind).Select(e => e.Code))}), separati dalla virgola, o aggiungere "
                            + $"una riga «{row}»");
                code = known;
            }
            else if (!ValidName().IsMatch(item))
                return new(default!, $"{what} «{item}» non leggibile",
                    $"scrivere codici di lettere e cifre separati dalla virgola, es. «{Example(kind)}»");
            else code = IsCodeLike(item) ? item.ToUpperInvariant() : item;
            if (kind == RegistryKind.Holder && Codes.TryParseHolder(code, out var fixedCode, out var normalised)
                && normalised && fixedCode != code.ToUpperInvariant())
            {
                warnings.Add($"titolare «{item}» letto come «{fixedCode}»");
                code = fixedCode;
            }
            if (!codes.Contains(code)) codes.Add(code);
        }
        return new(codes, Warnings: warnings);
    }

    /// <summary>A token with no lower-case letter is a code (<c>SG</c>, <c>U1.1</c>, <c>SERV-RI</c>).</summary>
    public static bool IsCodeLike(string token) => !token.Any(char.IsLower) && token.Any(char.IsLetterOrDigit);

    /// <summary>A token ending with a dot runs on into the next one: <c>AVV.</c> <c>GEN.</c> is one office.</summary>
    static List<string> JoinAbbreviations(string[] tokens, out List<string> joined)
    {
        var result = new List<string>();
        joined = [];
        for (var i = 0; i < tokens.Length; i++)
        {
            var current = tokens[i];
            var start = i;
            while (current.EndsWith('.') && i + 1 < tokens.Length && IsCodeLike(tokens[i + 1])
                && tokens[i + 1].EndsWith('.'))
                current += " " + tokens[++i];
            if (i > start) joined.Add(current);
            result.Add(current);
        }
        return result;
    }

    static string Example(RegistryKind kind) => kind == RegistryKind.Holder ? "SG, PO3, DG" : "U1.1, SERV-RI";

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._\-'’ ]*$")] private static partial Regex ValidName();
}
