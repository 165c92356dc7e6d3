using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.SignIn;

/// <summary>
/// <c>perfplan user</c>: local accounts of the embedded sign-in, kept by an administrator; the password comes from
/// standard input. An account is also a user for <c>--as</c>, and a disabled one is refused by every verb.
/// </summary>
public class UserCliTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "users_")
{
    const string Password = "una-password-lunga";

    Task<CliRunner.Run> WithPassword(string password, params string[] args) =>
        CliRunner.RunWithInputAsync(password + "\n", [.. args, "--db", Db]);

    Task<CliRunner.Run> Record(string user, string indicator) => Run("results", "record", "--plan", "cciaa-ms-2019",
        "--indicator", indicator, "--value", "85%", "--on", "30/04/2019", "--as", user);

    [Fact]
    public async Task An_account_added_by_an_admin_records_its_offices_results_and_nothing_else()
    {
        var add = await WithPassword(Password, "user", "add", "mario.rossi", "--role", "office", "--office", "U2.1",
            "--name", "Mario Rossi", "--as", "admin");

        add.ExitCode.ShouldBe(0, add.Errors);
        add.Output.ShouldContain("Account mario.rossi creato (personale d'ufficio; uffici U2.1)");
        (await Record("mario.rossi", "O2.2.1-e")).ExitCode.ShouldBe(0);
        var other = await Record("Mario.Rossi", "O2.1.4-b");   // U1.1's indicator; names are case-insensitive
        other.ExitCode.ShouldBe(3, other.Errors);
    }

    [Fact]
    public async Task User_add_binds_the_account_to_every_entity_named_and_by_default_to_the_admins_own()
    {
        var add = await WithPassword(Password, "user", "add", "oiv.toscana", "--role", "oiv", "--entity", "cciaa-ms",
            "--entity", "cciaa-lu", "--as", "admin");
        await WithPassword(Password, "user", "add", "admin.lu", "--role", "admin", "--entity", "cciaa-lu", "--as",
            "admin");
        var byLucca = await WithPassword(Password, "user", "add", "ufficio.lu", "--role", "office", "--office",
            "U1.1", "--as", "admin.lu");

        add.ExitCode.ShouldBe(0, add.Errors);
        add.Output.ShouldContain("enti cciaa-ms cciaa-lu");
        byLucca.ExitCode.ShouldBe(0, byLucca.Errors);
        var entities = await EntitiesAsync("admin");
        entities["oiv.toscana"].ShouldBe(["cciaa-ms", "cciaa-lu"]);
        entities["ufficio.lu"].ShouldBe(["cciaa-lu"]);
    }

    [Fact]
    public async Task An_admin_of_some_entities_lists_and_manages_only_their_accounts()
    {
        await WithPassword(Password, "user", "add", "admin.lu", "--role", "admin", "--entity", "cciaa-lu", "--as",
            "admin");
        await WithPassword(Password, "user", "add", "oiv.ms", "--role", "oiv", "--entity", "cciaa-ms", "--as",
            "admin");
        await WithPassword(Password, "user", "add", "analista.lu", "--role", "analyst", "--entity", "cciaa-lu",
            "--as", "admin");

        var seen = await EntitiesAsync("admin.lu");
        var disable = await Run("user", "disable", "oiv.ms", "--as", "admin.lu");
        var passwd = await WithPassword("altra-password", "user", "passwd", "oiv.ms", "--as", "admin.lu");
        var add = await WithPassword(Password, "user", "add", "ufficio.ms", "--role", "office", "--entity",
            "cciaa-ms", "--as", "admin.lu");
        var own = await Run("user", "disable", "analista.lu", "--as", "admin.lu");

        seen.Keys.ShouldBe(["admin.lu", "analista.lu"], ignoreOrder: true);
        (disable.ExitCode, passwd.ExitCode, add.ExitCode).ShouldBe((2, 2, 2));
        disable.Errors.ShouldContain("Nessun account «oiv.ms»");
        passwd.Errors.ShouldContain("Nessun account «oiv.ms»");
        add.Errors.ShouldContain("amministra solo gli enti cciaa-lu");
        own.ExitCode.ShouldBe(0, own.Errors);
        var all = System.Text.Json.JsonDocument.Parse((await Ok("user", "list", "--as", "admin", "--format", "json"))
            .Output).RootElement.EnumerateArray().ToDictionary(a => a.GetProperty("user").GetString()!,
            a => a.GetProperty("status").GetString());
        all.ShouldNotContainKey("ufficio.ms");
        all["oiv.ms"].ShouldBe("attivo");
        all["analista.lu"].ShouldBe("disabilitato");
    }

