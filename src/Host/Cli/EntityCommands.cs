using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan entity merge|show</c>: administrations themselves, and their mergers (issue #10, ADR 0030).
/// </summary>
public static class EntityCommands
{
    /// <summary>The <c>entity</c> verb and its subcommands.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("entity", "Enti: fusioni e storia").With(cli, common, Merge, Show);

    /// <summary>
    /// <c>perfplan entity merge --into S --name "…" --from A B C --on gg/mm/aaaa --act "…" --as ADMIN</c>.
    /// </summary>
    public static Command Merge(CliContext cli, CommonOptions common)
    {
        var into = CommonOptions.Required<string>("--into", "Ente che nasce dalla fusione (successore), es. cciaa-tno");
        var name = CommonOptions.Required<string>("--name",
            "Denominazione del successore, es. \"Camera di Commercio della Toscana Nord-Ovest\"");
        var from = CommonOptions.Entities("--from", "Enti che confluiscono, es. --from cciaa-ms cciaa-lu cciaa-pi");
        var on = CommonOptions.Date("--on", "Data da cui il successore subentra (gg/mm/aaaa)");
        var act = CommonOptions.Act("Atto della fusione, es. \"D.M. 16/02/2018\"");
        var user = CommonOptions.As(Capability.MergeEntities);
        return new Command("merge", "Registra la fusione di enti: i predecessori chiudono, la loro storia resta "
            + "verificabile dal successore (amministratore)")
        {
            into, name, from, on, act, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var successor = EntityId.TryParse(parse.GetValue(into), out var id, out var error) ? id
                : throw new DomainException($"--into: {error}");
            var m = await new EntityService(store, cli.Clock).MergeAsync(successor, parse.GetValue(name)!,
                parse.GetValue(from)!, parse.GetValue(on), parse.GetValue(act)!, common.Actor(parse, user), ct);
            cli.Console.MarkupLine($"[green]Fusione registrata[/]: {Markup.Escape(string.Join(", ",
                m.Predecessors.Select(p => p.Entity)))} → {m.Entity} ({Markup.Escape(m.Name)}) dal "
                + $"{ItalianFormat.Date(m.On)}, {Markup.Escape(m.Act)}.");
            foreach (var p in m.Predecessors)
                cli.Console.MarkupLine($"  {p.Entity}: registro chiuso alla posizione {p.Position}"
                    + (p.Position == 0 ? " (nessun evento)" : $", anello {p.Link[..Math.Min(16, p.Link.Length)]}…"));
            return cli.Ok($"Da ora {string.Join(", ", m.Predecessors.Select(p => p.Entity))} sono in sola lettura; "
                + $"«perfplan ledger verify --entity {m.Entity}» ne verifica la storia.");
        });
    }

    /// <summary><c>perfplan entity show --entity E</c>: the administration's mergers and dissolution.</summary>
    public static Command Show(CliContext cli, CommonOptions common)
    {
        var entity = CommonOptions.Entity("Codice dell'ente, es. cciaa-tno");
        var user = CommonOptions.As(Capability.ReadPlan);
        return new Command("show", "Mostra fusioni e predecessori di un ente") { entity, user }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var code = parse.GetValue(entity)!.Value;
                await using var session = TenantSessions.Query(store, common.OptionalActor(parse, user),
                    parse.GetValue(entity)!);
                var state = await EntityService.StateAsync(session, code, ct);
                var lineage = await EntityService.LineageAsync(session, code, ct);
                cli.Console.MarkupLine($"[bold]{code}[/]" + (state.Name is { } n ? $" — {Markup.Escape(n)}" : ""));
                foreach (var m in state.Mergers)
                    cli.Console.MarkupLine($"  fusione dal {ItalianFormat.Date(m.On)} ({Markup.Escape(m.Act)}): "
                        + string.Join(", ", m.Predecessors.Select(p => $"{p.Entity} (registro a {p.Position})")));
                if (state.Dissolution is { } d)
                    cli.Console.MarkupLine($"  [yellow]cessato[/]: confluito in {d.Successor} dal "
                        + $"{ItalianFormat.Date(d.On)} ({Markup.Escape(d.Act)}); storia in sola lettura");
                return cli.Ok(lineage.Count > 1 ? $"Storia che prosegue: {string.Join(" ← ", lineage)}"
                    : "Nessun predecessore.");
            });
    }
}
