using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Cli;

/// <summary>
/// Issue #11, in part: the user who imports a plan is an actor of the users' directory like every other command's —
/// an unknown user is refused and only an admin loads a plan; nothing is written either way.
/// </summary>
public class ImportActorCliTests(PostgresCluster cluster) : CliDatabase(cluster, "imp_")
{
    [Theory]
    [InlineData("nessuno", "Utente «nessuno» sconosciuto")]
    [InlineData("analista", "non può importare un piano")]
    public async Task A_plan_import_by_an_unknown_user_or_a_non_admin_is_refused_and_writes_nothing(string user,
        string message)
    {
        var run = await Run("plan", "import", SeedFiles.PlanCsv, "--as", user);

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain(message);
        (await Run("plan", "show", "--plan", "cciaa-ms-2019")).ExitCode.ShouldNotBe(0);
        (await Run("plan", "import", SeedFiles.PlanCsv, "--as", "admin")).ExitCode.ShouldBe(0);
    }
}
