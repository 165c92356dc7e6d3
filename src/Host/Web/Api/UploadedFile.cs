namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// An uploaded file copied to a temporary folder under its own name, so the services read it as the CLI does (by
/// path: the extension chooses CSV or XLSX, errors name the file as the user knows it); deleted when disposed.
/// </summary>
public sealed class UploadedFile : IDisposable
{
    readonly DirectoryInfo _folder;

    UploadedFile(DirectoryInfo folder, string path) => (_folder, Path) = (folder, path);

    /// <summary>The full path of the copy.</summary>
    public string Path { get; }

    /// <summary>Copies <paramref name="file"/>; a name with no usable characters becomes <c>file.csv</c>.</summary>
    public static async Task<UploadedFile> SaveAsync(IFormFile file, CancellationToken ct)
    {
        var name = System.IO.Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0)
            name = "file.csv";
        var folder = Directory.CreateTempSubdirectory("perfplan-upload-");
        var path = System.IO.Path.Combine(folder.FullName, name);
        await using (var copy = File.Create(path))
            await file.CopyToAsync(copy, ct);
        return new UploadedFile(folder, path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { _folder.Delete(recursive: true); }
        catch (IOException) { }   // a leftover temporary file is harmless; the answer matters more
    }
}
