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
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.AmendPlan));
        var file = CommonOptions.Required<FileInfo>("--file",
            "CSV/XLSX delle modifiche: colonne del piano più Operazione (modifica, aggiungi, ritira)");
        var act = CommonOptions.Act("Atto che dispone la variazione, es. \"Determinazione SG n. 115 del 15/05/2019\"");
        var on = CommonOptions.Date("--on", "Data da cui la variazione è in vigore");
        var reason = new Option<string>("--reason")
        {
            Description = "Motivo", DefaultValueFactory = _ => "variazione in itinere",
        };
        return new Command("amend", "Variazione del piano approvato (tutto o niente): nuova versione")
        {
            plan, file, act, on, reason, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) return cli.Fail($"File non trovato: {path}", ExitCodes.InvalidInput);
            var e = await new AmendmentService(store, cli.Clock).AmendFromFileAsync(parse.GetValue(plan)!, path,
                parse.GetValue(act)!, parse.GetValue(on), parse.GetValue(reason)!, actor, ct);
            return cli.Ok($"[green]Piano {e.PlanId}: versione {e.Version}[/] " +
                $"({Markup.Escape(e.Act)}, in vigore dal {ItalianFormat.Date(e.EffectiveOn)}).");
        });
    }

    /// <summary><c>perfplan plan revert-amendment --plan P --version N --act A --on gg/mm/aaaa --reason R --as U</c>:
    /// a new amendment that restores what version N changed.</summary>
    public static Command RevertAmendment(CliContext cli, CommonOptions common)
    {
        var version = CommonOptions.Required<int>("--version", "La variazione (versione) da annullare");
        var (plan, act) = (CommonOptions.Plan(), CommonOptions.Act("Atto che dispone l'annullamento"));
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui l'annullamento è in vigore");
        var (reason, user) = (CommonOptions.Reason("Motivo"), CommonOptions.As(Capability.AmendPlan));
        return new Command("revert-amendment",
            "Annulla una variazione errata con una nuova variazione che ripristina i valori precedenti")
        {
            plan, version, act, on, reason, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new AmendmentService(store, cli.Clock).RevertAmendmentAsync(parse.GetValue(plan)!,
                parse.GetValue(version), parse.GetValue(act)!, parse.GetValue(on), parse.GetValue(reason)!,
                common.Actor(parse, user), ct);
            return cli.Ok($"[green]Variazione {e.Reverts} annullata[/]: " +
                $"piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
        });
    }

    /// <summary><c>perfplan target revise --plan P --indicator I --year Y --value V --act A --reason R
    /// --on gg/mm/aaaa --as U</c>: one target changed, as an amendment.</summary>
    public static Command ReviseTarget(CliContext cli, CommonOptions common)
    {
        var (plan, indicator) = (CommonOptions.Plan(), CommonOptions.Indicator());
        var year = CommonOptions.Required<int>("--year", "Anno del target");
        var value = CommonOptions.Required<string>("--value", "Nuovo target: 80% · 12 · 31/03/2019");
        var (act, reason) = (CommonOptions.Act("Atto che dispone la modifica"), CommonOptions.Reason("Motivo"));
        var on = CommonOptions.Date("--on", "Data dell'atto, da cui la modifica è in vigore");
        var user = CommonOptions.As(Capability.AmendPlan);
        var revise = new Command("revise", "Modifica un target (variazione: nuova versione del piano)")
        {
            plan, indicator, year, value, act, reason, on, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var e = await new AmendmentService(store, cli.Clock).ReviseTargetAsync(parse.GetValue(plan)!,
                parse.GetValue(indicator)!, parse.GetValue(year), parse.GetValue(value)!, parse.GetValue(act)!,
                parse.GetValue(on), parse.GetValue(reason)!, common.Actor(parse, user), ct);
            return cli.Ok(
                $"[green]Target modificato[/]: piano {e.PlanId} versione {e.Version} ({Markup.Escape(e.Act)}).");
        });
        return new Command("target", "Target degli indicatori") { revise };
    }

    /// <summary><c>perfplan plan rollforward --from P --to Q --as U</c>: next year's draft, same tree, targets
    /// carried over.</summary>
    public static Command RollForward(CliContext cli, CommonOptions common)
    {
        var from = CommonOptions.PlanOption("--from", "Piano di partenza, es. cciaa-ms-2019", true);
        var to = CommonOptions.PlanOption("--to", "Nuovo piano, es. cciaa-ms-2020", true);
        var user = CommonOptions.As(Capability.RollForwardPlan);
        return new Command("rollforward",
            "Predispone il piano dell'anno dopo: stesso albero, target riportati (bozza)") { from, to, user }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var plan = await new AmendmentService(store, cli.Clock).RollForwardAsync(parse.GetValue(from)!,
                    parse.GetValue(to)!, common.Actor(parse, user), ct);
                return cli.Ok($"[green]Piano {plan.Id} predisposto[/] da {plan.RolledForwardFrom}: " +
                    $"triennio {plan.Horizon[0]}–{plan.Horizon[^1]}, {plan.Indicators.Count} indicatori, in bozza.");
            });
    }
}
