using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan plan approve|close</c>: the plan's lifecycle.</summary>
public static class LifecycleCommands
{
    /// <summary><c>perfplan plan approve --plan P --act A --on gg/mm/aaaa --as U</c> (approver role).</summary>
    public static Command Approve(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var act = new Option<string>("--act")
        {
            Description = "Atto di approvazione, es. \"Delibera di Giunta n. 7 del 31/01/2019\"", Required = true,
        };
        var on = CommonOptions.Date("--on", "Data dell'atto");
        var user = CommonOptions.As();
        var command = new Command("approve", "Approva il piano (ruolo approvatore)") { plan, act, on, user };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).ApproveAsync(parse.GetValue(plan)!,
                parse.GetValue(act)!, parse.GetValue(on),
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine(
                $"[green]Piano {e.PlanId} approvato[/]: {Markup.Escape(e.Act)} ({ItalianFormat.Date(e.On)}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary><c>perfplan plan close --plan P --on gg/mm/aaaa --as U</c>: results frozen, unmeasured count 0.
    /// </summary>
    public static Command Close(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var on = CommonOptions.Date("--on", "Data di chiusura");
        var user = CommonOptions.As();
        var command = new Command("close", "Chiude l'anno del piano: risultati congelati, i non misurati contano 0")
        {
            plan, on, user,
        };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).CloseAsync(parse.GetValue(plan)!,
                parse.GetValue(on), CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct);
            cli.Console.MarkupLine($"[green]Piano {e.PlanId} chiuso[/] il {ItalianFormat.Date(e.On)}.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
