using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan ledger verify|digest</c>.</summary>
public static class LedgerCommands
{
    /// <summary>Exit code when the ledger (or the OIV's replay) finds an altered event.</summary>
    public const int NotVerified = 4;

    /// <summary><c>perfplan ledger verify|digest</c>.</summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var ledger = new Command("ledger", "Registro a prova di manomissione: verifica e digest");
        ledger.Subcommands.Add(Verify(cli, common));
        ledger.Subcommands.Add(Digest(cli, common));
        return ledger;
    }

    static Command Verify(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.PlanOption("--plan", "Solo gli stream di un piano (il piano e i suoi indicatori)",
            false);
        var digest = new Option<FileInfo?>("--digest")
        {
            Description = "Digest esportato prima (perfplan ledger digest --out): la storia deve estenderlo",
        };
        var format = Formats.Option();
        var command = new Command("verify",
            "Ricalcola ogni catena dagli eventi grezzi e trova il primo evento alterato (uscita 4 se non integro)")
        {
            plan, digest, format,
        };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            LedgerDigestFile? kept = null;
            if (parse.GetValue(digest) is { } file)
            {
                if (!file.Exists)
                    return cli.Fail($"File di digest non trovato: {file.FullName}", ExitCodes.InvalidInput);
                kept = JsonSerializer.Deserialize<LedgerDigestFile>(
                    await File.ReadAllTextAsync(file.FullName, ct), AppJson.Options);
            }
            var report = await new LedgerService(store, cli.Clock).VerifyAsync(parse.GetValue(plan), kept, ct);
            if (parse.GetValue(format) == Formats.Json)
                cli.WriteJson(new
                {
                    verified = report.Verified, events = report.Events, head = report.Head,
                    firstBad = report.FirstBad is { } b
                        ? new { stream = b.Stream, version = b.Version, sequence = b.Sequence, reason = b.Reason }
                        : null,
                });
            else if (report.Verified)
                cli.Console.MarkupLine($"[green]Registro integro[/]: {report.Events} eventi in " +
                    $"{report.Heads.Count} stream, testa {report.Head}" +
                    (kept is null ? "." : ", estende il digest indicato."));
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
        }, ct));
        return command;
    }

    static Command Digest(CliContext cli, CommonOptions common)
    {
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File in cui esportare il digest (da conservare fuori dal sistema)",
        };
        var user = new Option<string>("--as") { Description = "Utente", DefaultValueFactory = _ => "oiv" };
        var command = new Command("digest",
            "Registra e esporta la testa del registro (radice di Merkle di tutte le catene)") { output, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var actor = CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!);
            var digest = await new LedgerService(store, cli.Clock).DigestAsync(actor.User, ct);
            var json = JsonSerializer.Serialize(digest, AppJson.Options);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, json, ct);
            else cli.Console.Profile.Out.Writer.WriteLine(json);
            cli.Errors.MarkupLine($"[green]Digest registrato[/]: radice {digest.Root} su {digest.Heads.Count} stream" +
                (parse.GetValue(output) is { } f ? $", esportato in {Markup.Escape(f.FullName)}." : "."));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
