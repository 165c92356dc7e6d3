using System.Text;
using UtfUnknown;

namespace PerformancePlan.Host.Files;

/// <summary>
/// Turns a text file's bytes into text, or refuses it. Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, and
/// Windows-1252 — what Excel writes as plain «CSV» on an Italian Windows. A BOM decides; then strict UTF-8; then the
/// charset detector (UTF.Unknown) must see a Latin-alphabet single-byte text, which is read as Windows-1252 only if
/// every character it gives is one a Western text uses. Anything else is refused, never guessed (ADR 0011).
/// </summary>
public static class TextDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Latin-alphabet single-byte charsets the detector confuses on short Italian text.</summary>
    static readonly HashSet<string> LatinFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        "windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258", "macintosh",
        "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-9", "iso-8859-10", "iso-8859-13",
        "iso-8859-14", "iso-8859-15", "iso-8859-16",
    };

    const string Fix = "Come correggere: in Excel usare File › Salva con nome › «CSV UTF-8 (delimitato da virgole)»"
        + " (il separatore resta «;»)";

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, the code page of Excel's plain «CSV» in Western Europe.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>The text of <paramref name="bytes"/>, without a byte order mark.</summary>
    /// <exception cref="FormatException">Not text, or an encoding other than those accepted.</exception>
    public static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Strict(bytes, 3);
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [(byte)'P', (byte)'K', 3, 4, ..])
            throw new FormatException("il file è una cartella di lavoro Excel, non un CSV. Come correggere: "
                + "rinominarlo con l'estensione «.xlsx»");
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new FormatException("il file non è un testo CSV (contiene byte nulli: forse un .xls o un testo "
                + "Unicode senza BOM). " + Fix);
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return Legacy(bytes); }
    }

    static string Strict(byte[] bytes, int offset)
    {
        try { return StrictUtf8.GetString(bytes, offset, bytes.Length - offset); }
        catch (DecoderFallbackException)
        {
            throw new FormatException("il file dichiara UTF-8 (BOM) ma contiene byte non UTF-8. " + Fix);
        }
    }

    static string Legacy(byte[] bytes)
    {
        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        var name = detected?.EncodingName ?? "sconosciuta";
        var latin = LatinFamily.Contains(name);
        var text = Windows1252.GetString(bytes);
        if (!latin || !text.All(Western))
            throw new FormatException($"codifica dei caratteri non riconosciuta (non è UTF-8 né il «CSV» "
                + $"Windows-1252 di Excel; il rilevatore indica «{name}»). {Fix}");
        return text;
    }

    /// <summary>ASCII, Latin-1 letters and signs, and the few others Windows-1252 has (€, “”, –, …, Œ).</summary>
    static bool Western(char c) => c switch
    {
        '\t' or '\r' or '\n' => true,
        < ' ' => false,
        < '\u007F' => true,
        >= '\u00A0' and <= '\u017F' => true,
        '\u0192' or '\u02C6' or '\u02DC' or '\u2122' or '\u20AC' => true,
        >= '\u2013' and <= '\u2030' => true,
        '\u2039' or '\u203A' => true,
        _ => false,
    };
}
