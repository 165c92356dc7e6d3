using PerformancePlan.Host.Platform;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace PerformancePlan.Host.Database;

/// <param name="Root">
/// Folder holding the cluster (<c>data/</c>), its socket and log (<c>run/</c>) and its password.
/// </param>
/// <param name="Durable">False for throwaway test clusters: fsync and synchronous commit off.</param>
public sealed record EmbeddedPostgresOptions(string Root, bool Durable = true, string Database = "perfplan")
{
    /// <summary>
    /// <c>PERFPLAN_HOME</c>, else the user's data folder (<c>~/.local/share/perfplan</c>). Root's home is not
    /// traversable by the <c>postgres</c> user, so root defaults to <c>/var/lib/perfplan</c>.
    /// </summary>
    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable("PERFPLAN_HOME") is { Length: > 0 } home)
            return Path.Combine(home, "pg");
        if (Environment.IsPrivilegedProcess) return "/var/lib/perfplan/pg";
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "perfplan", "pg");
    }
}

/// <summary>
/// A private PostgreSQL cluster started from the machine's binaries: created on first use, started on a free
/// loopback port, reused when already running. Many <c>perfplan</c> processes may use it at once: start-up is
/// serialised by <c>.lock</c>, each user holds a shared lock on <c>run/users.lock</c> while it works, and the last
/// one out stops a cluster that a <c>perfplan</c> process started (never one found running without it). As root,
/// every PostgreSQL program runs as the <c>postgres</c> user (PostgreSQL refuses root), in folders that user owns.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    readonly EmbeddedPostgresOptions _options;
    readonly Lazy<string> _bin;
    readonly bool _asPostgres = Environment.IsPrivilegedProcess;
    FileStream? _lease;

    // The binaries are looked for (pg_config, /usr/lib/postgresql) only when a program must run: a cluster already
    // running is reused without starting any process (issue #15: a verb's time before its first query).
    EmbeddedPostgres(EmbeddedPostgresOptions options, Func<string> bin)
    {
        _options = options;
        _bin = new Lazy<string>(bin);
    }

    public string ConnectionString { get; private set; } = "";
    public bool StartedHere { get; private set; }
    public int Port { get; private set; }
    string DataDir => Path.Combine(_options.Root, "data");
    string RunDir => Path.Combine(_options.Root, "run");
    /// <summary>The server's log (its standard error, through <c>pg_ctl -l</c>).</summary>
    public string LogFile => Path.Combine(RunDir, "postgres.log");
    string PasswordFile => Path.Combine(_options.Root, "password");
    string StartLock => Path.Combine(_options.Root, ".lock");
    string UsersLock => Path.Combine(RunDir, "users.lock");
    /// <summary>Present while the running cluster is one a perfplan process started: the last user stops it.</summary>
    string StartedByPerfplan => Path.Combine(RunDir, "started-by-perfplan");

    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var pg = new EmbeddedPostgres(options, PostgresBinaries.Find);
        await pg.StartAsync(ct);
        return pg;
    }

    async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_options.Root);
        using (await FileLock.AcquireAsync(StartLock, ct))
        {
            var alive = ReadyPort();   // a cluster up and ready is reused as it is: nothing to prepare or run
            if (alive is null)
            {
                PrepareFolders();
                if (!File.Exists(Path.Combine(DataDir, "PG_VERSION"))) InitCluster();
            }
            var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
            if (alive is { } ready) Port = ready;
            else if (RunningPort() is { } running) Port = running;
            else
            {
                StartOnAFreePort();
                StartedHere = true;
                await File.WriteAllTextAsync(StartedByPerfplan, Environment.ProcessId.ToString(), ct);
            }
            _lease = FileLock.Shared(UsersLock);
            var admin = Connection(password, "postgres");
            await EnsureDatabaseAsync(admin, ct);
            ConnectionString = Connection(password, _options.Database);
        }
    }

    /// <summary>
    /// Starts the cluster again when it is gone (killed, crashed): under the start lock, on the port it had when that
    /// port is free (so connection strings stay valid); PostgreSQL recovers from its write-ahead log. True when it had
    /// to start it.
    /// </summary>
    public async Task<bool> EnsureRunningAsync(CancellationToken ct)
    {
        using (await FileLock.AcquireAsync(StartLock, ct))
        {
            if (RunningPort() is not null) return false;
            StartOnAFreePort();
            StartedHere = true;
            await File.WriteAllTextAsync(StartedByPerfplan, Environment.ProcessId.ToString(), ct);
            return true;
        }
    }

    void PrepareFolders()
    {
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(RunDir);
        if (!_asPostgres) return;
        if (!ProcessRunner.TryRun("id", ["-u", "postgres"], out _))
            throw new PostgresUnavailableException(
                "Eseguito come root, PostgreSQL deve girare come utente «postgres», che non esiste: " +
                "installare il pacchetto «postgresql» che lo crea.");
        ProcessRunner.Run("chown", ["postgres:postgres", DataDir, RunDir], "/", TimeSpan.FromSeconds(30));
        File.SetUnixFileMode(DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!ProcessRunner.TryRun("runuser", ["-u", "postgres", "--", "test", "-w", RunDir], out _))
            throw new PostgresUnavailableException(
                $"L'utente «postgres» non può entrare in {_options.Root}: " +
                "una cartella superiore non è attraversabile. " +
                "Indicare con PERFPLAN_HOME una cartella raggiungibile (es. /var/lib/perfplan).");
    }

    void InitCluster()
    {
        // The password is kept before initdb runs, so an interrupted first start can be completed later.
        if (!File.Exists(PasswordFile))
            WritePrivate(PasswordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        var password = File.ReadAllText(PasswordFile).Trim();
        if (Directory.EnumerateFileSystemEntries(DataDir).Any())
            throw new PostgresUnavailableException(
                $"La cartella {DataDir} non è vuota ma non contiene un cluster PostgreSQL: spostarla o svuotarla.");
        var pwFile = Path.Combine(RunDir, "initdb.pw");
        WritePrivate(pwFile, password);
        try
        {
            if (_asPostgres) ProcessRunner.Run("chown", ["postgres", pwFile], "/", TimeSpan.FromSeconds(30));
            List<string> args =
            [
                "-D", DataDir, "-U", "postgres", "--pwfile", pwFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            ];
            if (!_options.Durable) args.Add("--no-sync");
            Pg("initdb", args, TimeSpan.FromMinutes(2));
        }
        finally { File.Delete(pwFile); }
        var settings = new List<string>
        {
            "", "# perfplan: private cluster, loopback only", "listen_addresses = '127.0.0.1'",
        };
        if (!_options.Durable) settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        File.AppendAllLines(Path.Combine(DataDir, "postgresql.conf"), settings);
    }

    static void WritePrivate(string path, string text)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>A port found free can be taken before PostgreSQL binds it: try another one before giving up.</summary>
    void StartOnAFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = ChoosePort();
            try { StartCluster(); return; }
            catch (PostgresUnavailableException) when (attempt < 3 && Tail(LogFile).Contains("could not bind")) { }
        }
    }

    void StartCluster()
    {
        var socketDir = SocketDirectory();
        var (code, output) = Pg("pg_ctl", ["-D", DataDir, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-p {Port} -k '{socketDir}'", "start"], TimeSpan.FromSeconds(90), check: false);
        if (code != 0)
            throw new PostgresUnavailableException(
                $"PostgreSQL non si è avviato (porta {Port}):\n{output}\n{Tail(LogFile)}");
        File.WriteAllText(Path.Combine(_options.Root, "port"), Port.ToString());
    }

    /// <summary>The socket path must stay under 108 bytes; a long root gets a short folder in /tmp.</summary>
    string SocketDirectory()
    {
        if (System.Text.Encoding.UTF8.GetByteCount(Path.Combine(RunDir, ".s.PGSQL.65535.lock")) < 100) return RunDir;
        var rootHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.Root));
        var dir = "/tmp/perfplan-" + Convert.ToHexStringLower(rootHash)[..12];
        Directory.CreateDirectory(dir);
        if (new DirectoryInfo(dir).LinkTarget is not null)
            throw new PostgresUnavailableException(
                $"{dir} è un collegamento simbolico: rimuoverlo o scegliere un PERFPLAN_HOME più corto.");
        if (_asPostgres) ProcessRunner.Run("chown", ["-h", "postgres", dir], "/", TimeSpan.FromSeconds(30));
        return dir;
    }

    /// <summary>
    /// The port of this cluster's postmaster when <c>postmaster.pid</c> names a live <c>postgres</c> process working in
    /// this data directory and says it is ready — what <c>pg_ctl status</c> checks, read without starting a process.
    /// Null when not sure: the caller then asks <c>pg_ctl</c>.
    /// </summary>
    int? ReadyPort()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(DataDir, "postmaster.pid"));
            if (lines.Length < 8 || lines[7].Trim() != "ready" || !int.TryParse(lines[0], out var pid)
                || !int.TryParse(lines[3], out var port)) return null;
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            var cwd = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
            return comm is "postgres" or "postmaster" && cwd is not null
                && Path.GetFullPath(cwd) == Path.GetFullPath(DataDir) ? port : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    int? RunningPort()
    {
        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var (code, _) = Pg("pg_ctl", ["-D", DataDir, "status"], TimeSpan.FromSeconds(30), check: false);
        if (code != 0) return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    int ChoosePort()
    {
        var portFile = Path.Combine(_options.Root, "port");
        if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile), out var previous) && IsFree(previous))
            return previous;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static bool IsFree(int port)
    {
        try { var l = new TcpListener(IPAddress.Loopback, port); l.Start(); l.Stop(); return true; }
        catch (SocketException) { return false; }
    }

    string Connection(string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Password = password, Database = database,
    }.ConnectionString;

    async Task EnsureDatabaseAsync(string adminConnection, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(adminConnection);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn)
        {
            Parameters = { new() { Value = _options.Database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{_options.Database}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Ends this process's use of the cluster; the last user out stops it if a perfplan process started it. A
    /// cluster another process still uses, or one found running without perfplan, is left running.
    /// </summary>
    public async Task StopAsync()
    {
        if (_lease is null) return;
        _lease.Dispose();
        _lease = null;
        NpgsqlConnection.ClearAllPools();
        using (await FileLock.AcquireAsync(StartLock, CancellationToken.None))
        {
            if (!File.Exists(StartedByPerfplan) || !FileLock.NobodyElseHolds(UsersLock)) return;
            Pg("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"], TimeSpan.FromSeconds(60), check: false);
            File.Delete(StartedByPerfplan);
        }
        StartedHere = false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    (int, string) Pg(string program, IReadOnlyList<string> args, TimeSpan timeout, bool check = true)
    {
        var exe = Path.Combine(_bin.Value, program);
        var result = _asPostgres
            ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", exe, .. args], "/", timeout)
            : ProcessRunner.Run(exe, args, "/", timeout);
        if (check && result.ExitCode != 0)
            throw new PostgresUnavailableException($"{program} non riuscito:\n{result.Output}");
        return result;
    }

    static string Tail(string file) => File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(15)) : "";
}
