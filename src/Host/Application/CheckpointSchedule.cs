using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using NodaTime.Text;
using PerformancePlan.Projections;
using IMartenDatabase = Marten.Storage.IMartenDatabase;

namespace PerformancePlan.Host.Application;

/// <summary>
/// Signed checkpoints on a schedule (ADR 0016, 0027): while <c>serve</c> runs, once <see cref="Every"/> has passed
/// since the last checkpoint (any: after an approval, on demand, scheduled) and the ledger's head has moved past the
/// last one exported, the ledger is verified, its head signed and the checkpoint written to <see cref="Directory"/>
/// — where the OIV collects them — as <c>perfplan-checkpoint-AAAA-MM-GG-POSIZIONE.json</c>. So every event is covered
/// by an exported signature at most <see cref="Every"/> (plus one <see cref="Poll"/>) after it was written.
/// </summary>
/// <param name="Every">How long a written event may wait for a signature; null: no schedule.</param>
/// <param name="Poll">How often the service looks (the clock decides whether it is time).</param>
/// <param name="Directory">Where exported checkpoints go.</param>
public sealed partial record CheckpointSchedule(TimeSpan? Every, TimeSpan Poll, string Directory)
{
    /// <summary>24 hours: a day's events at most wait for a signature, as with a daily cron line.</summary>
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromHours(24);

    /// <summary>One minute.</summary>
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromMinutes(1);

