using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PerformancePlan.Host.Web;
using PerformancePlan.Projections;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Store;

/// <summary>
/// Several host instances behind a load balancer (docs/deployment.md): with one <c>DataProtection:KeyDirectory</c>
/// a cookie protected by one instance is read by the other; each instance's own key ring (the default) is not.
/// </summary>
public sealed class SharedKeysTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_instances_sharing_a_key_folder_read_each_other_s_cookies_and_two_without_do_not()
    {
        var folder = Directory.CreateTempSubdirectory("perfplan-keys-").FullName;
        var alone = Directory.CreateTempSubdirectory("perfplan-keys-").FullName;
        using var store = EventStore.Create(cluster.ConnectionString);
        await using var one = WebHost.Build(store, "http://127.0.0.1:0", null,
            [new("DataProtection:KeyDirectory", folder)]);
        await using var two = WebHost.Build(store, "http://127.0.0.1:0", null,
            [new("DataProtection:KeyDirectory", folder)]);
        await using var other = WebHost.Build(store, "http://127.0.0.1:0", null,
            [new("DataProtection:KeyDirectory", alone)]);
        IDataProtector Cookies(Microsoft.AspNetCore.Builder.WebApplication app) =>
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sessione");

        var cookie = Cookies(one).Protect("utente: analista");

        Cookies(two).Unprotect(cookie).ShouldBe("utente: analista");
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => Cookies(other).Unprotect(cookie));
        Directory.Delete(folder, recursive: true);
        Directory.Delete(alone, recursive: true);
    }
}
