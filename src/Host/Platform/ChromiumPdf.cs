namespace PerformancePlan.Host.Platform;

/// <summary>Prints a self-contained HTML document to PDF with headless Chromium (Debian's package).</summary>
public static class ChromiumPdf
{
    /// <summary>The browser: <c>PERFPLAN_CHROMIUM</c> if set, else <c>/usr/bin/chromium</c>.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("PERFPLAN_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    /// <summary>Whether <see cref="Executable"/> exists.</summary>
    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>
    /// Writes <paramref name="html"/> to a temporary file and prints it to <paramref name="pdf"/>; returns whether the
    /// PDF was written and what Chromium printed. The flags keep it off the network (no background connections).
    /// </summary>
    public static async Task<(bool Printed, string Output)> PrintAsync(string html, FileInfo pdf, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("perfplan-pdf-").FullName;
        var page = Path.Combine(directory, "documento.html");
        await File.WriteAllTextAsync(page, html, ct);
        var (code, output) = ProcessRunner.Run(Executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
            $"--user-data-dir={directory}/profile", $"--print-to-pdf={pdf.FullName}", "file://" + page,
        ], "/", TimeSpan.FromMinutes(2));
        return (code == 0 && File.Exists(pdf.FullName), output);
    }
}