    /// <summary><c>checkpoints</c> beside the signing key's default file (<see cref="LedgerKey.DefaultPath"/>).
    /// </summary>
    public static string DefaultDirectory() =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(LedgerKey.DefaultPath())!, "checkpoints");

    /// <summary>
    /// The schedule from the service's settings (<c>Ledger:CheckpointEvery</c>, <c>Ledger:CheckpointPoll</c>,
    /// <c>Ledger:CheckpointDir</c>; <c>PERFPLAN_Ledger__CheckpointEvery</c>… in the environment), each optional.
    /// </summary>
    /// <exception cref="ServiceStartException">A duration that cannot be read: the service does not start.</exception>
    public static CheckpointSchedule From(string? every, string? poll, string? directory) => new(
        every is { Length: > 0 } e ? (Off(e) ? null : Duration(e, "Ledger:CheckpointEvery")) : DefaultEvery,
        poll is { Length: > 0 } p ? Duration(p, "Ledger:CheckpointPoll") ?? DefaultPoll : DefaultPoll,
        directory is { Length: > 0 } d ? System.IO.Path.GetFullPath(d) : DefaultDirectory());

    static bool Off(string text) => text.Trim() is "0" or "off" or "no" or "false";

    /// <summary><c>24h</c>, <c>30m</c>, <c>7d</c>, <c>90s</c>, <c>500ms</c>, hours and minutes <c>24:00</c> or
    /// <c>24:00:00</c> (24 hours: .NET alone would read 24 days), or a .NET time span with days (<c>1.00:00:00</c>).
    /// </summary>
    static TimeSpan? Duration(string text, string setting)
    {
        var t = text.Trim();
        var m = DurationPattern().Match(t);
        if (m.Success)
        {
            var n = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var span = m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n), "s" => TimeSpan.FromSeconds(n), "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n),
            };
            if (span > TimeSpan.Zero) return span;
        }
        else if (ClockPattern().Match(t) is { Success: true } c)
        {
            var span = new TimeSpan(int.Parse(c.Groups[1].Value), int.Parse(c.Groups[2].Value),
                c.Groups[3].Success ? int.Parse(c.Groups[3].Value) : 0);
            if (span > TimeSpan.Zero) return span;
        }
        else if (TimeSpan.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var span)
            && span > TimeSpan.Zero)
            return span;
        throw new ServiceStartException($"{setting}: «{text}» non è una durata. Scrivere ad esempio 24h, 30m, 7d o "
            + "1.00:00:00; 0 o off per nessun checkpoint programmato.");
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|h|d)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^([0-9]{1,4}):([0-5][0-9])(?::([0-5][0-9]))?$")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"^perfplan-checkpoint-[0-9]{4}-[0-9]{2}-[0-9]{2}-([0-9]+)\.json$")]
    private static partial Regex FileName();

    /// <summary>The file a checkpoint is exported to: its date (Europe/Rome) and the head position it signs.
    /// </summary>
    public string FileOf(LedgerCheckpointFile c) => System.IO.Path.Combine(Directory,
        $"perfplan-checkpoint-{InstantPattern.ExtendedIso.Parse(c.At).Value.InZone(ItalianFormat.Rome).Date:yyyy-MM-dd}"
        + $"-{c.Position}.json");

    /// <summary>
    /// Takes and exports a checkpoint if one is due at <paramref name="now"/>; returns its file, or null when the head
    /// has not moved past the last exported checkpoint or <see cref="Every"/> has not passed since the last one.
    /// </summary>
    /// <param name="since">When the schedule started: the reference while the database holds no checkpoint.</param>
    /// <exception cref="DomainException">The ledger does not verify (nothing is signed), or the key is unreadable.
    /// </exception>
    /// <returns>The files exported: one per database whose checkpoint was due (ADR 0031: each database has its own
    /// global chain; the home database's go to <see cref="Directory"/>, another's to a folder named after it).
    /// </returns>
    public async Task<IReadOnlyList<string>> TickAsync(IDocumentStore store, IClock clock, Instant since,
        CancellationToken ct)
    {
        if (Every is null) return [];
        var files = new List<string>();
        var databases = await Tenancy.DatabasesAsync(store);
        foreach (var database in databases)
        {
            var schedule = ReferenceEquals(database, databases[0]) ? this
                : this with { Directory = System.IO.Path.Combine(Directory, Tenancy.NameOf(database)) };
            if (await schedule.TickAsync(store, database, clock, since, ct) is { } file) files.Add(file);
        }
        return files;
    }

    /// <summary>The advisory lock that lets one host instance at a time take a database's scheduled checkpoint.
    /// </summary>
    public const string LockKey = "perfplan.checkpoint-schedule";

    /// <summary>
    /// One database's tick, under a transaction-scoped advisory lock on it: several host instances behind a load
    /// balancer each run the schedule (docs/deployment.md); the one that gets the lock checks and signs, the others
    /// skip this poll, and at their next one find the checkpoint just taken — none is signed twice.
    /// </summary>
    async Task<string?> TickAsync(IDocumentStore store, IMartenDatabase database, IClock clock, Instant since,
        CancellationToken ct)
    {
        var every = Every!.Value;
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string claimed = $"select pg_try_advisory_xact_lock(hashtext('{LockKey}'))";
        await using (var claim = new NpgsqlCommand(claimed, conn, tx))
            if (!(bool)(await claim.ExecuteScalarAsync(ct))!) return null;
        var (head, lastAt) = await StateAsync(store, database, ct);
        if (head <= ExportedPosition()) return null;
        if (clock.GetCurrentInstant() - (lastAt ?? since) < NodaTime.Duration.FromTimeSpan(every)) return null;
        var ledger = new LedgerService(store, clock, database);
        var key = LedgerKey.Load();
        var report = await ledger.VerifyWithAsync(null, new LedgerEvidence(PublicKey: key.PublicKey), ct);
        if (!report.Verified)
            throw new DomainException($"Registro NON integro ({report.FirstBad!.Reason}, {report.FirstBad.Stream} "
                + $"v{report.FirstBad.Version}): nessun checkpoint programmato su una storia alterata. Eseguire "
                + "«perfplan ledger verify».");
        var checkpoint = await ledger.CheckpointAsync("perfplan serve", "checkpoint programmato", key, ct);
        System.IO.Directory.CreateDirectory(Directory);
        var file = FileOf(checkpoint);
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(checkpoint, AppJson.Options), ct);
        File.Move(temp, file, overwrite: true);   // whoever collects the folder never sees half a file
        return file;
    }

    /// <summary>The highest head position among the files already exported; 0 when none.</summary>
    long ExportedPosition() => !System.IO.Directory.Exists(Directory) ? 0
        : System.IO.Directory.EnumerateFiles(Directory).Select(f => FileName().Match(System.IO.Path.GetFileName(f)))
            .Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();

    /// <summary>The global chain's head position and when the last checkpoint was taken (null: none).</summary>
    async Task<(long Head, Instant? LastAt)> StateAsync(IDocumentStore store, IMartenDatabase database,
        CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"select (select position from {schema}.{LedgerSchema.HeadTable}), "
            + $"(select taken_at from {schema}.{LedgerSchema.CheckpointTable} order by number desc limit 1)", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var head = r.IsDBNull(0) ? 0 : r.GetInt64(0);
        return (head, r.IsDBNull(1) ? null : InstantPattern.ExtendedIso.Parse(r.GetString(1)).Value);
    }
}
