using System.CommandLine;
using NodaTime;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Cli;
using PerformancePlan.Host.Web;
using Spectre.Console;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// Issue #11: the role × verb and role × endpoint matrix, generated from the one table (<see cref="AccessMatrix"/>).
/// Each cell runs the real CLI (in process) or the real HTTP pipeline, as nobody, as each demonstration user and (CLI)
/// as an unknown user, and reads the outcome: <c>Y</c> allowed, <c>N</c> refused by the policy (exit 3, 403), <c>-</c>
/// a user is needed (exit 2 naming <c>--as</c> and <c>PERFPLAN_USER</c>, 401), <c>?</c> unknown user (exit 3).
/// </summary>
public class AccessMatrixTests(AccessHost host) : IClassFixture<AccessHost>
{
    public static TheoryData<string, int, int> CliDoors() => Doors(d => d.Cli is not null);

    public static TheoryData<string, int, int> HttpDoors() => Doors(d => d.Route is not null);

    static TheoryData<string, int, int> Doors(Func<Door, bool> kind)
    {
        var data = new TheoryData<string, int, int>();
        for (var r = 0; r < AccessMatrix.Rows.Length; r++)
            for (var d = 0; d < AccessMatrix.Rows[r].Doors.Length; d++)
                if (kind(AccessMatrix.Rows[r].Doors[d]))
                    data.Add($"{AccessMatrix.Rows[r]}: {AccessMatrix.Rows[r].Doors[d]}", r, d);
        return data;
    }

    [Theory]
    [MemberData(nameof(CliDoors))]
    public async Task Each_CLI_verb_lets_in_whom_the_table_says_and_refuses_an_unknown_user(string door, int r, int d)
    {
        var (row, verb) = (AccessMatrix.Rows[r], AccessMatrix.Rows[r].Doors[d]);
        var seen = new List<string>();
        foreach (var user in AccessMatrix.Columns.Append("nessuno"))
            seen.Add(Observe(await host.Cli(user, verb.Cli!), verb));

        var expected = row.Marks.Replace("-", verb.Degrades ? "N" : "-") + " ?";
        string.Join(' ', seen).ShouldBe(expected, door);
    }

    /// <summary>The last column is a development token for a user nobody knows, claiming admin: it counts for
    /// nobody (the first column).</summary>
    [Theory]
    [MemberData(nameof(HttpDoors))]
    public async Task Each_endpoint_lets_in_whom_the_table_says_and_an_unknown_user_as_nobody(string door, int r,
        int d)
    {
        var (row, endpoint) = (AccessMatrix.Rows[r], AccessMatrix.Rows[r].Doors[d]);
        var seen = new List<string>();
        foreach (var user in AccessMatrix.Columns.Append("nessuno"))
            seen.Add(await host.Send(user, endpoint) switch
            {
                var s when s == endpoint.Status => "Y",
                403 => "N",
                401 => "-",
                var s => s.ToString(),
            });

        string.Join(' ', seen).ShouldBe(row.Marks + " " + row.Marks[0], door);
    }

    static string Observe(CliRunner.Run run, Door door)
    {
        var said = run.Output + run.Errors;
        if (door.Degrades && run.ExitCode == 0)
            return said.Contains("versione integrale") ? "Y" : said.Contains("versione pubblicabile") ? "N" : "?!";
        return run.ExitCode switch
        {
            var c when c == door.Exit && (door.Says is null || said.Contains(door.Says)) => "Y",
            3 when run.Errors.Contains("non può") => "N",
            3 when run.Errors.Contains("sconosciuto") => "?",
            2 when run.Errors.Contains("--as UTENTE") && run.Errors.Contains("PERFPLAN_USER") => "-",
            var c => $"[exit {c}: {run.Errors.Split('\n')[0]}]",
        };
    }

    [Fact]
    public void Every_CLI_verb_is_in_the_table_with_the_capability_its_as_option_declares()
    {
        var doors = AccessMatrix.Rows.SelectMany(r => r.Doors.Where(d => d.Cli is not null)
            .Select(d => (Verb: Verb(d.Cli!), Row: r, Door: d))).ToList();
        foreach (var (path, command) in Leaves(PerfplanCli.Build(new CliContext(AnsiConsole.Console,
            AnsiConsole.Console, SystemClock.Instance),
            new WebServer()), ""))
        {
            if (AccessMatrix.OperatorVerbs.Contains(path))
            {
                command.Options.OfType<ActingUser>().ShouldBeEmpty(path);
                continue;
            }
            doors.ShouldContain(d => d.Verb == path, $"«perfplan {path}» is in no row of the access table");
            var declared = command.Options.OfType<ActingUser>().SingleOrDefault()
                ?? throw new ShouldAssertException($"«perfplan {path}» has no --as option");
            foreach (var door in doors.Where(d => d.Verb == path && !d.Door.Degrades))
                declared.Capability.ShouldBe(door.Row.Capability, path);
        }
    }

    [Fact]
    public void Every_endpoint_and_page_is_in_the_table()
    {
        var doors = AccessMatrix.Rows.SelectMany(r => r.Doors).Where(d => d.Route is not null)
            .Select(d => (d.Method, d.Route)).ToHashSet();
        foreach (var (method, route) in host.Endpoints())
        {
            if (AccessMatrix.OpenRoutes.Any(route.StartsWith)) continue;
            doors.ShouldContain((method, route), $"{method} {route} is in no row of the access table");
        }
    }

    [Fact]
    public async Task The_session_user_PERFPLAN_USER_stands_for_as_and_an_unknown_one_is_refused()
    {
        string[] audit = ["audit", "--plan", AccessMatrix.Plan, "--db", host.Db];

        var asOiv = await CliRunner.RunWithAsync(new Dictionary<string, string> { ["PERFPLAN_USER"] = "oiv" }, audit);
        var asNobody = await CliRunner.RunWithAsync(
            new Dictionary<string, string> { ["PERFPLAN_USER"] = "nessuno" }, audit);
        var asAdminOverSession = await CliRunner.RunWithAsync(
            new Dictionary<string, string> { ["PERFPLAN_USER"] = "po3" }, [.. audit, "--as", "admin"]);
        var none = await CliRunner.RunAsync(audit);

        asOiv.ExitCode.ShouldBe(0, asOiv.Errors);
        (asNobody.ExitCode, asNobody.Errors.Contains("Utente «nessuno» sconosciuto")).ShouldBe((3, true));
        asAdminOverSession.ExitCode.ShouldBe(0, asAdminOverSession.Errors);
        none.ExitCode.ShouldBe(2);
        none.Errors.ShouldContain("«perfplan audit» richiede l'utente che lo esegue: aggiungere --as UTENTE");
        none.Errors.ShouldContain("export PERFPLAN_USER=oiv");
    }

    /// <summary>The verb's words: <c>plan import</c> for <c>["plan", "import", FILE, "--as", …]</c>.</summary>
    static string Verb(string[] args) => string.Join(' ', args.TakeWhile(a => !a.StartsWith('-') && !a.StartsWith('{')
        && !a.Contains('/')).Where(a => a is not AccessMatrix.Plan));

    static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path) =>
        command.Subcommands.Count == 0 ? [(path, command)]
            : command.Subcommands.SelectMany(c => Leaves(c, path.Length == 0 ? c.Name : $"{path} {c.Name}"));
}
