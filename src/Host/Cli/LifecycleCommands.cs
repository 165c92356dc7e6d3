using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan plan approve|close|reopen</c>: the plan's lifecycle.</summary>
public static class LifecycleCommands
{
    /// <summary><c>perfplan plan approve --plan P --act A --on gg/mm/aaaa --as U</c> (approver role).</summary>
    public static Command Approve(CliContext cli, CommonOptions common)
    {
        var act = CommonOptions.Act("Atto di approvazione, es. \"Delibera di Giunta n. 7 del 31/01/2019\"");
        var (plan, on) = (CommonOptions.Plan(), CommonOptions.Date("--on", "Data dell'atto"));
        var user = CommonOptions.As(Capability.ApprovePlan);
        return new Command("approve", "Approva il piano (ruolo approvatore)") { plan, act, on, user }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var e = await new PlanLifecycleService(store, cli.Clock).ApproveAsync(parse.GetValue(plan)!,
                    parse.GetValue(act)!, parse.GetValue(on), common.Actor(parse, user), ct);
                return cli.Ok(
                    $"[green]Piano {e.PlanId} approvato[/]: {Markup.Escape(e.Act)} ({ItalianFormat.Date(e.On)}).");
            });
    }

    /// <summary><c>perfplan plan close --plan P --on gg/mm/aaaa --as U</c>: results frozen, unmeasured count 0.
    /// </summary>
    public static Command Close(CliContext cli, CommonOptions common)
    {
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.ClosePlan));
        var on = CommonOptions.Date("--on", "Data di chiusura");
        return new Command("close", "Chiude l'anno del piano: risultati congelati, i non misurati contano 0")
        {
            plan, on, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).CloseAsync(parse.GetValue(plan)!,
                parse.GetValue(on), common.Actor(parse, user), ct);
            return cli.Ok($"[green]Piano {e.PlanId} chiuso[/] il {ItalianFormat.Date(e.On)}.");
        });
    }

    /// <summary>
    /// <c>perfplan plan reopen --plan P --act A --reason R --on gg/mm/aaaa --as U</c>: a closed year, not yet
    /// validated by the OIV, is reopened (admin) so that results can be corrected; then it is closed again.
    /// </summary>
    public static Command Reopen(CliContext cli, CommonOptions common)
    {
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.ReopenPlan));
        var act = CommonOptions.Act("Atto che dispone la riapertura, es. \"Determinazione SG n. 30 del 10/03/2020\"");
        var reason = CommonOptions.Reason("Motivo della riapertura");
        var on = CommonOptions.Date("--on", "Data dell'atto di riapertura");
        return new Command("reopen",
            "Riapre l'anno chiuso, prima della validazione dell'OIV, per correggere i risultati (amministratore)")
        {
            plan, act, reason, on, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new PlanLifecycleService(store, cli.Clock).ReopenAsync(parse.GetValue(plan)!,
                parse.GetValue(act)!, parse.GetValue(reason)!, parse.GetValue(on), common.Actor(parse, user), ct);
            return cli.Ok($"[green]Piano {e.PlanId} riaperto[/] il {ItalianFormat.Date(e.On)}: "
                + $"{Markup.Escape(e.Act)} ({Markup.Escape(e.Reason)}). Si richiude con «perfplan plan close».");
        });
    }
}
