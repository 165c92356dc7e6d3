using System.Text.Json;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>
/// Issue #9, end to end on PostgreSQL: the real plans of other administrations (<c>shared/cases/plans</c>, unedited)
/// import as written, their results files import, and the scores are those their sources give — or the results file is
/// refused with row, column, value and fix when it is the file that is wrong.
/// </summary>
public class OtherAdministrationsCliTests(PostgresCluster cluster) : CliDatabase(cluster, "adm_")
{
    // The demo's users act here for other administrations than Massa-Carrara's (ADR 0028).
    public override ValueTask InitializeAsync()
    {
        Users = SeedFiles.UsersOfEveryEntity();
        return base.InitializeAsync();
    }

    async Task<string> ApprovedAsync(string file, string entity, int year)
    {
        await Ok("plan", "import", "--as", "admin", SeedFiles.Case("plans", file), "--entity", entity);
        var plan = $"{entity}-{year}";
        await Ok("plan", "approve", "--plan", plan, "--act", "Decreto n. 1", "--on", $"31/01/{year}",
            "--as", "giunta");
        return plan;
    }

    async Task<JsonDocument> ScoresAsync(string plan) =>
        JsonDocument.Parse((await Ok("scores", "--plan", plan, "--format", "json")).Output);

    static decimal? Realization(JsonDocument scores, string code) => scores.RootElement.GetProperty("indicators")
        .EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("realization")
        .GetDecimal();

    [Fact]
    public async Task Inail_s_objectives_times_structures_score_100_as_its_Relazione_says()
    {
        var plan = await ApprovedAsync("A3-inail-2019.csv", "inail", 2019);
        (await Ok("results", "import", SeedFiles.Case("plans", "A3-inail-2019-risultati.csv"), "--plan", plan,
            "--as", "admin")).Output.ShouldContain("4 risultati registrati");

        using var scores = await ScoresAsync(plan);
        var entity = scores.RootElement.GetProperty("entity");
        (entity.GetProperty("raw").GetDecimal(), entity.GetProperty("band").GetString()).ShouldBe((100m, "achieved"));
    }

    [Fact]
    public async Task The_justice_ministry_s_prison_indicators_score_with_units_and_overcrowding_above_100()
    {
        var plan = await ApprovedAsync("A2-giustizia-dap-2017.csv", "dap", 2017);
        (await Ok("results", "import", SeedFiles.Case("plans", "A2-giustizia-dap-2017-risultati.csv"), "--plan", plan,
            "--as", "admin")).Output.ShouldContain("9 risultati registrati");

        using var scores = await ScoresAsync(plan);
        Realization(scores, "S1.2.1-a").ShouldBe(94.44m);    // 85% of ≥ 90%
        Realization(scores, "S1.5.1-a").ShouldBe(86.96m);    // 115% occupancy against ≤ 100%
        Realization(scores, "S1.5.3-a").ShouldBe(48m);       // 12.000 mq of 25.000
        Realization(scores, "S1.5.4-a").ShouldBe(100m);      // 620.000 euro of 500.000
        (await Ok("plan", "show", "--plan", plan)).Output.ShouldContain("mq");
    }

    [Fact]
    public async Task The_ministry_s_equals_90_percent_is_its_target_value_so_100_percent_is_achieved()
    {
        var plan = await ApprovedAsync("A2b-giustizia-dag-2019.csv", "dag", 2019);
        await Ok("results", "import", SeedFiles.Case("plans", "A2b-giustizia-dag-2019-risultati.csv"), "--plan", plan,
            "--as", "admin");

        using var scores = await ScoresAsync(plan);
        Realization(scores, "S1.7.1-a").ShouldBe(100m);      // 95% on «= 90%»
        Realization(scores, "S1.7.3-a").ShouldBe(100m);      // 100% on «= 90%»: not a failure
        Realization(scores, "S1.7.4-a").ShouldBe(63.64m);    // 30 agreements on «= 22»: the distance rule, warned
    }

    [Fact]
    public async Task The_chamber_s_results_file_names_codes_its_plan_does_not_have_so_it_is_refused_whole()
    {
        var plan = await ApprovedAsync("A1-cciaa-mt-2017-asis.csv", "cciaa-mt", 2017);

        var run = await Run("results", "import", SeedFiles.Case("plans", "A1-cciaa-mt-2017-risultati.csv"),
            "--plan", plan, "--as", "admin");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("riga 2, colonna «Codice», valore «S11.5.1-a»");
        run.Errors.ShouldContain("indicatore sconosciuto nel piano cciaa-mt-2017");
        run.Errors.ShouldNotContain("   at ");
        using var scores = await ScoresAsync(plan);
        scores.RootElement.GetProperty("entity").GetProperty("band").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task Points_not_summing_to_100_import_with_a_methodology_file_that_says_they_are_relative()
    {
        var probe = SeedFiles.Case("probes", "G17-weights-not-100.csv");
        (await Run("plan", "import", "--as", "admin", probe, "--entity", "ater")).ExitCode.ShouldBe(2);
        var rules = PlanText.Write(["Codice;Padre;Descrizione;Valore", "pesi titolari;;Pesi in punti (SMVP);relativi"],
            "smvp.csv");

        (await Ok("plan", "import", "--as", "admin", probe, "--entity", "ater", "--methodology", rules)).Output
            .ShouldContain("Piano ater-2019");
        await Ok("plan", "approve", "--plan", "ater-2019", "--act", "Delibera n. 1", "--on", "31/01/2019",
            "--as", "giunta");
        await Ok("results", "record", "--plan", "ater-2019", "--indicator", "O1.1.1-a", "--value", "30/04/2019",
            "--on", "30/04/2019", "--as", "admin");
        var card = await Ok("scorecard", "--plan", "ater-2019", "--holder", "SG", "--as", "admin");
        card.Output.ShouldContain("1,54 → 100%");
        (await Run("plan", "import", "--as", "admin", probe, "--entity", "ater2", "--methodology",
            probe + ".manca")).ExitCode
            .ShouldBe(2);
    }
}
