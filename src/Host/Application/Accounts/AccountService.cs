using Microsoft.AspNetCore.Identity;
using PerformancePlan.Domain.Accounts;

namespace PerformancePlan.Host.Application.Accounts;

/// <summary>
/// The local accounts of the embedded sign-in (ADR 0026), stored as <see cref="UserAccount"/> documents: add, change
/// the password, disable or enable, list, and check a sign-in with its lockout. Passwords are hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted); the password itself is never stored or logged.
/// </summary>
public sealed class AccountService(IDocumentStore store, IClock clock)
{
    /// <summary>The password of the accounts <c>perfplan demo</c> creates: published, so valid on loopback only.
    /// </summary>
    public const string DemoPassword = "perfplan-demo";

    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    static readonly PasswordHasher<UserAccount> Hasher = new();
    static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>Adds an account; a name already taken, or a bad name or password, is refused.</summary>
    /// <exception cref="InvalidAccountException">The name is taken or invalid, the password too short.</exception>
    public async Task<UserAccount> AddAsync(AccountInput input, string password, CancellationToken ct)
    {
        CheckPassword(password);
        var account = input.ToAccount(Hasher.HashPassword(null!, password), clock.GetCurrentInstant());
        return await AddAsync(account, ct) ? account
            : throw new InvalidAccountException($"L'utente «{account.Id}» esiste già: nessuna modifica. Per cambiarne "
                + "la password: perfplan user passwd " + account.Id + ".");
    }

