using System.CommandLine;
using PerformancePlan.Domain.Common;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>Amendments, roll-forward, versions, diffs and target lineage.</summary>
public static class HistoryCommands
{
    public static Command Amend(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var file = new Option<FileInfo>("--file") { Description = "CSV/XLSX delle modifiche: colonne del piano più Operazione (modifica, aggiungi, ritira)", Required = true };
        var act = new Option<string>("--act") { Description = "Atto che dispone la variazione, es. \"Determinazione SG n. 115 del 15/05/2019\"", Required = true };
        var on = CommonOptions.Date("--on", "Data da cui la variazione è in vigore");
        var reason = new Option<string>("--reason") { Description = "Motivo", DefaultValueFactory = _ => "variazione in itinere" };
        var user = CommonOptions.As();
        var command = new Command("amend", "Variazione del piano approvato (tutto o niente): nuova versione") { plan, file, act, on, reason, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) return cli.Fail($"File non trovato: {path}", ExitCodes.InvalidInput);
            var e = await new AmendmentService(store, cli.Clock).AmendFromFileAsync(parse.GetValue(plan)!, path, parse.GetValue(act)!, parse.GetValue(on),
                parse.GetValue(reason)!, CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {e.PlanId}: versione {e.Version}[/] ({Markup.Escape(e.Act)}, in vigore dal {ItalianFormat.Date(e.EffectiveOn)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command RevertAmendment(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var version = new Option<int>("--version") { Description = "La variazione (versione) da annullare", Required = true };
        var act = new Option<string>("--act") { Description = "Atto che dispone l'annullamento", Required = true };
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui l'annullamento è in vigore");
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var user = CommonOptions.As();
        var command = new Command("revert-amendment", "Annulla una variazione errata con una nuova variazione che ripristina i valori precedenti") { plan, version, act, on, reason, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new AmendmentService(store, cli.Clock).RevertAmendmentAsync(parse.GetValue(plan)!, parse.GetValue(version), parse.GetValue(act)!,
                parse.GetValue(on), parse.GetValue(reason)!, CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Variazione {e.Reverts} annullata[/]: piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command ReviseTarget(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string>("--indicator") { Description = "Codice dell'indicatore", Required = true };
        var year = new Option<int>("--year") { Description = "Anno del target", Required = true };
        var value = new Option<string>("--value") { Description = "Nuovo target: 80% · 12 · 31/03/2019", Required = true };
        var act = new Option<string>("--act") { Description = "Atto che dispone la modifica", Required = true };
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui la modifica è in vigore");
        var user = CommonOptions.As();
        var revise = new Command("revise", "Modifica un target (variazione: nuova versione del piano)") { plan, indicator, year, value, act, reason, on, user };
        revise.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new AmendmentService(store, cli.Clock).ReviseTargetAsync(parse.GetValue(plan)!, parse.GetValue(indicator)!, parse.GetValue(year),
                parse.GetValue(value)!, parse.GetValue(act)!, parse.GetValue(on), parse.GetValue(reason)!, CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Target modificato[/]: piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        var target = new Command("target", "Target degli indicatori");
        target.Subcommands.Add(revise);
        return target;
    }

    public static Command RollForward(CliContext cli, CommonOptions common)
    {
        var from = new Option<string>("--from") { Description = "Piano di partenza, es. cciaa-ms-2019", Required = true };
        var to = new Option<string>("--to") { Description = "Nuovo piano, es. cciaa-ms-2020", Required = true };
        var user = CommonOptions.As();
        var command = new Command("rollforward", "Predispone il piano dell'anno dopo: stesso albero, target riportati (bozza)") { from, to, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var plan = await new AmendmentService(store, cli.Clock).RollForwardAsync(parse.GetValue(from)!, parse.GetValue(to)!,
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {plan.Id} predisposto[/] da {plan.RolledForwardFrom}: triennio {plan.Horizon[0]}–{plan.Horizon[^1]}, " +
                $"{plan.Indicators.Count} indicatori, in bozza.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Versions(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var command = new Command("versions", "Le versioni del piano con i loro atti") { plan };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            await using var session = store.QuerySession();
            var p = await session.LoadAsync<Plan>(parse.GetValue(plan)!, ct);
            if (p is null) return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "Versione", "Atto", "In vigore dal", "Motivo" }) table.AddColumn(h);
            foreach (var v in p.Versions)
                table.AddRow(v.Number.ToString(), Markup.Escape(v.Act), ItalianFormat.Date(v.EffectiveOn), Markup.Escape(v.Reason));
            cli.Console.Write(table);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Diff(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var fromVersion = new Option<int>("--from-version") { Description = "Versione di partenza", Required = true };
        var toVersion = new Option<int>("--to-version") { Description = "Versione di arrivo", Required = true };
        var format = Formats.Option();
        var command = new Command("diff", "Cosa è stato aggiunto, ritirato o modificato tra due versioni") { plan, fromVersion, toVersion, format };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            await using var session = store.QuerySession();
            var id = parse.GetValue(plan)!;
            var a = await PlanHistoryQueries.VersionAsync(session, id, parse.GetValue(fromVersion), ct);
            var b = await PlanHistoryQueries.VersionAsync(session, id, parse.GetValue(toVersion), ct);
            if (a is null || b is null) return cli.Fail($"Versione inesistente del piano «{id}» (vedi «perfplan plan versions»).", ExitCodes.InvalidInput);
            var diffs = PlanHistory.Diff(a, b);
            if (parse.GetValue(format) == Formats.Json) { cli.WriteJson(diffs); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "Tipo", "Codice", "Cosa", "Da", "A" }) table.AddColumn(h);
            foreach (var d in diffs) table.AddRow(d.Kind, d.Code, Markup.Escape(d.What), Markup.Escape(d.From), Markup.Escape(d.To));
            cli.Console.Write(table);
            cli.Console.MarkupLine($"{diffs.Count} differenze tra la versione {parse.GetValue(fromVersion)} e la {parse.GetValue(toVersion)} del piano {id}.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Targets(CliContext cli, CommonOptions common)
    {
        var indicator = new Option<string>("--indicator") { Description = "Codice dell'indicatore", Required = true };
        var entity = new Option<string>("--entity") { Description = "Ente", DefaultValueFactory = _ => "cciaa-ms" };
        var from = new Option<int?>("--from") { Description = "Primo anno" };
        var to = new Option<int?>("--to") { Description = "Ultimo anno" };
        var format = Formats.Option();
        var history = new Command("history", "Ogni valore avuto da ciascun target, con piano, versione, atto e motivo") { indicator, entity, from, to, format };
        history.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            await using var session = store.QuerySession();
            var changes = await PlanHistoryQueries.TargetHistoryAsync(session, parse.GetValue(entity)!, parse.GetValue(indicator)!, parse.GetValue(from), parse.GetValue(to), ct);
            if (parse.GetValue(format) == Formats.Json)
            {
                cli.WriteJson(changes.Select(c => new
                {
                    targetYear = c.TargetYear, value = TargetValue(c.Value), plan = c.Plan, version = c.Version, act = c.Act, reason = c.Reason,
                    effectiveOn = c.EffectiveOn?.ToString("yyyy-MM-dd", null), recordedAt = c.RecordedAt,
                }));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "Anno", "Valore", "Piano", "Versione", "Atto", "Motivo", "In vigore dal" }) table.AddColumn(h);
            foreach (var c in changes)
                table.AddRow(c.TargetYear.ToString(), PlanHistory.Text(c.Value), c.Plan, c.Version == 0 ? "bozza" : c.Version.ToString(),
                    Markup.Escape(c.Act ?? "—"), Markup.Escape(c.Reason), c.EffectiveOn is { } d ? ItalianFormat.Date(d) : "—");
            cli.Console.Write(table);
            return ExitCodes.Ok;
        }, ct));
        var targets = new Command("targets", "Storia dei target");
        targets.Subcommands.Add(history);
        return targets;
    }

    static object? TargetValue(YearTarget? t) => t switch
    {
        null => null,
        { Dates.Count: 1 } => t.Dates[0].ToString("yyyy-MM-dd", null),
        { Dates.Count: > 1 } => t.Dates.Select(d => d.ToString("yyyy-MM-dd", null)).ToList(),
        _ => t.Amount,
    };
}
