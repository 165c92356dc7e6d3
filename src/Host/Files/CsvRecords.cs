using System.Text.RegularExpressions;
using CsvHelper;

namespace PerformancePlan.Host.Files;

/// <summary>
/// The records of CSV text separated by <c>;</c>, parsed by CsvHelper (RFC 4180 quotes: a cell may hold <c>;</c>,
/// line breaks and doubled quotes). Excel's <c>sep=;</c> first line is skipped, as Excel does; a header separated by
/// anything else is refused, naming the separator found, since a comma file written by a non-Italian Excel has
/// decimal points that would be read as thousands (ADR 0011).
/// </summary>
static partial class CsvRecords
{
    static readonly CsvReaderOptions Options = new()
    {
        Separator = ';', HasHeader = false, SkipEmptyLines = false, TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    /// <summary>Every record, header first; a record's number is its index + 1 (Excel's row number).</summary>
    /// <exception cref="FormatException">Another separator, or quotes that would swallow or glue cells.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        text = SkipSeparatorLine(text.TrimStart('\uFEFF'));
        CheckSeparator(FirstLine(text));
        var malformed = new List<CsvMalformedRecord>();
        var records = new List<IReadOnlyList<string>>();
        using (var reader = CsvReader.FromText(text, Options with { OnMalformedRecord = malformed.Add }))
            while (reader.Read())
                records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList());
        // A stray quote inside a cell (24" monitor) is kept as text; a quote that ends a cell early or never
        // closes would change the cells, so it is refused.
        var refused = malformed.Where(m => m.Reason != CsvMalformedReason.StrayQuote).ToList();
        if (refused is [var bad, ..])
            throw new FormatException(bad.Reason == CsvMalformedReason.UnterminatedQuote
                ? $"riga {bad.RecordNumber}: virgolette aperte e mai chiuse, il resto del file finirebbe in una "
                    + "sola cella. Come correggere: chiudere le virgolette (un \" dentro una cella si scrive \"\")"
                : $"riga {bad.RecordNumber}: testo dopo le virgolette di chiusura di una cella (forse virgolette "
                    + "aperte e non chiuse più sopra). Come correggere: chiudere le virgolette; un \" dentro una "
                    + "cella si scrive \"\"");
        return records;
    }

    static string SkipSeparatorLine(string text)
    {
        var first = SeparatorLine().Match(FirstLine(text));
        if (!first.Success) return text;
        var declared = first.Groups[1].Value;
        if (declared != ";")
            throw new FormatException($"riga 1: il file dichiara «sep={declared}»: le colonne sono separate da "
                + $"{Name(declared[0])}, non da «;». Come correggere: salvare il file con «;» come separatore");
        var end = text.IndexOf('\n');
        return end < 0 ? "" : text[(end + 1)..];
    }

    static void CheckSeparator(string header)
    {
        if (header.Contains(';')) return;
        if (new[] { ',', '\t', '|' }.FirstOrDefault(header.Contains) is var found and not '\0')
            throw new FormatException($"riga 1: le colonne dell'intestazione sono separate da {Name(found)}, non "
                + "da «;» (punto e virgola). Come correggere: salvare il file con Excel in italiano come «CSV UTF-8» "
                + "oppure sostituire il separatore con «;»; la virgola resta solo nei decimali (es. 80,5)");
    }

    static string Name(char separator) => separator switch
    {
        ',' => "«,» (virgola)",
        '\t' => "tabulazioni",
        '|' => "«|» (barra verticale)",
        _ => $"«{separator}»",
    };

    static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).TrimEnd('\r');
    }

    [GeneratedRegex("""^"?sep=(.)"?\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex SeparatorLine();
}
