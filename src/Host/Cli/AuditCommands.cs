using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan audit</c>: every event in order, in Italian.</summary>
public static class AuditCommands
{
    static readonly DateTimeZone Rome = ItalianFormat.Rome;

    /// <summary>
    /// <c>perfplan audit --plan P [--indicator I] [--user U] [--from gg/mm/aaaa] [--to gg/mm/aaaa] [--format …]</c>:
    /// who did what, when, by which act and why; days are those of Europe/Rome.
    /// </summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string?>("--indicator")
        {
            Description = "Solo un indicatore (i suoi risultati e le modifiche che lo riguardano)",
        };
        var user = new Option<string?>("--user") { Description = "Solo le operazioni di un utente" };
        var from = CommonOptions.Date("--from", "Dal giorno", required: false);
        var to = CommonOptions.Date("--to", "Al giorno", required: false);
        var (format, actingUser) = (Formats.Option(), CommonOptions.As(Capability.ReadAudit));
        return new Command("audit", "Traccia di audit: chi ha fatto cosa, quando, con quale atto e perché")
        {
            plan, indicator, user, from, to, format, actingUser,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, actingUser);
            await using var session = TenantSessions.Query(store, actor, parse.GetValue(plan)!);
            if (await AuditQueries.TrailAsync(session, parse.GetValue(plan)!, ct) is not { } trail)
                return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
            LocalDate? fromDate = parse.GetResult(from) is { Implicit: false } ? parse.GetValue(from) : null;
            LocalDate? toDate = parse.GetResult(to) is { Implicit: false } ? parse.GetValue(to) : null;
            var entries = trail
                .Where(e => parse.GetValue(indicator) is not { } code || Concerns(e, code))
                .Where(e => parse.GetValue(user) is not { } u || e.Who.Equals(u, StringComparison.OrdinalIgnoreCase))
                .Where(e => fromDate is null || e.At.InZone(Rome).Date >= fromDate)
                .Where(e => toDate is null || e.At.InZone(Rome).Date <= toDate)
                .ToList();
            if (parse.GetValue(format) == Formats.Json) { cli.WriteJson(entries); return ExitCodes.Ok; }
            Write(cli, entries);
            return ExitCodes.Ok;
        });
    }

    static bool Concerns(AuditEntry e, string indicator) =>
        e.Subject.Equals(indicator, StringComparison.OrdinalIgnoreCase)
        || e.Stream.EndsWith("/" + indicator, StringComparison.OrdinalIgnoreCase);

    static void Write(CliContext cli, List<AuditEntry> entries)
    {
        var table = new Table().Border(TableBorder.Rounded);
        string[] headings =
            ["Quando (Europe/Rome)", "Chi", "Cosa", "Oggetto", "Dettaglio", "Atto", "Motivo", "Rif.", "Operazione"];
        foreach (var h in headings) table.AddColumn(h);
        foreach (var e in entries)
            table.AddRow(e.LocalTime, Markup.Escape(e.Who), Markup.Escape(e.What), Markup.Escape(e.Subject),
                Markup.Escape(e.Detail), Markup.Escape(e.Act ?? ""), Markup.Escape(e.Reason ?? ""),
                Markup.Escape(e.Refs ?? ""), (e.CorrelationId ?? "")[..Math.Min(8, e.CorrelationId?.Length ?? 0)]);
        cli.Console.Write(table);
        var operations = entries.Select(e => e.CorrelationId).Distinct().Count();
        cli.Console.MarkupLine($"{ItalianFormat.Count(entries.Count, "evento", "eventi")}, "
            + $"{ItalianFormat.Count(operations, "operazione", "operazioni")}.");
    }
}
