using System.CommandLine;
using Marten;
using NodaTime;
using PerformancePlan.Domain.Common;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Application.Views;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan audit</c>: every event in order, in Italian.</summary>
public static class AuditCommands
{
    static readonly DateTimeZone Rome = ItalianFormat.Rome;

    public static Command Build(CliContext cli, CommonOptions common)
    {
        var plan = CommonOptions.Plan();
        var indicator = new Option<string?>("--indicator") { Description = "Solo un indicatore (i suoi risultati e le modifiche che lo riguardano)" };
        var user = new Option<string?>("--user") { Description = "Solo le operazioni di un utente" };
        var from = CommonOptions.Date("--from", "Dal giorno");
        var to = CommonOptions.Date("--to", "Al giorno");
        from.Required = false;
        to.Required = false;
        var format = Formats.Option();
        var command = new Command("audit", "Traccia di audit: chi ha fatto cosa, quando, con quale atto e perché") { plan, indicator, user, from, to, format };
        command.SetAction((parse, ct) => cli.WithStoreAsync(parse.GetValue(common.Db), async store =>
        {
            await using var session = store.QuerySession();
            var events = await PlanHistoryQueries.EventsAsync(session, parse.GetValue(plan)!, null, true, ct);
            LocalDate? fromDate = parse.GetResult(from) is { Implicit: false } ? parse.GetValue(from) : null;
            LocalDate? toDate = parse.GetResult(to) is { Implicit: false } ? parse.GetValue(to) : null;
            var entries = AuditEntry.WithActs(events.Select(AuditEntry.From))
                .Where(e => parse.GetValue(indicator) is not { } code || e.Subject.Equals(code, StringComparison.OrdinalIgnoreCase) || e.Stream.EndsWith("/" + code, StringComparison.OrdinalIgnoreCase))
                .Where(e => parse.GetValue(user) is not { } u || e.Who.Equals(u, StringComparison.OrdinalIgnoreCase))
                .Where(e => fromDate is null || e.At.InZone(Rome).Date >= fromDate)
                .Where(e => toDate is null || e.At.InZone(Rome).Date <= toDate)
                .ToList();
            if (parse.GetValue(format) == Formats.Json) { cli.WriteJson(entries); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "Quando (Europe/Rome)", "Chi", "Cosa", "Oggetto", "Dettaglio", "Atto", "Motivo", "Rif.", "Operazione" }) table.AddColumn(h);
            foreach (var e in entries)
                table.AddRow(e.LocalTime, Markup.Escape(e.Who), Markup.Escape(e.What), Markup.Escape(e.Subject), Markup.Escape(e.Detail),
                    Markup.Escape(e.Act ?? ""), Markup.Escape(e.Reason ?? ""), Markup.Escape(e.Refs ?? ""), (e.CorrelationId ?? "")[..Math.Min(8, e.CorrelationId?.Length ?? 0)]);
            cli.Console.Write(table);
            cli.Console.MarkupLine($"{ItalianFormat.Count(entries.Count, "evento", "eventi")}, {entries.Select(e => e.CorrelationId).Distinct().Count()} operazioni.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
