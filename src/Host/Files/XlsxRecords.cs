using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace PerformancePlan.Host.Files;

/// <summary>
/// The rows of an .xlsx's first sheet, each cell as the text the domain's parsers read (<see cref="XlsxCell"/>).
/// ExcelDataReader is used because it exposes each cell's number format: 0,8 shown as «80%» is 80%, not 0,8.
/// </summary>
static class XlsxRecords
{
    static XlsxRecords() => _ = TextDecoder.Windows1252; // ExcelDataReader asks for code page 1252 on creation

    /// <summary>Every row of the first sheet, header first; a row's number is its index + 1.</summary>
    /// <exception cref="FormatException">Not a readable workbook (another file renamed, a damaged or locked one).
    /// </exception>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var rows = new List<IReadOnlyList<string>>();
            while (reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount)
                    .Select(i => XlsxCell.Text(reader.GetValue(i), reader.GetNumberFormatString(i))).ToList());
            return rows;
        }
        catch (InvalidPasswordException)
        {
            throw new FormatException("la cartella di lavoro è protetta da password. Come correggere: salvarne una "
                + "copia senza password");
        }
        catch (IOException) when (IsLocked(path))
        {
            throw new FormatException("il file non si può leggere: forse è aperto in un altro programma. "
                + "Come correggere: chiuderlo (ad esempio in Excel) e ripetere il comando");
        }
        catch (Exception e) when (e is not (OutOfMemoryException or FormatException))
        {
            // Whatever the library meets inside a file that is not a workbook (bad signature, a zip without one,
            // broken XML), the user's answer is the same.
            throw new FormatException("il file non è una cartella di lavoro Excel (.xlsx) leggibile. Come "
                + "correggere: aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)», oppure "
                + "come «CSV UTF-8» con estensione .csv");
        }
    }

    static bool IsLocked(string path)
    {
        try { using var _ = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); return false; }
        catch (IOException) { return true; }
    }
}
