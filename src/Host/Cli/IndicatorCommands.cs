using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan indicator neutralize</c>.</summary>
public static class IndicatorCommands
{
    /// <summary>The <c>indicator</c> verb and its subcommands.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("indicator", "Indicatori: sterilizzazione").With(cli, common, Neutralize);

    /// <summary>
    /// <c>perfplan indicator neutralize --plan P --indicator I --act A --reason R [--on gg/mm/aaaa] --as U</c>:
    /// the indicator leaves every average (an <c>IndicatorNeutralized</c> event).
    /// </summary>
    public static Command Neutralize(CliContext cli, CommonOptions common)
    {
        var (plan, indicator) = (CommonOptions.Plan(), CommonOptions.Indicator());
        var user = CommonOptions.As(Capability.NeutralizeIndicator);
        var act = CommonOptions.Act("Atto che dispone la sterilizzazione");
        var reason = CommonOptions.Reason("Motivo");
        var on = CommonOptions.Date("--on", "Data dell'atto", required: false);
        return new Command("neutralize", "Sterilizza un indicatore: esce da ogni media")
        {
            plan, indicator, act, reason, on, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).NeutralizeAsync(parse.GetValue(plan)!,
                parse.GetValue(indicator)!, parse.GetValue(act)!, parse.GetValue(reason)!, common.Actor(parse, user),
                ct, parse.GetResult(on) is { Implicit: false } ? parse.GetValue(on) : null);
            return cli.Ok($"[green]Indicatore {e.Indicator} sterilizzato[/] ({Markup.Escape(e.Act)}).");
        });
    }
}
