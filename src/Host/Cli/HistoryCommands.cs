using System.CommandLine;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// The reads of a plan's history, which write nothing: <c>plan versions</c>, <c>plan diff</c>,
/// <c>targets history</c>.
/// </summary>
public static class HistoryCommands
{
    /// <summary><c>perfplan plan versions --plan P</c>: each version with its act, date and reason.</summary>
    public static Command Versions(CliContext cli, CommonOptions common)
    {
        var (plan, user) = (CommonOptions.Plan(), CommonOptions.As(Capability.ReadPlanHistory));
        return new Command("versions", "Le versioni del piano con i loro atti") { plan, user }
            .OnStore(cli, common, async (parse, store, ct) =>
            {
                var viewer = common.OptionalActor(parse, user);
                await using var session = TenantSessions.Query(store, viewer, parse.GetValue(plan)!);
                var p = await session.LoadAsync<Plan>(parse.GetValue(plan)!.Value, ct);
                if (p is null)
                    return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var h in new[] { "Versione", "Atto", "In vigore dal", "Motivo" }) table.AddColumn(h);
                foreach (var v in p.Versions)
                    table.AddRow(v.Number.ToString(), Markup.Escape(v.Act), ItalianFormat.Date(v.EffectiveOn),
                        Markup.Escape(v.Reason));
                cli.Console.Write(table);
                return ExitCodes.Ok;
            });
    }

    /// <summary><c>perfplan plan diff --plan P --from-version A --to-version B [--format table|json]</c>.</summary>
    public static Command Diff(CliContext cli, CommonOptions common)
    {
        var (plan, format) = (CommonOptions.Plan(), Formats.Option());
        var fromVersion = CommonOptions.Required<int>("--from-version", "Versione di partenza");
        var toVersion = CommonOptions.Required<int>("--to-version", "Versione di arrivo");
        var user = CommonOptions.As(Capability.ReadPlanHistory);
        return new Command("diff", "Cosa è stato aggiunto, ritirato o modificato tra due versioni")
        {
            plan, fromVersion, toVersion, format, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var (viewer, id) = (common.OptionalActor(parse, user), parse.GetValue(plan)!);
            await using var session = TenantSessions.Query(store, viewer, id);
            var a = await PlanHistoryQueries.VersionAsync(session, id, parse.GetValue(fromVersion), ct);
            var b = await PlanHistoryQueries.VersionAsync(session, id, parse.GetValue(toVersion), ct);
            if (a is null || b is null)
                return cli.Fail($"Versione inesistente del piano «{id}» (vedi «perfplan plan versions»).",
                    ExitCodes.InvalidInput);
            // Who holds what, with which weight, is personal data: a change of weight is shown only to whoever may read
            // that holder's scorecard (with the public scores it would recompute it), as in the plan tree.
            var diffs = PlanDiffView.Of(AccessPolicy.Redacted(a, viewer), AccessPolicy.Redacted(b, viewer));
            if (parse.GetValue(format) == Formats.Json) { cli.WriteJson(diffs); return ExitCodes.Ok; }
            var between = $"tra la versione {parse.GetValue(fromVersion)} e la {parse.GetValue(toVersion)} " +
                $"del piano {id}";
            if (diffs.Count == 0) return cli.Ok($"Nessuna differenza {between}.");
            // One Italian sentence a change: a methodology reads "Tolleranza: 10% → 5%", never as a type.
            foreach (var d in diffs) cli.Console.WriteLine("• " + d.Sentence);
            return cli.Ok($"{ItalianFormat.Count(diffs.Count, "differenza", "differenze")} {Markup.Escape(between)}.");
        });
    }

    /// <summary><c>perfplan targets history --indicator I [--entity E] [--from Y] [--to Y] [--format …]</c>.
    /// </summary>
    public static Command Targets(CliContext cli, CommonOptions common)
    {
        var (indicator, entity) = (CommonOptions.Indicator(), CommonOptions.Entity("Ente, es. cciaa-ms"));
        var from = new Option<int?>("--from") { Description = "Primo anno" };
        var to = new Option<int?>("--to") { Description = "Ultimo anno" };
        var (format, user) = (Formats.Option(), CommonOptions.As(Capability.ReadPlanHistory));
        var history = new Command("history",
            "Ogni valore avuto da ciascun target, con piano, versione, atto e motivo")
        {
            indicator, entity, from, to, format, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var viewer = common.OptionalActor(parse, user);
            await using var session = TenantSessions.Query(store, viewer, parse.GetValue(entity)!);
            var changes = await PlanHistoryQueries.TargetHistoryAsync(session, parse.GetValue(entity)!,
                parse.GetValue(indicator)!, parse.GetValue(from), parse.GetValue(to), ct);
            if (parse.GetValue(format) == Formats.Json)
            {
                cli.WriteJson(changes.Select(TargetChangeJson.Of));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "Anno", "Valore", "Piano", "Versione", "Atto", "Motivo", "In vigore dal" })
                table.AddColumn(h);
            foreach (var c in changes)
                table.AddRow(c.TargetYear.ToString(), PlanHistory.Text(c.Value), c.Plan,
                    c.Version == 0 ? "bozza" : c.Version.ToString(), Markup.Escape(c.Act ?? "—"),
                    Markup.Escape(c.Reason), c.EffectiveOn is { } d ? ItalianFormat.Date(d) : "—");
            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("targets", "Storia dei target") { history };
    }
}

/// <summary>
/// One target change as <c>targets history --format json</c> writes it: dates ISO <c>aaaa-mm-gg</c>; the value an
/// amount, a date, or a list of dates.
/// </summary>
public sealed record TargetChangeJson(int TargetYear, object? Value, string Plan, int Version, string? Act,
    string Reason, string? EffectiveOn, Instant RecordedAt)
{
    /// <summary>The JSON shape of a change.</summary>
    public static TargetChangeJson Of(TargetChange c) => new(c.TargetYear, ValueOf(c.Value), c.Plan, c.Version,
        c.Act, c.Reason, c.EffectiveOn?.ToString("yyyy-MM-dd", null), c.RecordedAt);

    static object? ValueOf(YearTarget? t) => t switch
    {
        null => null,
        { Dates.Count: 1 } => t.Dates[0].ToString("yyyy-MM-dd", null),
        { Dates.Count: > 1 } => t.Dates.Select(d => d.ToString("yyyy-MM-dd", null)).ToList(),
        _ => t.Amount,
    };
}
