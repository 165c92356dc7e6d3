using System.CommandLine;
using PerformancePlan.Domain.Common;
using PerformancePlan.Host.Application;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan plan approve|close</c> and <c>perfplan indicator neutralize</c>.</summary>
public static class LifecycleCommands
{
    public static Command Approve(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var act = new Option<string>("--act") { Description = "Atto di approvazione, es. \"Delibera di Giunta n. 7 del 31/01/2019\"", Required = true };
        var on = CommonOptions.Date("--on", "Data dell'atto");
        var user = CommonOptions.As();
        var command = new Command("approve", "Approva il piano (ruolo approvatore)") { plan, act, on, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).ApproveAsync(parse.GetValue(plan)!, parse.GetValue(act)!, parse.GetValue(on),
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {e.PlanId} approvato[/]: {Markup.Escape(e.Act)} ({ItalianFormat.Date(e.On)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Close(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var on = CommonOptions.Date("--on", "Data di chiusura");
        var user = CommonOptions.As();
        var command = new Command("close", "Chiude l'anno del piano: risultati congelati, i non misurati contano 0") { plan, on, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).CloseAsync(parse.GetValue(plan)!, parse.GetValue(on),
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {e.PlanId} chiuso[/] il {ItalianFormat.Date(e.On)}.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Indicator(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string>("--indicator") { Description = "Codice dell'indicatore", Required = true };
        var act = new Option<string>("--act") { Description = "Atto che dispone la sterilizzazione", Required = true };
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var user = CommonOptions.As();
        var on = CommonOptions.Date("--on", "Data dell'atto");
        on.Required = false;
        var neutralize = new Command("neutralize", "Sterilizza un indicatore: esce da ogni media") { plan, indicator, act, reason, on, user };
        neutralize.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).NeutralizeAsync(parse.GetValue(plan)!, parse.GetValue(indicator)!,
                parse.GetValue(act)!, parse.GetValue(reason)!, CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct,
                parse.GetResult(on) is { Implicit: false } ? parse.GetValue(on) : null);
            cli.Console.MarkupLine($"[green]Indicatore {e.Indicator} sterilizzato[/] ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        var command = new Command("indicator", "Indicatori: sterilizzazione");
        command.Subcommands.Add(neutralize);
        return command;
    }
}
