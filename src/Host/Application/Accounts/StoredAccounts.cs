using PerformancePlan.Domain.Accounts;

namespace PerformancePlan.Host.Application.Accounts;

/// <summary>Looks up a local account by user name, for <see cref="UserDirectory.Find"/>.</summary>
public interface IAccountLookup
{
    /// <summary>The account of <paramref name="user"/> (any case), or null.</summary>
    UserAccount? Find(string user);
}

/// <summary>The accounts stored in the event store's database, read one at a time when a user is looked up.</summary>
public sealed class StoredAccounts(IDocumentStore store) : IAccountLookup
{
    /// <inheritdoc />
    public UserAccount? Find(string user)
    {
        if (user.Length is 0 or > AccountInput.MaxNameLength) return null;
        // Marten 9 reads asynchronously only; the CLI, the one caller, has no synchronization context to block.
        using var session = TenantSessions.InstallationQuery(store);
        return session.LoadAsync<UserAccount>(user.Trim().ToLowerInvariant()).GetAwaiter().GetResult();
    }
}
