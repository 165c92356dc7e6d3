using System.CommandLine;
using PerformancePlan.Projections;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// The store's integrity and upkeep: <c>perfplan ledger verify|digest|checkpoint</c>, <c>perfplan rebuild</c> (the
/// projections rebuilt from the events and checked) and <c>perfplan db migrate</c> (the schema, once; ADR 0023).
/// </summary>
public static class LedgerCommands
{
    /// <summary>Exit code when the ledger (or the OIV's replay) finds an altered event.</summary>
    public const int NotVerified = 4;

    /// <summary>
/// The store's integrity and upkeep: <c>perfplan ledger verify|digest|checkpoint</c>, <c>perfplan rebuild</c> (the
/// projections rebuilt from the events and checked) and <c>perfplan db migrate</c> (the schema, once; ADR 0023).
/// </summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        return new Command("ledger", "Registro a prova di manomissione: verifica, digest e checkpoint firmati")
            .With(cli, common, Verify, Digest, LedgerCheckpointCommand.Build, LedgerCheckpointCommand.Key);
    }

    static Command Verify(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.PlanOption("--plan", "Solo gli stream di un piano (il piano e i suoi indicatori)",
            false);
        var digest = new Option<FileInfo?>("--digest")
        {
            Description = "Digest esportato prima (perfplan ledger digest --out): la storia deve estenderlo",
        };
        var checkpoint = new Option<FileInfo?>("--checkpoint")
        {
            Description = "Checkpoint firmato esportato prima (ledger checkpoint --out): la catena deve estenderlo",
        };
        var publicKey = new Option<string[]>("--public-key")
        {
            Description = "Chiave pubblica Ed25519 dei checkpoint (base64), ripetibile; per difetto quella della "
                + "chiave in uso. Dopo una rotazione basta una delle chiavi: la rotazione firmata nomina l'altra",
        };
        var (format, user, entity) = (Formats.Option(), CommonOptions.As(Capability.VerifyLedger), EntityOption());
        return new Command("verify",
            "Ricalcola ogni catena dagli eventi grezzi e trova il primo evento alterato (uscita 4 se non integro)")
        {
            plan, entity, digest, checkpoint, publicKey, format, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var ledger = new EntityLedger(store, cli.Clock);
            LedgerDigestFile? kept = null;
            LedgerCheckpointFile? keptCheckpoint = null;
            if (parse.GetValue(digest) is { } file)
            {
                if (!file.Exists)
                    return cli.Fail($"File di digest non trovato: {file.FullName}", ExitCodes.InvalidInput);
                kept = JsonSerializer.Deserialize<LedgerDigestFile>(
                    await File.ReadAllTextAsync(file.FullName, ct), AppJson.Options);
            }
            if (parse.GetValue(checkpoint) is { } cp)
            {
                if (!cp.Exists)
                    return cli.Fail($"File di checkpoint non trovato: {cp.FullName}", ExitCodes.InvalidInput);
                keptCheckpoint = LedgerCheckpointCommand.Read(await File.ReadAllTextAsync(cp.FullName, ct));
                if (keptCheckpoint is null)
                    return cli.Fail($"{cp.FullName} non è un checkpoint esportato da perfplan ledger checkpoint.",
                        ExitCodes.InvalidInput);
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            PerformancePlan.Domain.Ledger.LedgerReport report;
            try
            {
                report = await cli.StepAsync("Verifica del registro…", () => ledger.VerifyAsync(actor,
                    parse.GetValue(plan), parse.GetValue(entity), new LedgerEvidence(kept, keptCheckpoint,
                    parse.GetValue(publicKey) is { Length: > 0 } keys ? string.Join(',', keys) : null), ct));
            }
            catch (NotFoundException e) { return cli.Fail(e.Message, ExitCodes.InvalidInput); }
            var perSecond = report.Events / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            if (parse.GetValue(format) == Formats.Json)
                cli.WriteJson(new
                {
                    verified = report.Verified, events = report.Events, head = report.Head,
                    firstBad = report.FirstBad is { } b
                        ? new { stream = b.Stream, version = b.Version, sequence = b.Sequence, reason = b.Reason }
                        : null,
                    sealedEvents = report.Position,
                    lastCheckpoint = report.LastCheckpoint is { } c
                        ? new { number = c.Number, position = c.Position, at = c.At, reason = c.Reason }
                        : null,
                    sealedSinceCheckpoint = report.SealedSinceCheckpoint,
                    uncheckedCheckpoints = report.UncheckedCheckpoints,
                    streams = report.Streams, seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
                    eventsPerSecond = Math.Round(perSecond),
                    entities = report.Entities.Select(h => new { entity = h.Entity, position = h.Position,
                        link = h.Link }),
                });
            else if (report.Verified)
            {
                cli.Console.MarkupLine($"[green]Registro integro[/]: {report.Events} eventi in " +
                    $"{report.Streams} stream, testa {report.Head}" +
                    (kept is null ? "." : ", estende il digest indicato."));
                cli.Console.MarkupLine($"Verificati in {watch.Elapsed.TotalSeconds:0.0} s ({perSecond:0} eventi/s).");
                if (parse.GetValue(entity) is not null && report.Entities.Count > 1)
                    cli.Console.MarkupLine("Catene verificate, con i predecessori fino alla fusione: "
                        + string.Join(", ", report.Entities.Select(h => $"{h.Entity} ({h.Position} "
                            + (h.Position == 1 ? "sigillo)" : "sigilli)"))) + ".");
                cli.Console.MarkupLine(Markup.Escape(LedgerCheckpointCommand.Describe(report)));
            }
            else
            {
                foreach (var p in report.Problems)
                {
                    var where = $"{p.Stream} versione {p.Version}" + (p.Sequence is { } s ? $" (sequenza {s})" : "");
                    cli.Errors.MarkupLine($"[red]{Markup.Escape(where + $": {p.Reason}")}[/]");
                }
                cli.Errors.MarkupLine("[red]Registro NON integro[/]: primo evento alterato " +
                    $"{Markup.Escape(report.FirstBad!.Stream)} versione {report.FirstBad.Version}.");
            }
            return report.Verified ? ExitCodes.Ok : NotVerified;
        });
    }

    static Command Digest(CliContext cli, CommonOptions common)
    {
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File in cui esportare il digest (da conservare fuori dal sistema)",
        };
        var (user, entity) = (CommonOptions.As(Capability.SealLedger), EntityOption());
        return new Command("digest",
            "Registra e esporta la testa del registro (radice di Merkle di tutte le catene); con --entity esporta la "
            + "testa della catena di un solo ente")
        {
            output, entity, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            LedgerDigestFile digest;
            try { digest = await new EntityLedger(store, cli.Clock).DigestAsync(actor, parse.GetValue(entity), ct); }
            catch (NotFoundException e) { return cli.Fail(e.Message, ExitCodes.InvalidInput); }
            var json = JsonSerializer.Serialize(digest, AppJson.Options);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, json, ct);
            else cli.Console.Profile.Out.Writer.WriteLine(json);
            var exported = parse.GetValue(output) is { } f ? $", esportato in {Markup.Escape(f.FullName)}." : ".";
            if (parse.GetValue(entity) is { } one)
                cli.Errors.MarkupLine($"[green]Digest dell'ente {one}[/]: {digest.Entities![0].Position} sigilli, "
                    + $"testa {digest.Root}{exported}");
            else
                cli.Errors.MarkupLine($"[green]Digest registrato[/]: radice {digest.Root} alla posizione " +
                    $"{digest.Position} della catena globale, teste di {digest.Entities?.Count ?? 0} enti{exported}");
            return ExitCodes.Ok;
        });
    }

    /// <summary><c>--entity E</c>: one administration's chain (ADR 0028); none, the whole store.</summary>
    static Option<EntityId?> EntityOption() => new("--entity")
    {
        Description = "Solo la catena di un ente (es. cciaa-ms): la sua testa, niente degli altri enti",
        CustomParser = r => EntityId.TryParse(r.Tokens.Single().Value, out var id, out var error) ? id
            : Refuse(r, error),
    };

    static EntityId? Refuse(System.CommandLine.Parsing.ArgumentResult r, string error)
    {
        r.AddError(error);
        return null;
    }

    /// <summary>
    /// <c>perfplan rebuild [--format json]</c>: exit 0 when the rebuilt documents equal what the events give, 4
    /// otherwise.
    /// </summary>
    public static Command Rebuild(CliContext cli, CommonOptions common)
    {
        var format = Formats.Option();
        return new Command("rebuild",
            "Ricostruisce dagli eventi i documenti dei piani e dei risultati e verifica che coincidano con gli eventi "
            + "(da eseguire a servizio fermo)") { format }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var report = await cli.StepAsync("Ricostruzione delle proiezioni…", step =>
                    new ProjectionRebuild(store).RebuildAsync(
                        n => step($"Ricostruzione delle proiezioni: {n:N0} eventi…"), ct));
                if (parse.GetValue(format) == Formats.Json)
                    cli.WriteJson(new
                    {
                        events = report.Events, documents = report.Documents,
                        seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                        eventsPerSecond = Math.Round(report.EventsPerSecond), plansChecked = report.PlansChecked,
                        phases = new
                        {
                            emptyingSeconds = Math.Round(report.Phases.Emptying.TotalSeconds, 3),
                            loadingSeconds = Math.Round(report.Phases.Loading.TotalSeconds, 3),
                            indexingSeconds = Math.Round(report.Phases.Indexing.TotalSeconds, 3),
                        },
                        equalsEvents = report.Differences.Count == 0, differences = report.Differences,
                    });
                else
                {
                    cli.Console.MarkupLine(string.Create(ItalianFormat.Culture, $"Proiezioni ricostruite: "
                        + $"{report.Events:#,0} eventi, {report.Documents:#,0} documenti in "
                        + $"{report.Elapsed.TotalSeconds:0.0} s ({report.EventsPerSecond:#,0} eventi/s; "
                        + $"{report.PhasesText})."));
                    if (report.Differences.Count == 0)
                        cli.Console.MarkupLine($"[green]Verifica superata[/]: i documenti di {report.PlansChecked} "
                            + "piani coincidono con quanto dicono gli eventi.");
                }
                foreach (var d in report.Differences) cli.Errors.MarkupLine($"[red]{Markup.Escape(d)}[/]");
                return report.Differences.Count == 0 ? ExitCodes.Ok : LedgerCommands.NotVerified;
            });
    }

    /// <summary><c>perfplan db migrate</c>.</summary>
    public static Command Db(CliContext cli, CommonOptions common) =>
        new Command("db", "Archivio eventi: creazione e aggiornamento dello schema").With(cli, common, Migrate);

    static Command Migrate(CliContext cli, CommonOptions common) =>
        new Command("migrate", "Crea o aggiorna le tabelle dell'archivio eventi e del registro (eseguito anche "
            + "all'avvio di serve e demo e al primo uso di un database nuovo)")
            .OnStore(cli, common, async (_, store, ct) =>
            {
                var watch = Stopwatch.StartNew();
                await MigrateAsync(cli, store, ct);
                return cli.Ok($"Schema dell'archivio eventi aggiornato (versione {SchemaStamp.Version(store)}) "
                    + $"in {watch.Elapsed.TotalSeconds:0.0} s.");
            }, prepare: false);

    /// <summary>Creates or upgrades the schema and stamps it, while the status line says so.</summary>
    public static Task MigrateAsync(CliContext cli, IDocumentStore store, CancellationToken ct) =>
        cli.StepAsync("Creazione o aggiornamento dello schema dell'archivio eventi…",
            () => SchemaStamp.MigrateAsync(store, ct));
}
