using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PerformancePlan.Host.Auth;

/// <summary>
/// The embedded provider's two RSA keys — one signs its tokens, one encrypts them — kept as PKCS#8 PEM files (0600)
/// in a folder of the perfplan home (<c>Oidc:KeyDirectory</c>, else <c>PERFPLAN_HOME</c>, else the user's data
/// folder), created on first use, so tokens and sessions survive a restart. Not in the database: whoever can write
/// there could otherwise mint any user's token.
/// </summary>
public static class ProviderKeys
{
    /// <summary>The signing and the encryption key, read from <paramref name="directory"/> or created there.</summary>
    public static (RsaSecurityKey Signing, RsaSecurityKey Encryption) Load(string? directory)
    {
        directory ??= DefaultDirectory();
        Directory.CreateDirectory(directory);
        return (Key(Path.Combine(directory, "oidc-signing-key.pem")),
            Key(Path.Combine(directory, "oidc-encryption-key.pem")));
    }

    /// <summary>The default folder: <c>PERFPLAN_HOME</c>, else <c>/var/lib/perfplan</c> for root, else
    /// <c>$XDG_DATA_HOME/perfplan</c> or <c>~/.local/share/perfplan</c>.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("PERFPLAN_HOME") is { Length: > 0 } home) return home;
        if (Environment.IsPrivilegedProcess) return "/var/lib/perfplan";
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "perfplan");
    }

    static RsaSecurityKey Key(string path)
    {
        if (!File.Exists(path)) Create(path);
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = id };
    }

    // Written whole under a temporary name, then moved into place: a concurrent start reads a complete key or makes
    // its own, and the first to arrive wins.
    static void Create(string path)
    {
        using var rsa = RSA.Create(2048);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}";
        File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
    }
}