    /// <summary>Creates the demo accounts that are missing — one per user of <paramref name="users"/>, with
    /// <see cref="DemoPassword"/> — and returns how many it created.</summary>
    public async Task<int> EnsureDemoAccountsAsync(UserDirectory users, CancellationToken ct)
    {
        await using var session = TenantSessions.InstallationQuery(store);
        var existing = (await session.Query<UserAccount>().Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var missing = users.FileUsers.Where(u => !existing.Contains(u.Actor.User.ToLowerInvariant())).ToList();
        if (missing.Count == 0) return 0;
        var hash = Hasher.HashPassword(null!, DemoPassword);   // one hash for all: the password is public anyway
        var now = clock.GetCurrentInstant();
        var created = 0;
        foreach (var (actor, name) in missing)
        {
            var input = new AccountInput(actor.User, name, actor.Roles, actor.Offices, actor.Holder, actor.Scope);
            if (await AddAsync(input.ToAccount(hash, now) with { Demo = true }, ct)) created++;
        }
        return created;
    }

    /// <summary>Sets a new password (and lifts a lockout, and ends the account's open sessions).</summary>
    /// <exception cref="InvalidAccountException">No such account, or the password is too short.</exception>
    public async Task SetPasswordAsync(string name, string password, CancellationToken ct)
    {
        CheckPassword(password);
        await UpdateAsync(name, a => a with
        {
            PasswordHash = Hasher.HashPassword(a, password), FailedSignIns = 0, LockedUntil = null, Demo = false,
            Sessions = a.Sessions + 1,
        }, ct);
    }

    /// <summary>Ends every open session of the account (sign-out): a session cookie kept from before, even a copy,
    /// is refused at its next request.</summary>
    /// <exception cref="InvalidAccountException">No such account.</exception>
    public Task EndSessionsAsync(string name, CancellationToken ct) =>
        UpdateAsync(name, a => a with { Sessions = a.Sessions + 1 }, ct);

    /// <summary>Disables (or enables again) an account.</summary>
    /// <exception cref="InvalidAccountException">No such account.</exception>
    public Task SetDisabledAsync(string name, bool disabled, CancellationToken ct) =>
        UpdateAsync(name, a => a with { Disabled = disabled }, ct);

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct)
    {
        await using var session = TenantSessions.InstallationQuery(store);
        return (await session.Query<UserAccount>().ToListAsync(ct)).OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The account of <paramref name="name"/>, or null.</summary>
    public async Task<UserAccount?> FindAsync(string name, CancellationToken ct)
    {
        await using var session = TenantSessions.InstallationQuery(store);
        return await session.LoadAsync<UserAccount>(Key(name), ct);
    }

    /// <summary>Whether any account was created by the demo (the sign-in page then lists them).</summary>
    public async Task<IReadOnlyList<UserAccount>> DemoAccountsAsync(CancellationToken ct)
    {
        await using var session = TenantSessions.InstallationQuery(store);
        return (await session.Query<UserAccount>().Where(a => a.Demo && !a.Disabled).ToListAsync(ct))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks a sign-in: the account when the password is right and the account enabled, unlocked, and (for a demo
    /// account) <paramref name="demoAllowed"/>; null otherwise, with no hint of which. A wrong password counts toward
    /// the lockout; an unknown name costs the same hashing time as a known one. The password is checked outside any
    /// lock (hashing is slow); the failure, or the success, is then written under the account's lock on the account
    /// read again, so that parallel attempts each count and none signs in once another has locked the account.
    /// </summary>
    public async Task<UserAccount?> SignInAsync(string name, string password, bool demoAllowed, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var account = name.Length is > 0 and <= AccountInput.MaxNameLength ? await FindAsync(name, ct) : null;
        if (account is null || account.IsLockedAt(now))
        {
            Hasher.VerifyHashedPassword(null!, Decoy.Value, password);
            return null;
        }
        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        await using var session = await LockedAsync(account.Id, ct);
        var current = await session.LoadAsync<UserAccount>(account.Id, ct);
        if (current is null || current.IsLockedAt(now)) return null;
        if (current.PasswordHash != account.PasswordHash)   // changed meanwhile: the check is done again on the new
            verdict = Hasher.VerifyHashedPassword(current, current.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            session.Store(current.FailedAt(now));
            await session.SaveChangesAsync(ct);
            return null;
        }
        if (current.Disabled || (current.Demo && !demoAllowed)) return null;
        var signedIn = current.Succeeded() with
        {
            PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded
                ? Hasher.HashPassword(current, password) : current.PasswordHash,
        };
        if (signedIn != current)
        {
            session.Store(signedIn);
            await session.SaveChangesAsync(ct);
        }
        return signedIn;
    }

    /// <summary>
    /// A session inside a transaction that holds the account's advisory lock until it commits or ends: changes of one
    /// account (a failure counted, a password set) happen one after the other, each on the account as the one before
    /// left it.
    /// </summary>
    async Task<IDocumentSession> LockedAsync(string key, CancellationToken ct)
    {
        var session = TenantSessions.Installation(store);
        try
        {
            await session.BeginTransactionAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))",
                session.Connection);
            command.Parameters.AddWithValue("perfplan-account:" + key);
            await command.ExecuteNonQueryAsync(ct);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    static string Key(string name) => name.Trim().ToLowerInvariant();

    static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
            throw new InvalidAccountException($"Password troppo corta: almeno {MinPasswordLength} caratteri.");
        if (password.Length > 256)
            throw new InvalidAccountException("Password troppo lunga: al massimo 256 caratteri.");
    }

    async Task<bool> AddAsync(UserAccount account, CancellationToken ct)
    {
        await using var session = TenantSessions.Installation(store);
        session.Insert(account);
        try { await session.SaveChangesAsync(ct); }
        catch (JasperFx.DocumentAlreadyExistsException) { return false; }
        return true;
    }

    async Task UpdateAsync(string name, Func<UserAccount, UserAccount> change, CancellationToken ct)
    {
        await using var session = await LockedAsync(Key(name), ct);
        var account = await session.LoadAsync<UserAccount>(Key(name), ct)
            ?? throw new InvalidAccountException($"Nessun account «{name}»: vedere perfplan user list.");
        session.Store(change(account));
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Account input that cannot be used (name taken or invalid, unknown role, short password): exit 2.
/// </summary>
public sealed class InvalidAccountException(string message) : Exception(message);
