using System.Net;
using System.Text.RegularExpressions;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// Issue #11 and the Garante privacy's provv. n. 204 of 10/04/2025: the Relazione anyone may generate is the
/// publishable one — individual performance in aggregate, non-nominative form; the full one, with each holder's named
/// scorecard, only for the OIV and the administration, marked as not for publication.
/// </summary>
public class RelazionePrivacyTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "rel_")
{
    static readonly string[] HolderCodes = ["SG", "PO2", "PO3", "PO4", "PO5"];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (code, value) in new[] { ("O1.2.4-a", "3"), ("O2.1.1-b", "4"), ("S2.1.1-b", "100%"),
                     ("O2.1.4-b", "100%"), ("O1.2.3-a", "29/03/2019") })
            await Ok("results", "record", "--plan", "cciaa-ms-2019", "--indicator", code, "--value", value, "--on",
                code == "O1.2.3-a" ? "29/03/2019" : "30/04/2019", "--as", "admin");
        await Ok("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "4", "--on",
            "31/05/2019", "--note", "rilevazione di maggio", "--as", "admin");
    }

    async Task<string> RelazioneAsync(string user)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("perfplan-rel-").FullName, "relazione.html");
        await Ok(["report", "relazione", "--plan", "cciaa-ms-2019", "--out", file,
            .. user.Length > 0 ? new[] { "--as", user } : []]);
        return await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
    }

    /// <summary>The text of each table row, paragraph and heading of <paramref name="html"/>, tags stripped.</summary>
    static List<string> Blocks(string html) => Regex.Matches(html, @"<(tr|p|h[1-6]|li)\b[^>]*>(.*?)</\1>",
            RegexOptions.Singleline)
        .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]+>", " ")))
        .Select(t => Regex.Replace(t, @"\s+", " ").Trim()).ToList();

    /// <summary>The plan's own words (descriptions such as «Relazione al SG su …»): published with the plan.</summary>
    static readonly string[] PlanTexts = SeedPlan.Draft() is var p
        ? [.. p.Nodes.Select(n => n.Description).Concat(p.Indicators.Select(i => i.Description))
            .Select(d => Regex.Replace(d, @"\s+", " ").Trim()).OrderByDescending(d => d.Length)]
        : [];

    /// <summary>A holder named (by code or as the Segretario Generale) beyond the plan's own descriptions.</summary>
    static bool NamesAHolder(string block)
    {
        var own = PlanTexts.Aggregate(block, (text, description) => text.Replace(description, " "));
        return HolderCodes.Any(h => Regex.IsMatch(own, $@"(?<![\w.-]){h}(?![\w.-])"))
            || own.Contains("Segretario Generale", StringComparison.OrdinalIgnoreCase);
    }

    static string Section(string html, string from, string to) =>
        html[html.IndexOf(from, StringComparison.Ordinal)..html.IndexOf(to, StringComparison.Ordinal)];

    [Theory]
    [InlineData("")]
    [InlineData("analista")]
    [InlineData("sg")]
    public async Task Without_the_OIV_or_an_admin_no_holder_is_named_beside_a_score_or_an_indicator(string user)
    {
        var html = await RelazioneAsync(user);

        var blocks = Blocks(html);
        blocks.Where(NamesAHolder).ShouldBeEmpty();
        Section(html, "3. Obiettivi individuali", "4. Variazioni").ShouldNotContain("SG");
        html.ShouldContain("data-edition=\"pubblicabile\"");
        html.ShouldNotContain("individual-scorecards");
        var distribution = blocks.SkipWhile(b => !b.StartsWith("Punteggio individuale", StringComparison.Ordinal))
            .Skip(1).Take(4).ToList();
        distribution.Count.ShouldBe(4);
        distribution.Sum(b => int.Parse(b.Split(' ')[^1])).ShouldBe(HolderCodes.Length);   // every holder, counted
        blocks.ShouldContain(b => b.StartsWith("5 titolari hanno obiettivi individuali", StringComparison.Ordinal));
        blocks.ShouldContain(b => b.Contains("provvedimento del Garante per la protezione dei dati personali n. 204 "
            + "del 10/04/2025"));
    }

    [Theory]
    [InlineData("oiv")]
    [InlineData("admin")]
    public async Task The_OIV_and_an_admin_get_the_full_version_with_the_named_scorecards_not_for_publication(
        string user)
    {
        var html = await RelazioneAsync(user);

        var blocks = Blocks(html);
        html.ShouldContain("data-edition=\"integrale\"");
        blocks.ShouldContain(b => b.Contains("NON DESTINATA ALLA PUBBLICAZIONE"));
        foreach (var holder in HolderCodes)
            blocks.ShouldContain(b => b.StartsWith(holder + " ", StringComparison.Ordinal) && NamesAHolder(b));
    }

    [Fact]
    public async Task An_unknown_user_gets_no_Relazione_at_all()
    {
        var run = await Run("report", "relazione", "--plan", "cciaa-ms-2019", "--out", "/tmp/mai.html",
            "--as", "nessuno");

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("Utente «nessuno» sconosciuto");
    }
}
