using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan indicator neutralize</c>.</summary>
public static class IndicatorCommands
{
    /// <summary>The <c>indicator</c> verb and its subcommands.</summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var command = new Command("indicator", "Indicatori: sterilizzazione");
        command.Subcommands.Add(Neutralize(cli, common));
        return command;
    }

    /// <summary>
    /// <c>perfplan indicator neutralize --plan P --indicator I --act A --reason R [--on gg/mm/aaaa] --as U</c>:
    /// the indicator leaves every average (an <c>IndicatorNeutralized</c> event).
    /// </summary>
    public static Command Neutralize(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string>("--indicator") { Description = "Codice dell'indicatore", Required = true };
        var act = new Option<string>("--act") { Description = "Atto che dispone la sterilizzazione", Required = true };
        var reason = new Option<string>("--reason") { Description = "Motivo", Required = true };
        var user = CommonOptions.As();
        var on = CommonOptions.Date("--on", "Data dell'atto");
        on.Required = false;
        var neutralize = new Command("neutralize", "Sterilizza un indicatore: esce da ogni media")
        {
            plan, indicator, act, reason, on, user,
        };
        neutralize.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).NeutralizeAsync(parse.GetValue(plan)!,
                parse.GetValue(indicator)!, parse.GetValue(act)!, parse.GetValue(reason)!,
                CliContext.Actor(parse.GetValue(common.Users), parse.GetValue(user)!), ct,
                parse.GetResult(on) is { Implicit: false } ? parse.GetValue(on) : null);
            cli.Console.MarkupLine($"[green]Indicatore {e.Indicator} sterilizzato[/] ({Markup.Escape(e.Act)}).");
            return ExitCodes.Ok;
        }, ct));
        return neutralize;
    }
}
