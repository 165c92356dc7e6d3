using Npgsql;
using PerformancePlan.Host.Database;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

public class EmbeddedPostgresTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_cluster_already_running_is_reused_and_left_running()
    {
        await using var second = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions(cluster.Root, Durable: false, Database: "perfplan_tests"),
            TestContext.Current.CancellationToken);

        second.StartedHere.ShouldBeFalse();
        second.Port.ShouldBe(cluster.Server.Port);
        await second.StopAsync();
        (await QueryAsync(cluster.ConnectionString, "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task Data_survives_a_restart_and_the_cluster_stops_cleanly()
    {
        var root = Path.Combine(Path.GetTempPath(), "perfplan-restart-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new EmbeddedPostgresOptions(root, Durable: false);
            await using (var first = await EmbeddedPostgres.StartAsync(options, TestContext.Current.CancellationToken))
            {
                first.StartedHere.ShouldBeTrue();
                await QueryAsync(first.ConnectionString, "create table kept(v int); insert into kept values (42)");
            }
            File.Exists(Path.Combine(root, "data", "postmaster.pid")).ShouldBeFalse("stopped on dispose");

            await using var again = await EmbeddedPostgres.StartAsync(options, TestContext.Current.CancellationToken);
            again.StartedHere.ShouldBeTrue();
            (await QueryAsync(again.ConnectionString, "select v from kept")).ShouldBe(42);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Without_PostgreSQL_binaries_the_error_says_how_to_install_them()
    {
        var error = Should.Throw<PostgresUnavailableException>(() => PostgresBinaries.Find(["/nonexistent/bin"]));

        error.Message.ShouldContain("apt-get install postgresql");
        error.Message.ShouldContain("PERFPLAN_DB");
    }

    [Fact]
    public void The_cluster_listens_on_loopback_only_with_a_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        builder.Host.ShouldBe("127.0.0.1");
        builder.Password.ShouldNotBeNullOrEmpty();
        File.ReadAllText(Path.Combine(cluster.Root, "data", "postgresql.conf"))
            .ShouldContain("listen_addresses = '127.0.0.1'");
    }

    static async Task<int> QueryAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync() ?? 0);
    }
}
