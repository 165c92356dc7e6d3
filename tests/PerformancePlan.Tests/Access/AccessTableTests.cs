using System.CommandLine;
using System.Text;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Application;
using PerformancePlan.Host.Cli;
using PerformancePlan.Host.Web;
using PerformancePlan.Tests.Infrastructure;
using Spectre.Console;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// The domain's access table (<see cref="AccessTable"/>) against the matrix's (<see cref="AccessMatrix"/>): the same
/// answer for every row and every demonstration user, and README's «Chi vede che cosa» generated from it.
/// </summary>
public class AccessTableTests
{
    static readonly UserDirectory Users = UserDirectory.Load();

    public static TheoryData<int> RowIndices() => new(Enumerable.Range(0, AccessMatrix.Rows.Length));

    [Theory]
    [MemberData(nameof(RowIndices))]
    public void The_domain_table_answers_each_row_as_the_matrix_expects(int r)
    {
        var row = AccessMatrix.Rows[r];

        var answers = AccessMatrix.Columns.Select(user => AccessPolicy.Decide(user is null ? null : Users.Find(user),
            row.Capability, row.Resource).Outcome switch
        {
            AccessOutcome.Allowed => "Y",
            AccessOutcome.NeedsUser => "-",
            _ => "N",
        });

        string.Join(' ', answers).ShouldBe(row.Marks, row.ToString());
    }

    [Fact]
    public void Every_capability_has_one_rule_and_a_row_of_the_matrix()
    {
        AccessTable.Rules.Select(r => r.Capability).ShouldBe(Enum.GetValues<Capability>());
        Enum.GetValues<Capability>().ShouldAllBe(c => AccessMatrix.Rows.Any(r => r.Capability == c));
    }

    [Fact]
    public void A_refusal_says_who_is_refused_what_and_who_may()
    {
        var analyst = Users.Find("analista");

        var scorecard = AccessPolicy.Decide(analyst, Capability.ReadScorecard, AccessResource.OfHolder("PO3"));
        var nobody = AccessPolicy.Decide(null, Capability.ReadAudit);

        scorecard.Sentence.ShouldBe("L'utente «analista» non può leggere la scheda individuale di PO3: è un dato "
            + "personale (Garante privacy, provv. n. 204 del 10/04/2025); serve il ruolo OIV o amministratore, oppure "
            + "essere il Segretario Generale (SG) o il titolare della scheda.");
        nobody.Outcome.ShouldBe(AccessOutcome.NeedsUser);
        nobody.Sentence.ShouldStartWith("Per leggere o esportare la traccia di audit serve un utente");
    }

    [Fact]
    public async Task README_says_who_sees_what_as_the_table_does()
    {
        var readme = Path.Combine(SeedFiles.RepositoryRoot(), "README.md");
        var text = await File.ReadAllTextAsync(readme, TestContext.Current.CancellationToken);
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        start.ShouldBeGreaterThan(0, "README has no «Chi vede che cosa» table between its markers");
        var table = Render();
        if (Environment.GetEnvironmentVariable("PERFPLAN_UPDATE_README") == "1")
            await File.WriteAllTextAsync(readme, text[..(start + Begin.Length)] + "\n" + table + text[end..],
                TestContext.Current.CancellationToken);
        else
            text[(start + Begin.Length)..end].Trim().ShouldBe(table.Trim(),
                "README's table differs from the access table: PERFPLAN_UPDATE_README=1 dotnet test --filter README");
    }

    const string Begin = "<!-- chi-vede-che-cosa: generata da AccessTableTests dalla tabella del dominio -->";
    const string End = "<!-- /chi-vede-che-cosa -->";

    /// <summary>The Markdown table: a row per capability, its verbs (their <c>--as</c>), a column per role.</summary>
    static string Render()
    {
        var verbs = Leaves(PerfplanCli.Build(
                new CliContext(AnsiConsole.Console, AnsiConsole.Console, SystemClock.Instance), new WebServer()), "")
            .SelectMany(l => l.Command.Options.OfType<ActingUser>().Select(o => (o.Capability, l.Path)))
            .ToLookup(v => v.Capability, v => $"`{v.Path}`");
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.AppendLine($"| può… | comandi | {string.Join(" | ", roles.Select(Actor.RoleName))} | senza utente |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", roles.Length + 3)));
        foreach (var rule in AccessTable.Rules)
        {
            var cells = roles.Select(role => rule.Public || rule.Roles.Contains(role) ? "sì"
                : (rule.Scope, role) switch
                {
                    (AccessScope.OwnScorecard, Role.Holder) => "la propria (SG: tutte)",
                    (AccessScope.OwnOffices, Role.OfficeStaff) => "per i propri uffici",
                    _ => "—",
                });
            var named = verbs[rule.Capability].ToList();
            // The full Relazione has no verb of its own: `report relazione` gives it to whom the table allows.
            if (rule.Capability == Capability.ReadFullRelazione) named.Add("`report relazione` con `--as`");
            text.AppendLine($"| {rule.Action} | {(named.Count > 0 ? string.Join(", ", named) : "—")} | "
                + $"{string.Join(" | ", cells)} | {(rule.Public ? "sì" : "—")} |");
        }
        return text.ToString();
    }

    static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path) =>
        command.Subcommands.Count == 0 ? [(path, command)]
            : command.Subcommands.SelectMany(c => Leaves(c, path.Length == 0 ? c.Name : $"{path} {c.Name}"));
}
