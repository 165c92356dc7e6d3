using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan results record|list|import|revert|correct</c>.</summary>
public static class ResultCommands
{
    /// <summary><c>perfplan results record|list|import|revert|correct</c>.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("results", "Risultati degli indicatori: registrare e importare")
            .With(cli, common, Record, List, Import, Revert, Correct);

    static Command Record(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = CommonOptions.Indicator("Codice dell'indicatore, es. O1.2.3-a");
        var value = CommonOptions.Required<string>("--value", "Valore misurato: 55,5% · 12 · 29/03/2019 · giorni");
        var on = CommonOptions.Required<string>("--on", "Data a cui il risultato si riferisce (gg/mm/aaaa)");
        var period = new Option<string?>("--period")
        {
            Description = "Periodo: Q1–Q3, T1–T4, S1–S2 o M1–M12 secondo il calendario (giorni dalla chiusura) "
                + "o la scadenza (1, 2 o la sua data)",
        };
        var note = new Option<string?>("--note") { Description = "Nota" };
        var reference = new Option<string?>("--reference")
        {
            Description = "Valore di riferimento: della «media nazionale» (target di confronto) o dell'anno base "
                + "(target «-10% rispetto al 2018»)",
        };
        var (expected, user, format) =
            (CommonOptions.ExpectedVersion(), CommonOptions.As(Capability.RecordResult), Formats.Option());
        return new Command("record", "Registra un risultato (non modifica i precedenti: li supera) e stampa la "
            + "nuova versione dei risultati dell'indicatore")
        {
            plan, indicator, value, on, period, note, reference, expected, user, format,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var request = new ResultRequest(parse.GetValue(plan)!, parse.GetValue(indicator)!, parse.GetValue(value)!,
                parse.GetValue(on)!, parse.GetValue(period), parse.GetValue(note), parse.GetValue(reference));
            var (e, version) = await new ResultService(store, cli.Clock).RecordVersionedAsync(request, actor,
                parse.GetValue(expected), ct);
            if (parse.GetValue(format) == Formats.Json)
                cli.WriteJson(new
                {
                    entryId = e.EntryId, plan = e.PlanId, indicator = e.Indicator,
                    value = e.Value.Date is { } d ? (object)d.ToString("yyyy-MM-dd", null) : e.Value.Amount,
                    on = e.ReferredTo.ToString("yyyy-MM-dd", null), period = e.Period, version,
                });
            else
                cli.Console.MarkupLine($"[green]Risultato registrato[/] per {e.Indicator} " +
                    $"(riferito al {ItalianFormat.Date(e.ReferredTo)}" +
                    (e.Period is { } p ? $", periodo {p}" : "") + $"): {e.EntryId}; versione {version}.");
            return ExitCodes.Ok;
        });
    }

    static Command List(CliContext cli, CommonOptions common)
    {
        var (plan, indicator, format) = (CommonOptions.Plan(), CommonOptions.Indicator(), Formats.Option());
        var user = CommonOptions.As(Capability.ReadEntries);
        return new Command("list", "Le registrazioni di un indicatore, anche annullate, e la versione dei suoi "
            + "risultati (da dare a results record --expected-version)")
        {
            plan, indicator, format, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var (id, code) = (parse.GetValue(plan)!, parse.GetValue(indicator)!);
            await using var session = TenantSessions.Query(store, actor, id);
            var found = await IndicatorQueries.EntriesAsync(session, id, code, ct);
            if (found is null)
                return cli.Fail(await session.LoadAsync<Plan>(id.Value, ct) is null ? $"Piano «{id}» non trovato."
                    : $"Indicatore «{code}» non trovato nel piano «{id}».", ExitCodes.InvalidInput);
            if (parse.GetValue(format) == Formats.Json)
            {
                cli.WriteJson(new
                {
                    plan = found.Plan.Id, indicator = found.Indicator.Code, version = found.Version,
                    entries = found.Entries,
                });
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            string[] headings = ["Registrato il", "Da", "Valore", "Riferito al", "Periodo", "Nota", "Stato", "Id"];
            foreach (var h in headings) table.AddColumn(h);
            foreach (var x in found.Entries)
                table.AddRow(ItalianFormat.LocalTime(x.RecordedAt), Markup.Escape(x.RecordedBy),
                    Markup.Escape(ResultText.Of(x.Value, found.Indicator)), ItalianFormat.Date(x.ReferredTo),
                    Markup.Escape(x.Period ?? ""), Markup.Escape(ResultText.Note(x, found.Entries, found.Indicator)),
                    x.Reversal is { } r ? Markup.Escape($"annullato: {r.Reason}") : "valido", x.EntryId.ToString());
            cli.Console.Write(table);
            return cli.Ok($"Risultati di {found.Indicator.Code}: versione {found.Version}. Per registrare solo se "
                + $"nessuno lo fa prima: results record … --expected-version {found.Version}.");
        });
    }

    static Command Revert(CliContext cli, CommonOptions common)
    {
        var entry = new Argument<Guid>("ENTRY-ID") { Description = "Identificativo del risultato" };
        var reason = CommonOptions.Reason("Motivo dell'annullamento (resta agli atti)");
        var user = CommonOptions.As(Capability.RevertResult);
        return new Command("revert", "Annulla un risultato errato: resta nella storia, non conta più")
        {
            entry, reason, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new ResultService(store, cli.Clock).RevertAsync(parse.GetValue(entry),
                parse.GetValue(reason)!, common.Actor(parse, user), ct);
            return cli.Ok($"[green]Risultato annullato[/] ({e.Indicator}, {e.EntryId}): {Markup.Escape(e.Reason)}");
        });
    }

    static Command Correct(CliContext cli, CommonOptions common)
    {
        var entry = new Argument<Guid>("ENTRY-ID") { Description = "Identificativo del risultato da correggere" };
        var value = CommonOptions.Required<string>("--value", "Valore corretto");
        var (reason, user) = (CommonOptions.Reason("Motivo della correzione"),
            CommonOptions.As(Capability.RevertResult));
        return new Command("correct", "Corregge un risultato: lo annulla e registra il valore giusto, che lo cita")
        {
            entry, value, reason, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new ResultService(store, cli.Clock).CorrectAsync(parse.GetValue(entry),
                parse.GetValue(value)!, parse.GetValue(reason)!, common.Actor(parse, user), ct);
            return cli.Ok($"[green]Risultato corretto[/] ({e.Indicator}): nuovo risultato {e.EntryId}, " +
                $"che corregge {e.Corrects}.");
        });
    }

    static Command Import(CliContext cli, CommonOptions common)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "CSV (Codice;Valore;Riferito al;Periodo;Note) o .xlsx",
        };
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.RecordResult));
        return new Command("import", "Importa risultati da file (tutto o niente)")
        {
            file, plan, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) return cli.Fail($"File non trovato: {path}", ExitCodes.InvalidInput);
            var outcome = await cli.StepAsync($"Registrazione dei risultati di {Path.GetFileName(path)}…", () =>
                new ResultService(store, cli.Clock).ImportAsync(path, parse.GetValue(plan)!, actor, ct));
            foreach (var e in outcome.Errors) cli.Errors.MarkupLine($"[red]{Markup.Escape(e.ToString())}[/]");
            if (!outcome.Ok)
            {
                var errors = ItalianFormat.Count(outcome.Errors.Count, "errore", "errori");
                return cli.Fail($"Importazione rifiutata: {errors}. Nessun evento scritto.", ExitCodes.InvalidInput);
            }
            var recorded = ItalianFormat.Count(outcome.Recorded, "risultato registrato", "risultati registrati");
            var present = ItalianFormat.Count(outcome.AlreadyPresent, "riga già registrata", "righe già registrate");
            return cli.Ok($"[green]{recorded}[/] da {Path.GetFileName(path)}" +
                (outcome.AlreadyPresent > 0 ? $"; {present}, ignorate." : "."));
        });
    }
}
