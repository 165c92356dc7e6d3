using System.CommandLine;
using PerformancePlan.Host.Database;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// <c>perfplan bench</c>: the figures of docs/performance.md, each against a baseline of the same run.
/// </summary>
public static class BenchCommand
{
    /// <summary>
    /// <c>perfplan bench [--rounds N]</c>: a year of the seed plan, medians of N rounds with their ratio;
    /// <c>--entities N</c>: the scale figures, a store of N administrations against a store of one;
    /// <c>--verify-memory SMALL,LARGE</c>: whole-store verify's peak memory at two sizes (events).
    /// </summary>
    public static Command Build(CliContext cli, CommonOptions common)
    {
        var rounds = new Option<int>("--rounds")
        {
            Description = "Ripetizioni (mediana)", DefaultValueFactory = _ => 5,
        };
        var entities = new Option<int?>("--entities")
        {
            Description = "Confronta un ente in un archivio di N enti con lo stesso ente da solo (es. 1000)",
        };
        var verifyMemory = new Option<string?>("--verify-memory")
        {
            Description =
                "Memoria della verifica dell'intero registro a due dimensioni, in eventi (es. 100000,1000000)",
        };
        var rebuildRounds = new Option<int?>("--rebuild-rounds")
        {
            Description = "Con --entities: ripetizioni della ricostruzione delle proiezioni (0: non misurarla; "
                + "predefinito: --rounds, al più 3)",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = $"Con --entities: conserva l'archivio di N enti nello schema {BenchStore.KeptSchema} e "
                + "riusalo (completandolo se ha meno enti) nelle esecuzioni seguenti",
        };
        var command = new Command("bench",
            "Misura le prestazioni rispetto a una linea di base nella stessa esecuzione")
            { rounds, entities, verifyMemory, rebuildRounds, keep };
        command.SetAction(async (parse, ct) =>
        {
            var sizes = parse.GetValue(verifyMemory) is { } text ? ParseSizes(text) : null;
            if (parse.GetValue(verifyMemory) is not null && sizes is null)
                return cli.Fail("--verify-memory vuole due numeri di eventi crescenti separati da virgola, "
                    + "es. --verify-memory 100000,1000000.", ExitCodes.InvalidInput);
            if (parse.GetValue(entities) is < 2 or > 100_000)
                return cli.Fail("--entities vuole un numero di enti fra 2 e 100000, es. --entities 1000.",
                    ExitCodes.InvalidInput);
            if (parse.GetValue(rounds) is < 1 or > 1000)
                return cli.Fail("--rounds vuole un numero di ripetizioni fra 1 e 1000.", ExitCodes.InvalidInput);
            if (parse.GetValue(rebuildRounds) is < 0 or > 1000)
                return cli.Fail("--rebuild-rounds vuole un numero di ripetizioni fra 0 e 1000.",
                    ExitCodes.InvalidInput);
            if ((parse.GetValue(keep) || parse.GetValue(rebuildRounds) is not null) && parse.GetValue(entities) is null)
                return cli.Fail("--keep e --rebuild-rounds valgono con --entities N, es. --entities 1000 --keep.",
                    ExitCodes.InvalidInput);
            await using var connection = await DatabaseConnection.OpenAsync(parse.GetValue(common.Db), ct);
            var file = Path.Combine(AppContext.BaseDirectory, "data", "cciaa-ms-2019.csv");
            var machine = $"{Environment.ProcessorCount} core, {connection.Description}.";
            if (parse.GetValue(entities) is { } n || sizes is not null)
            {
                var scale = new ScaleBenchmark(connection.ConnectionString, file,
                    NodaTime.SystemClock.Instance)
                {
                    Progress = new Said(line => cli.Errors.MarkupLine(Markup.Escape(line))),
                    Measured = f => cli.Console.MarkupLine(Markup.Escape(Line(f, parse.GetValue(entities) ?? 0))),
                };
                if (parse.GetValue(entities) is { } count)
                {
                    var repeat = parse.GetValue(rebuildRounds) ?? Math.Min(parse.GetValue(rounds), 3);
                    try
                    {
                        WriteScale(cli, await scale.RunAsync(count, parse.GetValue(rounds), repeat,
                            parse.GetValue(keep), ct), count);
                    }
                    catch (KeptStoreTooLargeException e) { return cli.Fail(e.Message, ExitCodes.InvalidInput); }
                }
                if (sizes is { } s) WriteMemory(cli, await scale.VerifyMemoryAsync(s.Small, s.Large, ct));
                cli.Console.MarkupLine(Markup.Escape($"{parse.GetValue(rounds)} ripetizioni, {machine}"));
                return ExitCodes.Ok;
            }
            var figures = await new Benchmark(connection.ConnectionString, file, NodaTime.SystemClock.Instance)
                .RunAsync(parse.GetValue(rounds), ct);
            var table = new Table().Border(TableBorder.Rounded);
            string[] headings =
                ["Misura", "Operazioni", "ms (mediana)", "Linea di base", "ms base", "Rapporto (base/misura)"];
            foreach (var h in headings) table.AddColumn(h);
            foreach (var f in figures)
                table.AddRow(f.Name, f.Operations.ToString(), f.Milliseconds.ToString("0.0"), f.Baseline,
                    f.BaselineMilliseconds.ToString("0.0"), $"{f.Ratio:0.00} ({f.Ratio * 100:0}%)");
            cli.Console.Write(table);
            cli.Console.MarkupLine(Markup.Escape($"{parse.GetValue(rounds)} ripetizioni, {machine}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Progress said at once, in order, on the caller's thread (<see cref="Progress{T}"/> posts to the pool,
    /// so its lines could come after the figures they precede).</summary>
    sealed class Said(Action<string> say) : IProgress<string>
    {
        public void Report(string value) => say(value);
    }

    /// <summary>One figure as soon as it is measured: what, both times, the ratio and the goal.</summary>
    static string Line(ScaleFigure f, int entities) => IsRebuild(f)
        ? $"Misurato — {f.Name}, {Number(f.Events)} eventi: {Ms(f.ManyMilliseconds)} ms contro "
            + $"{Ms(f.OneMilliseconds)} ms; rapporto {1 / f.Factor * 100:0}% (obiettivo: almeno 50%)."
        : $"Misurato — {f.Name}: {Ms(f.OneMilliseconds)} ms con 1 ente, {Ms(f.ManyMilliseconds)} ms con "
            + $"{Number(entities)} enti; rapporto {f.Factor.ToString("0.00", ItalianFormat.Culture)}× "
            + "(obiettivo: al più 1,5×).";

    static (long Small, long Large)? ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], out var small) && long.TryParse(parts[1], out var large)
            && small >= 1_000 && large > small && large <= 100_000_000 ? (small, large) : null;
    }

    static void WriteScale(CliContext cli,
        (IReadOnlyList<ScaleFigure> Figures, long EventsOne, long EventsMany) run, int entities)
    {
        var table = new Table().Border(TableBorder.Rounded);
        string[] headings = ["Misura", "Eventi letti", "ms con 1 ente", $"ms con {entities} enti", "Rapporto"];
        foreach (var h in headings) table.AddColumn(h);
        foreach (var f in run.Figures.Where(f => !IsRebuild(f)))
            table.AddRow(Markup.Escape(f.Name), Number(f.Events), Ms(f.OneMilliseconds), Ms(f.ManyMilliseconds),
                $"{f.Factor.ToString("0.00", ItalianFormat.Culture)}×");
        cli.Console.Write(table);
        cli.Console.MarkupLine(Markup.Escape($"Archivio di 1 ente: {Number(run.EventsOne)} eventi; di {entities} enti: "
            + $"{Number(run.EventsMany)} eventi. Obiettivo per le letture di un piano: al più 1,5×."));
        if (run.Figures.FirstOrDefault(IsRebuild) is not { } rebuild) return;
        cli.Console.MarkupLine(Markup.Escape($"Ricostruzione delle proiezioni di {Number(rebuild.Events)} eventi: "
            + $"{Ms(rebuild.ManyMilliseconds)} ms; sola lettura e deserializzazione degli stessi eventi: "
            + $"{Ms(rebuild.OneMilliseconds)} ms; rapporto {1 / rebuild.Factor * 100:0}% (obiettivo: almeno 50%)."));
    }

    static bool IsRebuild(ScaleFigure f) => f.Name.StartsWith("ricostruzione", StringComparison.Ordinal);

    static string Number(long n) => n.ToString("N0", ItalianFormat.Culture);

    static string Ms(double ms) => ms.ToString("0.0", ItalianFormat.Culture);

    static void WriteMemory(CliContext cli, VerifyMemoryFigure f)
    {
        var (small, large) = f.EventsPerSecond;
        string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", ItalianFormat.Culture);
        string S(double s) => s.ToString("0.0", ItalianFormat.Culture);
        cli.Console.MarkupLine(Markup.Escape(
            $"Verifica dell'intero registro: {Number(f.SmallEvents)} eventi → picco {Mb(f.SmallBytes)} MB, "
            + $"{S(f.SmallSeconds)} s ({Number((long)small)} eventi/s); {Number(f.LargeEvents)} eventi → picco "
            + $"{Mb(f.LargeBytes)} MB, {S(f.LargeSeconds)} s ({Number((long)large)} eventi/s). Rapporto di memoria "
            + $"{f.Factor.ToString("0.00", ItalianFormat.Culture)}× (obiettivo: al più 1,2×)."));
    }
}
