using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MiniExcelLibs;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// Issue #12, "words", on the command line: what <c>plan diff</c>, <c>serve</c> and the exports say, and the instants
/// a person types after <c>--known-at</c>. Every command's events are sealed at 01/03/2022 11:00 in Rome (10:00 UTC),
/// the clock of <see cref="CliRunner"/>.
/// </summary>
public class WordsCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "words_")
{
    async Task AmendMethodologyAsync(params string[] rules)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-words-").FullName, "metodologia.csv");
        File.WriteAllLines(path, ["Operazione;Livello;Codice;Descrizione",
            .. rules.Select(r => "modifica;Metodologia;" + r)]);
        var amend = await Run("plan", "amend", "--plan", "cciaa-ms-2019", "--file", path,
            "--act", "Determinazione SG n. 115 del 15/05/2019", "--on", "15/05/2019", "--as", "admin");
        amend.ExitCode.ShouldBe(0, amend.Errors);
    }

    [Fact]
    public async Task A_methodology_change_reads_as_Italian_sentences_never_as_a_type()
    {
        await AmendMethodologyAsync("tolleranza;5%", "soglia critica;40%");

        var diff = await Run("plan", "diff", "--plan", "cciaa-ms-2019", "--from-version", "1", "--to-version", "2");

        diff.ExitCode.ShouldBe(0, diff.Errors);
        diff.Output.ShouldContain("Tolleranza: 10% → 5%");
        diff.Output.ShouldContain("Soglia critica: 50% → 40%");
        diff.Output.ShouldContain("2 differenze tra la versione 1 e la 2 del piano cciaa-ms-2019.");
        foreach (var typeName in new[] { "Methodology", "TolerancePercent", "{", "}" })
            diff.Output.ShouldNotContain(typeName);
        using var json = JsonDocument.Parse((await Run("plan", "diff", "--plan", "cciaa-ms-2019",
            "--from-version", "1", "--to-version", "2", "--format", "json")).Output);
        json.RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("from").GetString(), d.GetProperty("to").GetString(),
                d.GetProperty("sentence").GetString()))
            .ShouldBe([
                ("tolleranza 10%", "tolleranza 5%", "Tolleranza: 10% → 5%"),
                ("soglia critica 50%", "soglia critica 40%", "Soglia critica: 50% → 40%"),
            ]);
    }

    [Fact]
    public async Task One_difference_is_singular_and_none_is_said()
    {
        await AmendMethodologyAsync("tolleranza;5%");

        (await Run("plan", "diff", "--plan", "cciaa-ms-2019", "--from-version", "1", "--to-version", "2"))
            .Output.ShouldContain("1 differenza tra la versione 1 e la 2");
        (await Run("plan", "diff", "--plan", "cciaa-ms-2019", "--from-version", "2", "--to-version", "2"))
            .Output.ShouldContain("Nessuna differenza tra la versione 2 e la 2 del piano cciaa-ms-2019.");
    }

    [Theory]
    [InlineData("01/03/2022 11:00", 0)]
    [InlineData("01/03/2022 10:59", 2)]
    [InlineData("1/3/2022 ore 11.00", 0)]
    [InlineData("01/03/2022", 0)]
    [InlineData("28/02/2022", 2)]
    [InlineData("2022-03-01", 0)]
    [InlineData("2022-03-01T11:00", 0)]
    [InlineData("2022-03-01T10:00:00Z", 0)]
    [InlineData("2022-03-01T09:59:59Z", 2)]
    [InlineData("2022-03-01T11:00:00+01:00", 0)]
    [InlineData("2022-03-01T10:59:00+01:00", 2)]
    public async Task Known_at_takes_the_instant_as_a_person_writes_it(string knownAt, int exitCode)
    {
        var run = await Run("scores", "--plan", "cciaa-ms-2019", "--known-at", knownAt, "--format", "json");

        run.ExitCode.ShouldBe(exitCode, run.Errors);
        if (exitCode == 2) run.Errors.ShouldContain("non trovato");   // nothing recorded yet at that instant
    }

    [Fact]
    public async Task An_unreadable_known_at_says_how_to_write_one()
    {
        var run = await Run("scores", "--plan", "cciaa-ms-2019", "--known-at", "ieri sera");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("--known-at: «ieri sera» non è un istante; scrivere gg/mm/aaaa hh:mm (ora di Roma)");
    }

    [Fact]
    public async Task As_of_takes_an_Italian_or_an_ISO_day()
    {
        (await Run("scores", "--plan", "cciaa-ms-2019", "--as-of", "30/06/2019")).ExitCode.ShouldBe(0);
        (await Run("scores", "--plan", "cciaa-ms-2019", "--as-of", "2019-06-30")).ExitCode.ShouldBe(0);
        (await Run("scores", "--plan", "cciaa-ms-2019", "--as-of", "31/06/2019")).ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("scores", "Punteggi")]
    [InlineData("audit", "Traccia di audit")]
    public async Task An_xlsx_export_names_its_sheet_in_Italian(string what, string sheet)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("perfplan-words-").FullName, what + ".xlsx");

        (await Run("export", what, "--as", "analista", "--plan", "cciaa-ms-2019", "--out", file)).ExitCode.ShouldBe(0);

        MiniExcel.GetSheetNames(file).ShouldBe([sheet]);
    }

    [Fact]
    public async Task A_busy_port_is_one_Italian_line_not_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        // Should the service start after all, the test still ends: Ctrl+C after 60 seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        var run = await CliRunner.RunCancellableAsync(
            ["serve", "--url", $"http://127.0.0.1:{port}", "--db", Db], timeout.Token);

        timeout.IsCancellationRequested.ShouldBeFalse();
        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldContain($"Porta {port} occupata: un altro programma è già in ascolto su " +
            $"http://127.0.0.1:{port}. Usare --url con un'altra porta, es. --url http://127.0.0.1:{port + 1}");
        run.Errors.ShouldNotContain("Exception");
        run.Errors.ShouldNotContain("   at ");
        run.Errors.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/percorso")]
    public async Task An_address_that_is_not_one_is_refused_before_anything_starts(string url)
    {
        var run = await Run("serve", "--url", url);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain($"--url: «{url}» non è un indirizzo di ascolto; scrivere http://HOST:PORTA");
    }
}
