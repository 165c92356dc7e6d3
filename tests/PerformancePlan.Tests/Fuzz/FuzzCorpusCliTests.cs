using System.Collections.Concurrent;
using Marten;
using Npgsql;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Fuzz;

/// <summary>
/// The fuzz corpus of #14 through <c>perfplan plan import</c> and <c>perfplan results import</c> (on the seed plan,
/// imported and approved by the results' test), on a database of its own: every file is refused with exit 2 and no
/// event, or imported as it says; never exit 1, never a stack trace. Plans run four at a time, each under its own
/// entity code (so its own plan id). The corpus runs on one store opened once (<see cref="CliRunner.RunOnAsync"/>):
/// parsing, the verb, its errors and exit codes are the user's; only opening the database per file, which every other
/// CLI test does, is left out.
/// </summary>
public class FuzzCorpusCliTests(PostgresCluster cluster) : CliDatabase(cluster, "fuzz_")
{
    readonly string _dir = Directory.CreateTempSubdirectory("perfplan-fuzz-").FullName;
    IDocumentStore _store = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _store = EventStore.Create(Db, autoCreate: JasperFx.AutoCreate.None);
        await SchemaStamp.EnsureAsync(_store, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Runs <c>perfplan</c> on the class's store, opened once.</summary>
    Task<CliRunner.Run> Corpus(params string[] args) => CliRunner.RunOnAsync(_store, args);

    [Fact]
    public async Task Every_plan_file_of_the_corpus_is_refused_with_nothing_written_or_imported_as_written()
    {
        var small = Path.Combine(_dir, "piano-base.csv");
        await File.WriteAllLinesAsync(small, FuzzCorpus.SmallPlan(), TestContext.Current.CancellationToken);
        (await Corpus("plan", "import", "--as", "admin", small, "--entity", "fzbase")).ExitCode.ShouldBe(0);
        var baseline = Normalised((await Corpus("plan", "show", "--plan", "fzbase-2019", "--format", "json")).Output,
            "fzbase");
        var failures = new ConcurrentBag<string>();
        var files = FuzzCorpus.Plans().Select((f, i) => (File: f, Entity: $"fz{i}")).ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (file, entity) = item;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var run = await Corpus("plan", "import", "--as", "admin", Write(file), "--entity", entity);
            var problem = Judge(file, run) ?? Slow(clock) ?? (run.ExitCode == 2 && await EventsOfAsync(entity) > 0
                ? "refused but wrote events" : null);
            if (problem is null && run.ExitCode == 0 && file.Expect == Expect.Imported)
            {
                var shown = await Corpus("plan", "show", "--plan", entity + "-2019", "--format", "json");
                if (Normalised(shown.Output, entity) != baseline) problem = "imported, but not as the seed plan";
            }
            if (problem is not null) failures.Add(Report(file, run, problem));
        });
        failures.ShouldBeEmpty($"{failures.Count} of {files.Count} files:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_results_file_of_the_corpus_is_refused_with_nothing_written_or_imported()
    {
        (await Corpus("plan", "import", "--as", "admin", SeedFiles.PlanCsv)).ExitCode.ShouldBe(0);
        (await Corpus("plan", "approve", "--plan", "cciaa-ms-2019", "--act", "Delibera di Giunta n. 7 del 31/01/2019",
            "--on", "31/01/2019", "--as", "giunta")).ExitCode.ShouldBe(0);
        var failures = new List<string>();
        var files = FuzzCorpus.Results().ToList();
        foreach (var file in files)
        {
            var before = await EventsOfAsync("cciaa-ms");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var run = await Corpus("results", "import", Write(file), "--plan", "cciaa-ms-2019", "--as", "admin");
            var problem = Judge(file, run) ?? Slow(clock)
                ?? (run.ExitCode == 2 && await EventsOfAsync("cciaa-ms") != before ? "refused but wrote events" : null);
            if (problem is not null) failures.Add(Report(file, run, problem));
        }
        var scores = await Corpus("scores", "--plan", "cciaa-ms-2019");

        failures.ShouldBeEmpty($"{failures.Count} of {files.Count} files:\n" + string.Join("\n", failures));
        scores.ExitCode.ShouldBe(0, scores.Errors);
    }

    /// <summary>What is wrong with the answer to <paramref name="file"/>, or null.</summary>
    static string? Judge(FuzzFile file, CliRunner.Run run)
    {
        var all = run.Output + run.Errors;
        if (all.Contains("Exception") || all.Contains("   at ")) return "stack trace";
        if (run.ExitCode is not (0 or 2)) return $"exit {run.ExitCode}";
        if (file.Expect == Expect.Refused && run.ExitCode != 2) return "accepted, must be refused";
        if (file.Expect == Expect.Imported && run.ExitCode != 0) return "refused, must be imported";
        if (run.ExitCode == 2 && !run.Errors.Contains("Nessun evento scritto")) return "refusal without its words";
        if (file.MustSay is { } words && run.ExitCode == 2 && !run.Errors.Contains(words))
            return $"refusal does not say {words}";
        return null;
    }

    /// <summary>A file that takes seconds to refuse is a way to stop the service: each answers within 15 s, even on
    /// a busy machine.</summary>
    static string? Slow(System.Diagnostics.Stopwatch clock) =>
        clock.Elapsed > TimeSpan.FromSeconds(15) ? $"took {clock.Elapsed.TotalSeconds:0.0} s" : null;

    static string Report(FuzzFile file, CliRunner.Run run, string problem) =>
        $"{file.Name} [{file.Expect}]: {problem} (exit {run.ExitCode}) " +
        (run.Errors + run.Output).ReplaceLineEndings(" ")[..Math.Min(300, (run.Errors + run.Output).Length)];

    string Write(FuzzFile file)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, Path.GetFileNameWithoutExtension(file.Name)));
        var path = Path.Combine(dir.FullName, file.Name);
        File.WriteAllBytes(path, file.Bytes);
        return path;
    }

    /// <summary>Events of the streams of <paramref name="entity"/>'s plans, counted in PostgreSQL.</summary>
    async Task<long> EventsOfAsync(string entity)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from perfplan.mt_events where stream_id like $1", conn)
        {
            Parameters = { new() { Value = entity + "-2019%" } },
        };
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    static string Normalised(string json, string entity) =>
        json.Replace(entity + "-2019", "PLAN").Replace($"\"{entity}\"", "ENTITY");
}
