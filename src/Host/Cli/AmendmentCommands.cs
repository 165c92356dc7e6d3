using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// The verbs that write a new version of a plan: <c>plan amend</c>, <c>plan revert-amendment</c>,
/// <c>target revise</c>, and <c>plan rollforward</c> (next year's draft).
/// </summary>
public static class AmendmentCommands
{
    /// <summary><c>perfplan plan amend --plan P --file F --act A --on gg/mm/aaaa [--reason R] --as U</c>:
    /// an amendment from a file, all or nothing.</summary>
    public static Command Amend(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var file = new Option<FileInfo>("--file")
        {
            Description = "CSV/XLSX delle modifiche: colonne del piano più Operazione (modifica, aggiungi, ritira)",
            Required = true,
        };
        var act = new Option<string>("--act")
        {
            Description = "Atto che dispone la variazione, es. \"Determinazione SG n. 115 del 15/05/2019\"",
            Required = true,
        };
        var on = CommonOptions.Date("--on", "Data da cui la variazione è in vigore");
        var reason = new Option<string>("--reason")
        {
            Description = "Motivo", DefaultValueFactory = _ => "variazione in itinere",
        };
        var user = CommonOptions.As();
        var command = new Command("amend", "Variazione del piano approvato (tutto o niente): nuova versione")
        {
            plan, file, act, on, reason, user,
        };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) return cli.Fail($"File non trovato: {path}", ExitCodes.InvalidInput);
            var e = await new AmendmentService(store, cli.Clock).AmendFromFileAsync(parse.GetValue(plan)!, path,
                parse.GetValue(act)!, parse.GetValue(on), parse.GetValue(reason)!,
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {e.PlanId}: versione {e.Version}[/] " +
                $"({Markup.Escape(e.Act)}, in vigore dal {ItalianFormat.Date(e.EffectiveOn)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary><c>perfplan plan revert-amendment --plan P --version N --act A --on gg/mm/aaaa --reason R --as U</c>:
    /// a new amendment that restores what version N changed.</summary>
    public static Command RevertAmendment(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var version = new Option<int>("--version")
        {
            Description = "La variazione (versione) da annullare", Required = true,
        };
        var act = new Option<string>("--act") { Description = "Atto che dispone l'annullamento", Required = true };
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui l'annullamento è in vigore");
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var user = CommonOptions.As();
        var command = new Command("revert-amendment",
            "Annulla una variazione errata con una nuova variazione che ripristina i valori precedenti")
        {
            plan, version, act, on, reason, user,
        };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new AmendmentService(store, cli.Clock).RevertAmendmentAsync(parse.GetValue(plan)!,
                parse.GetValue(version), parse.GetValue(act)!, parse.GetValue(on), parse.GetValue(reason)!,
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Variazione {e.Reverts} annullata[/]: " +
                $"piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary><c>perfplan target revise --plan P --indicator I --year Y --value V --act A --reason R
    /// --on gg/mm/aaaa --as U</c>: one target changed, as an amendment.</summary>
    public static Command ReviseTarget(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string>("--indicator") { Description = "Codice dell'indicatore", Required = true };
        var year = new Option<int>("--year") { Description = "Anno del target", Required = true };
        var value = new Option<string>("--value")
        {
            Description = "Nuovo target: 80% · 12 · 31/03/2019", Required = true,
        };
        var act = new Option<string>("--act") { Description = "Atto che dispone la modifica", Required = true };
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui la modifica è in vigore");
        var user = CommonOptions.As();
        var revise = new Command("revise", "Modifica un target (variazione: nuova versione del piano)")
        {
            plan, indicator, year, value, act, reason, on, user,
        };
        revise.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new AmendmentService(store, cli.Clock).ReviseTargetAsync(parse.GetValue(plan)!,
                parse.GetValue(indicator)!, parse.GetValue(year), parse.GetValue(value)!, parse.GetValue(act)!,
                parse.GetValue(on), parse.GetValue(reason)!,
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine(
                $"[green]Target modificato[/]: piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        var target = new Command("target", "Target degli indicatori");
        target.Subcommands.Add(revise);
        return target;
    }

    /// <summary><c>perfplan plan rollforward --from P --to Q --as U</c>: next year's draft, same tree, targets
    /// carried over.</summary>
    public static Command RollForward(CliContext cli, CommonOptions common)
    {
        var from = CommonOptions.PlanOption("--from", "Piano di partenza, es. cciaa-ms-2019", true);
        var to = CommonOptions.PlanOption("--to", "Nuovo piano, es. cciaa-ms-2020", true);
        var user = CommonOptions.As();
        var command = new Command("rollforward",
            "Predispone il piano dell'anno dopo: stesso albero, target riportati (bozza)") { from, to, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var plan = await new AmendmentService(store, cli.Clock).RollForwardAsync(parse.GetValue(from)!,
                parse.GetValue(to)!, CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {plan.Id} predisposto[/] da {plan.RolledForwardFrom}: " +
                $"triennio {plan.Horizon[0]}–{plan.Horizon[^1]}, {plan.Indicators.Count} indicatori, in bozza.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
