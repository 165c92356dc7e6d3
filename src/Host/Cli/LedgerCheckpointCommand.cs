using System.CommandLine;
using System.Text.Json;
using PerformancePlan.Domain.Ledger;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan ledger checkpoint [--out FILE] [--key-file FILE] --as oiv</c> (ADR 0016).</summary>
public static class LedgerCheckpointCommand
{
    /// <summary>Signs the ledger's head now, records it and exports it for the OIV to keep.</summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File in cui esportare il checkpoint firmato (da conservare fuori dal sistema)",
        };
        var keyFile = new Option<FileInfo?>("--key-file")
        {
            Description = "Chiave privata Ed25519 (base64); per difetto PERFPLAN_LEDGER_KEY o quella di perfplan",
        };
        var user = CommonOptions.As(Capability.SealLedger);
        return new Command("checkpoint",
            "Verifica il registro, firma la testa della catena globale, la registra ed esporta")
        {
            output, keyFile, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            // A checkpoint signs the global chain's head: the whole store's, for whom may read it all (ADR 0028).
            await new EntityLedger(store, cli.Clock).RequireWholeStoreAsync(actor, ct);
            await new EntityLedger(store, cli.Clock).RequireOneDatabaseAsync("il checkpoint");
            var ledger = new LedgerService(store, cli.Clock);
            var key = LedgerKey.Load(parse.GetValue(keyFile)?.FullName);
            var report = await ledger.VerifyWithAsync(null, new LedgerEvidence(PublicKey: key.PublicKey), ct);
            if (!report.Verified)
                return cli.Fail($"Il registro non è integro ({report.FirstBad!.Reason}, {report.FirstBad.Stream} "
                    + $"v{report.FirstBad.Version}): nessun checkpoint su una storia alterata.", NotVerified);
            var checkpoint = await ledger.CheckpointAsync(actor.User, "ledger checkpoint", key, ct);
            var json = JsonSerializer.Serialize(checkpoint, AppJson.Options);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, json, ct);
            else cli.Console.Profile.Out.Writer.WriteLine(json);
            cli.Errors.MarkupLine(Markup.Escape($"Checkpoint n. {checkpoint.Number} firmato: {checkpoint.Position} "
                + $"sigilli, anello {checkpoint.Link}, chiave {checkpoint.KeyId}"
                + (key.Path is { } path ? $" ({path})" : "")
                + (parse.GetValue(output) is { } f ? $", esportato in {f.FullName}." : ".")));
            return ExitCodes.Ok;
        });
    }

    /// <summary><c>perfplan ledger key rotate [--key-file FILE] [--out FILE] --as oiv</c> (ADR 0027).</summary>
    public static Command Key(CliContext cli, CommonOptions common)
    {
        var keyFile = new Option<FileInfo?>("--key-file")
        {
            Description = "File della chiave da sostituire; per difetto PERFPLAN_LEDGER_KEY (se è un file) o quello di "
                + "perfplan",
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File in cui esportare il checkpoint firmato dalla nuova chiave, con la sua chiave pubblica",
        };
        var user = CommonOptions.As(Capability.SealLedger);
        var rotate = new Command("rotate", "Sostituisce la chiave di firma: la vecchia firma la nuova e viceversa, "
            + "così i checkpoint di entrambe restano verificabili") { keyFile, output, user };
        rotate.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            await new EntityLedger(store, cli.Clock).RequireWholeStoreAsync(actor, ct);
            await new EntityLedger(store, cli.Clock).RequireOneDatabaseAsync("la sostituzione della chiave");
            var done = await new LedgerService(store, cli.Clock).RotateKeyAsync(actor.User,
                parse.GetValue(keyFile)?.FullName, ct);
            if (done is not { Retiring: { } retiring, Introducing: { } introducing, Old: { } old, New: { } fresh })
                return cli.Fail($"Il registro non è integro ({done.Report.FirstBad!.Reason}, "
                    + $"{done.Report.FirstBad.Stream} v{done.Report.FirstBad.Version}): chiave non sostituita.",
                    NotVerified);
            if (parse.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(introducing, AppJson.Options), ct);
            cli.Console.MarkupLine(Markup.Escape($"Chiave del registro sostituita in {fresh.Path}: la precedente "
                + $"({old.Id}) ha firmato il checkpoint n. {retiring.Number}, che nomina la nuova; la nuova "
                + $"({fresh.Id}) il n. {introducing.Number}, che nomina la precedente. Chiave pubblica da dare "
                + $"all'OIV: {fresh.PublicKey}"
                + (parse.GetValue(output) is { } f ? $" (anche in {f.FullName})." : ".")));
            return ExitCodes.Ok;
        });
        return new Command("key", "Chiave di firma dei checkpoint") { rotate };
    }

    const int NotVerified = LedgerCommands.NotVerified;

    /// <summary>A checkpoint file, or null when the text is not one.</summary>
    public static LedgerCheckpointFile? Read(string json)
    {
        try
        {
            var c = JsonSerializer.Deserialize<LedgerCheckpointFile>(json, AppJson.Options);
            return c is { Link: not null, Signature: not null, PublicKey: not null } ? c : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The last checkpoint proved and what came after it, in Italian.</summary>
    public static string Describe(LedgerReport report) =>
        (report.LastCheckpoint is { } c
            ? $"Ultimo checkpoint provato: n. {c.Number} del {c.At} ({c.Reason}), {c.Position} sigilli; "
                + $"dopo: {report.SealedSinceCheckpoint} eventi sigillati non ancora coperti da un checkpoint."
            : $"Nessun checkpoint provato: {report.SealedSinceCheckpoint} eventi sigillati non coperti da un "
                + "checkpoint.")
        + (report.UncheckedCheckpoints > 0
            ? $" {report.UncheckedCheckpoints} checkpoint non verificabili: indicare --public-key." : "");
}
