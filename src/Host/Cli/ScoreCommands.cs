using System.CommandLine;
using PerformancePlan.Host.Cli.Tables;
using PerformancePlan.Host.Components;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan scores</c> and <c>perfplan scorecard</c>.</summary>
public static class ScoreCommands
{
    /// <summary><c>perfplan scores --plan P [--format …] [--as-of gg/mm/aaaa] [--known-at ISTANTE]</c>.</summary>
    public static Command Scores(CliContext cli, CommonOptions common)
    {
        var (plan, format, asOf, knownAt) =
            (CommonOptions.Plan(), Formats.Option(), CommonOptions.AsOf(), CommonOptions.KnownAt());
        var user = CommonOptions.As(Capability.ReadScores);
        return new Command("scores", "Misurazione: indicatori, obiettivi, aree ed ente")
        {
            plan, format, asOf, knownAt, user,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var reader = common.OptionalActor(parse, user);
            await using var session = TenantSessions.Query(store, reader, parse.GetValue(plan)!);
            if (await PlanHistoryQueries.ScoresAsync(session, parse.GetValue(plan)!, parse.GetValue(asOf),
                    parse.GetValue(knownAt), ct) is not { } loaded)
                return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
            if (parse.GetValue(format) == Formats.Json) cli.WriteJson(ScoresView.From(loaded.Scores));
            else ScoresTable.Write(cli.Console, loaded.Plan, loaded.Scores);
            return ExitCodes.Ok;
        });
    }

    /// <summary><c>perfplan scorecard --plan P --holder H --as U [--format …] [--as-of …] [--known-at …]</c>:
    /// personal data, for whom the access policy allows.</summary>
    public static Command Scorecard(CliContext cli, CommonOptions common)
    {
        var holder = CommonOptions.Required<string>("--holder", "Titolare: SG, PO2, PO3, PO4, PO5");
        var (plan, user, format) = (CommonOptions.Plan(), CommonOptions.As(Capability.ReadScorecard), Formats.Option());
        var (asOf, knownAt) = (CommonOptions.AsOf(), CommonOptions.KnownAt());
        return new Command("scorecard", "Scheda degli obiettivi individuali di un titolare (dato personale)")
        {
            plan, holder, user, format, asOf, knownAt,
        }.OnStore(cli, common, async (parse, store, ct) =>
        {
            var actor = common.Actor(parse, user);
            var code = parse.GetValue(holder)!.ToUpperInvariant();
            AccessPolicy.Require(actor, Capability.ReadScorecard, AccessResource.OfHolder(code));
            await using var session = TenantSessions.Query(store, actor, parse.GetValue(plan)!);
            if (await PlanHistoryQueries.ScoresAsync(session, parse.GetValue(plan)!, parse.GetValue(asOf),
                    parse.GetValue(knownAt), ct) is not { } loaded)
                return cli.Fail($"Piano «{parse.GetValue(plan)}» non trovato.", ExitCodes.InvalidInput);
            if (!loaded.Plan.HolderCodes.Contains(code))
                return cli.Fail($"Nessun obiettivo individuale per «{code}» nel piano: " +
                    $"titolari {string.Join(", ", loaded.Plan.HolderCodes)}.", ExitCodes.InvalidInput);
            var card = PlanScoring.Scorecard(loaded.Plan, loaded.Scores, code);
            if (parse.GetValue(format) == Formats.Json) cli.WriteJson(ScorecardView.From(card));
            else ScoresTable.WriteScorecard(cli.Console, loaded.Plan, card);
            return ExitCodes.Ok;
        });
    }
}
