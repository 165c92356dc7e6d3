using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace PerformancePlan.Host.Application;

/// <summary>
/// The Ed25519 key that signs ledger checkpoints (ADR 0016), never stored in the database: from a file
/// (<c>--key-file</c>), from <c>PERFPLAN_LEDGER_KEY</c> (the key in base64, or the path of its file), else a file under
/// the perfplan home created on first use with permissions 0600. Checking a signature needs only the public key.
/// </summary>
public sealed class LedgerKey
{
    readonly Ed25519PrivateKeyParameters _private;

    LedgerKey(byte[] seed, string? path, bool created)
    {
        _private = new Ed25519PrivateKeyParameters(seed, 0);
        PublicKey = Convert.ToBase64String(_private.GeneratePublicKey().GetEncoded());
        Path = path;
        Created = created;
    }

    /// <summary>The public key, base64 (32 bytes): what the OIV needs to check checkpoints.</summary>
    public string PublicKey { get; }

    /// <summary>The key's fingerprint: 16 hex digits of SHA-256 of the public key.</summary>
    public string Id => IdOf(PublicKey);

    /// <summary>The file the key was read from or created in; null when it came from the environment.</summary>
    public string? Path { get; }

    /// <summary>True when this call created the key file (the host tells the user where it is).</summary>
    public bool Created { get; }

    /// <summary>The fingerprint of a public key (base64).</summary>
    public static string IdOf(string publicKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKey)))[..16];

    /// <summary>The default key file: <c>ledger-key</c> beside the embedded cluster's folder.</summary>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable("PERFPLAN_HOME") is { Length: > 0 } home)
            return System.IO.Path.Combine(home, "ledger-key");
        if (Environment.IsPrivilegedProcess) return "/var/lib/perfplan/ledger-key";
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local",
                "share");
        return System.IO.Path.Combine(data, "perfplan", "ledger-key");
    }

    /// <summary>The signing key: <paramref name="file"/>, else <c>PERFPLAN_LEDGER_KEY</c>, else the default file,
    /// created (0600) if missing.</summary>
    /// <exception cref="DomainException">The key file or variable does not hold an Ed25519 key.</exception>
    public static LedgerKey Load(string? file = null)
    {
        if (file is { Length: > 0 }) return FromFile(file, create: false);
        var env = Environment.GetEnvironmentVariable("PERFPLAN_LEDGER_KEY");
        if (env is { Length: > 0 })
            return File.Exists(env) ? FromFile(env, create: false) : new LedgerKey(Seed(env, "PERFPLAN_LEDGER_KEY"),
                null, false);
        return FromFile(DefaultPath(), create: true);
    }

    /// <summary>Ed25519 signature (base64) of <paramref name="message"/>.</summary>
    public string Sign(string message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        var bytes = Encoding.UTF8.GetBytes(message);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>True when <paramref name="signature"/> is <paramref name="publicKey"/>'s over the message.</summary>
    public static bool Verify(string publicKey, string message, string signature)
    {
        try
        {
            var signer = new Ed25519Signer();
            signer.Init(false, new Ed25519PublicKeyParameters(Convert.FromBase64String(publicKey), 0));
            var bytes = Encoding.UTF8.GetBytes(message);
            signer.BlockUpdate(bytes, 0, bytes.Length);
            return signer.VerifySignature(Convert.FromBase64String(signature));
        }
        catch (Exception e) when (e is FormatException or ArgumentException) { return false; }
    }

    static LedgerKey FromFile(string path, bool create)
    {
        if (File.Exists(path)) return new LedgerKey(Seed(File.ReadAllText(path), path), path, false);
        if (!create) throw new DomainException($"Chiave del registro non trovata: {path}.");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8];
        var seed = RandomNumberGenerator.GetBytes(32);
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write,
            UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(seed) + "\n"));
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException)   // another process created it first: use theirs
        {
            File.Delete(temp);
            return FromFile(path, create: false);
        }
        // Once per installation, whichever command signs first: the host's own output does not reach here.
        Console.Error.WriteLine($"Chiave di firma del registro creata in {path} (permessi 0600). La chiave pubblica "
            + "per l'OIV è in ogni checkpoint esportato (perfplan ledger checkpoint --as oiv --out FILE).");
        return new LedgerKey(seed, path, true);
    }

    /// <summary>
    /// The file of the key a rotation replaces: <paramref name="file"/>, else <c>PERFPLAN_LEDGER_KEY</c> when it
    /// names a file, else the default file.
    /// </summary>
    /// <exception cref="DomainException">The key is in the variable itself (perfplan cannot rewrite it), or there is
    /// no key file yet.</exception>
    public static string FileToRotate(string? file)
    {
        var env = Environment.GetEnvironmentVariable("PERFPLAN_LEDGER_KEY");
        var path = file is { Length: > 0 } ? file
            : env is { Length: > 0 } && !File.Exists(env)
                ? throw new DomainException("La chiave del registro è nella variabile PERFPLAN_LEDGER_KEY, che "
                    + "perfplan non può riscrivere: indicare il file della chiave con --key-file, o metterla in un "
                    + "file e scrivere in PERFPLAN_LEDGER_KEY il suo percorso.")
            : env is { Length: > 0 } ? env : DefaultPath();
        return File.Exists(path) ? path
            : throw new DomainException($"Nessuna chiave del registro da ruotare in {path}: la prima è creata dal "
                + "primo checkpoint (perfplan ledger checkpoint).");
    }

    /// <summary>A new key in memory, for <see cref="ReplaceFile"/>.</summary>
    public static LedgerKey Generate() => new(RandomNumberGenerator.GetBytes(32), null, true);

    /// <summary>
    /// Writes this key over <paramref name="path"/> (permissions 0600, renamed into place: the file is never half
    /// written) and returns it as read from there. The old key is gone: only its public key lives on, in the
    /// checkpoints that name it.
    /// </summary>
    public LedgerKey ReplaceFile(string path)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8];
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write,
            UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(_private.GetEncoded()) + "\n"));
        File.Move(temp, path, overwrite: true);
        return FromFile(path, create: false);
    }

    /// <summary>The configured key if it already exists (never creates one); null otherwise.</summary>
    public static LedgerKey? Existing()
    {
        var env = Environment.GetEnvironmentVariable("PERFPLAN_LEDGER_KEY");
        if (env is { Length: > 0 }) return Load();
        return File.Exists(DefaultPath()) ? Load() : null;
    }

    static byte[] Seed(string text, string where)
    {
        try
        {
            var seed = Convert.FromBase64String(text.Trim());
            if (seed.Length == 32) return seed;
        }
        catch (FormatException) { }
        throw new DomainException($"{where} non contiene una chiave Ed25519 (32 byte in base64). "
            + "Indicare il file creato da perfplan o generarne uno nuovo.");
    }
}