    /// <summary>The accounts <paramref name="admin"/> sees in <c>user list</c>, with their entities.</summary>
    async Task<Dictionary<string, string[]>> EntitiesAsync(string admin)
    {
        var list = await Ok("user", "list", "--as", admin, "--format", "json");
        return System.Text.Json.JsonDocument.Parse(list.Output).RootElement.EnumerateArray().ToDictionary(
            a => a.GetProperty("user").GetString()!,
            a => a.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task Adding_the_same_user_twice_exits_2_and_keeps_the_first()
    {
        (await WithPassword(Password, "user", "add", "anna", "--role", "analyst", "--as", "admin")).ExitCode
            .ShouldBe(0);

        var again = await WithPassword("altra-password", "user", "add", "ANNA", "--role", "admin", "--as", "admin");

        again.ExitCode.ShouldBe(2, again.Errors);
        again.Errors.ShouldContain("L'utente «anna» esiste già");
        (await Ok("user", "list", "--as", "admin")).Output.ShouldContain("analista");
    }

    [Fact]
    public async Task An_unknown_role_exits_2_naming_the_roles()
    {
        var run = await WithPassword(Password, "user", "add", "capo", "--role", "boss", "--as", "admin");

        run.ExitCode.ShouldBe(2, run.Errors);
        run.Errors.ShouldContain("Ruolo «boss» sconosciuto: admin, office, approver, oiv, analyst, holder");
        (await Ok("user", "list", "--as", "admin")).Output.ShouldNotContain("capo");
    }

    [Fact]
    public async Task A_short_or_missing_password_exits_2_and_creates_nothing()
    {
        (await WithPassword("corta", "user", "add", "luca", "--role", "oiv", "--as", "admin")).Errors
            .ShouldContain("Password troppo corta: almeno 8 caratteri");
        (await WithPassword("", "user", "add", "luca", "--role", "oiv", "--as", "admin")).ExitCode.ShouldBe(2);
        (await Ok("user", "list", "--as", "admin")).Output.ShouldNotContain("luca");
    }

    [Fact]
    public async Task A_disabled_account_is_refused_by_as_even_when_the_users_file_lists_the_name()
    {
        (await WithPassword(Password, "user", "add", "u2.1", "--role", "office", "--office", "U2.1", "--as", "admin"))
            .ExitCode.ShouldBe(0);
        (await Ok("user", "disable", "u2.1", "--as", "admin")).Output.ShouldContain("Account u2.1 disabilitato");

        var refused = await Record("u2.1", "O2.2.1-e");

        refused.ExitCode.ShouldBe(3, refused.Errors);
        refused.Errors.ShouldContain("L'utente «u2.1» è disabilitato");
        (await Ok("user", "list", "--as", "admin")).Output.ShouldContain("disabilitato");
        await Ok("user", "enable", "u2.1", "--as", "admin");
        (await Record("u2.1", "O2.2.1-e")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Only_an_admin_manages_accounts_but_a_user_changes_their_own_password()
    {
        var refused = await WithPassword(Password, "user", "add", "x.y", "--role", "admin", "--as", "u2.1");
        refused.ExitCode.ShouldBe(3, refused.Errors);
        (await WithPassword(Password, "user", "add", "u5.1", "--role", "office", "--office", "U5.1", "--as", "admin"))
            .ExitCode.ShouldBe(0);

        (await WithPassword("nuova-password", "user", "passwd", "u5.1", "--as", "u5.1")).ExitCode.ShouldBe(0);
        (await WithPassword("nuova-password", "user", "passwd", "u5.1", "--as", "u2.1")).ExitCode.ShouldBe(3);
    }
}
