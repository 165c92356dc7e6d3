using System.CommandLine;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using PerformancePlan.Host.Components.Reports;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan oiv replay [--methodology FILE]|validate</c>.</summary>
public static class OivCommands
{
    /// <summary><c>perfplan oiv replay|validate</c>.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("oiv", "Verifica dell'OIV: ricostruzione dagli eventi e validazione")
            .With(cli, common, Replay, Validate);

    static Command Replay(CliContext cli, CommonOptions common)
    {
        var (plan, asOf, knownAt) = (CommonOptions.Plan(), CommonOptions.AsOf(), CommonOptions.KnownAt());
        var report = new Option<FileInfo?>("--report") { Description = "Rapporto HTML stampabile (in italiano)" };
        var methodology = new Option<FileInfo?>("--methodology")
        {
            Description = "Simulazione: ricalcola l'anno con le regole di questo file di metodologia (CSV o .xlsx, "
                + "righe «Codice;Padre;Descrizione;Valore») accanto a quelle in vigore, senza scrivere eventi",
        };
        var (format, user) = (Formats.Option(), CommonOptions.As(Capability.ReadOivReplay));
        return new Command(
            "replay", "Ricostruisce l'anno dai soli eventi, verifica il registro e confronta con le proiezioni")
        {
            plan, asOf, knownAt, report, methodology, format, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            if (parse.GetValue(methodology) is { } rules)
                return await WhatIfAsync(cli, store, parse.GetValue(plan)!, rules, parse.GetValue(asOf),
                    parse.GetValue(knownAt), parse.GetValue(format) == Formats.Json, actor, ct);
            var r = await cli.StepAsync("Ricostruzione dell'anno dai soli eventi…", () =>
                new OivService(store, cli.Clock)
                    .ReplayAsync(parse.GetValue(plan)!, parse.GetValue(asOf), parse.GetValue(knownAt), ct, actor));
            if (r is null) return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
            if (parse.GetValue(report) is { } file)
                await File.WriteAllTextAsync(
                    file.FullName, await HtmlFile.RenderAsync<OivReport>(OivReportModel.From(r)), ct);
            if (parse.GetValue(format) == Formats.Json)
                cli.WriteJson(new
                {
                    plan = r.Plan.Id, events = r.Events,
                    ledger = new { verified = r.Ledger.Verified, head = r.Ledger.Head, firstBad = r.Ledger.FirstBad },
                    matchesStored = r.MatchesStored, differences = r.Differences, scores = ScoresView.From(r.Scores),
                    derivation = r.Indicators.Select(i => new
                    {
                        code = i.Code,
                        target = IndicatorScoreView.From(r.Scores.Indicators.Single(s => s.Code == i.Code)).Target,
                        targetSetBy = i.TargetSetBy is { } t
                            ? new { plan = t.Plan, version = t.Version, act = t.Act } : null,
                        used = i.Used.Select(u => new
                        {
                            entryId = u.EntryId,
                            value = u.Value.Date?.ToString("yyyy-MM-dd", null) ?? (object?)u.Value.Amount,
                            on = u.ReferredTo.ToString("yyyy-MM-dd", null), period = u.Period, by = u.RecordedBy,
                            at = u.RecordedAt,
                        }),
                        reverted = i.Reverted.Select(u => new
                        {
                            entryId = u.EntryId, reason = u.Reversal!.Reason, by = u.Reversal.By, at = u.Reversal.At,
                        }),
                        periods = i.Periods.Where(p => p.Period.Length > 0).Select(p => new
                        {
                            period = p.Period, realization = ScoreView.R(p.Realization),
                        }),
                        realization = ScoreView.R(i.Score.Raw), parametrata = ScoreView.R(i.Score.Parametrata),
                        band = BandNames.Code(i.Score.Band),
                    }),
                    rollUp = r.Objectives.Select(o => new
                    {
                        code = o.Code, level = o.LevelName,
                        raw = ScoreView.R(o.Score.Raw), parametrata = ScoreView.R(o.Score.Parametrata),
                        band = BandNames.Code(o.Score.Band), from = o.From,
                    }),
                });
            else
            {
                var ledger = r.Ledger.Verified
                    ? "[green]integro[/]" : $"[red]ALTERATO[/] ({Markup.Escape(r.Ledger.FirstBad!.Reason)})";
                var stored = r.MatchesStored
                    ? "[green]coincidenti[/]" : $"[red]diverse[/]: {Markup.Escape(string.Join("; ", r.Differences))}";
                var read = ItalianFormat.Count((int)r.Events, "evento letto", "eventi letti");
                cli.Console.MarkupLine($"Piano [bold]{r.Plan.Id}[/]: {read} · registro {ledger}"
                    + $" · testa {r.Ledger.Head} · proiezioni {stored}");
                ScoresTable.Write(cli.Console, r.Plan, r.Scores);
                if (parse.GetValue(report) is { } f)
                    cli.Console.MarkupLine($"Rapporto: {Markup.Escape(f.FullName)}");
            }
            return r.Ledger.Verified && r.MatchesStored ? ExitCodes.Ok : LedgerCommands.NotVerified;
        });
    }

    /// <summary>The what-if replay: scores under the file's rules beside those in force; exit 2 on a bad file.
    /// </summary>
    static async Task<int> WhatIfAsync(CliContext cli, IDocumentStore store, PlanId plan, FileInfo file,
        LocalDate? asOf, Instant? knownAt, bool json, Actor actor, CancellationToken ct)
    {
        if (!file.Exists)
            return cli.Fail($"File di metodologia «{file.Name}» non trovato: indicare il percorso di un file CSV o "
                + ".xlsx esistente.", ExitCodes.InvalidInput);
        var w = await cli.StepAsync("Simulazione dell'anno con le regole del file…", () =>
            new OivService(store, cli.Clock).WhatIfAsync(plan, file.FullName, asOf, knownAt, ct, actor));
        if (w is null) return cli.Fail($"Piano «{plan}» non trovato.", ExitCodes.InvalidInput);
        if (json) cli.WriteJson(WhatIfView.From(w));
        else WhatIfTable.Write(cli.Console, w);
        return ExitCodes.Ok;
    }

    static Command Validate(CliContext cli, CommonOptions common)
    {
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.ValidatePlan));
        var note = CommonOptions.Required<string>("--note", "Nota di validazione");
        return new Command("validate", "Valida l'anno chiuso (ruolo OIV), con la testa del registro verificata")
        {
            plan, user, note,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new OivService(store, cli.Clock).ValidateAsync(parse.GetValue(plan)!, parse.GetValue(note)!,
                common.Actor(parse, user), ct);
            return cli.Ok($"[green]Piano {e.PlanId} validato[/] dall'OIV sulla testa del registro {e.LedgerHead}.");
        });
    }
}
