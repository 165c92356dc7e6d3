using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation;
using PerformancePlan.Host.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// The embedded OpenID Connect provider (OpenIddict, ADR 0026): authorization code with PKCE only, for the
/// dashboard's client; sign-in with the local accounts at <c>/accesso/credenziali</c>; tokens signed and encrypted
/// with <see cref="ProviderKeys"/>; applications and tokens in the provider's own schema
/// (<see cref="ProviderDbContext"/>). Its access tokens, for audience <c>perfplan-api</c>, are the API's bearer tokens.
/// </summary>
public static class EmbeddedProvider
{
    /// <summary>Registers the provider, its stores, the validation of its tokens and the session of its sign-in page.
    /// </summary>
    public static void Add(WebApplicationBuilder builder, AuthenticationBuilder auth, IDocumentStore store,
        OidcSettings oidc, bool loopback, CookieSecurePolicy secure)
    {
        var services = builder.Services;
        var data = ((Weasel.Postgresql.PostgresqlDatabase)store.Options.Tenancy.Default.Database).DataSource;
        services.AddSingleton(ProviderSchema.Of(store));
        services.AddSingleton<ProviderAddress>();
        services.AddSingleton(sp => new ProviderSetup(sp, data));
        services.AddDbContext<ProviderDbContext>(o => o.UseNpgsql(data).UseOpenIddict()
            .ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>());
        var (signing, encryption) = ProviderKeys.Load(oidc.KeyDirectory);
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.RegisterAudiences(OidcSettings.ApiAudience).IgnoreAudiencePermissions();
                o.AddSigningKey(signing).AddEncryptionKey(encryption);
                o.SetAccessTokenLifetime(SignInSetup.IdleTimeout);
                var host = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (loopback) host.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(OidcSettings.ApiAudience);
                o.AddEventHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>(h => h
                    .UseInlineHandler(StillEnabledAsync)
                    .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
                    .SetType(OpenIddictValidationHandlerType.Custom));
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<ProviderAddress>((o, address) =>
            o.Issuer ??= address.Issuer is { } issuer ? new Uri(issuer + "/") : null);
        services.AddOptions<OpenIdConnectOptions>(SignInSetup.Oidc).Configure<ProviderAddress>((o, address) =>
        {
            o.Authority = address.Issuer ?? throw new InvalidOperationException("indirizzo del fornitore ignoto");
            o.RequireHttpsMetadata = !loopback;
        });
        auth.AddCookie(SignInSetup.ProviderSession, o =>
        {
            o.Cookie.Name = SignInSetup.ProviderCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = SignInSetup.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/accesso/credenziali";
        });
    }

    /// <summary>An access token ends with its account: disabled or removed, the next call is a 401, as a session
    /// ends at its next request.</summary>
    static async ValueTask StillEnabledAsync(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal) return;
        var http = context.Transaction.GetHttpRequest()?.HttpContext
            ?? throw new InvalidOperationException("richiesta HTTP assente");
        if (await http.RequestServices.GetRequiredService<BearerUsers>()
            .CurrentAsync(principal, fileUsers: false, http.RequestAborted) is null)
            context.Reject(Errors.InvalidToken, "account disabilitato o inesistente");   // ASCII: a header
    }

    /// <summary>
    /// Creates the provider's tables and registers its client on the first request to <c>/connect</c>, once the host
    /// knows the addresses it listens on.
    /// </summary>
    public static IApplicationBuilder UseEmbeddedProvider(this IApplicationBuilder app) => app.Use(async (c, next) =>
    {
        if (c.Request.Path.StartsWithSegments("/connect")
            && c.RequestServices.GetService<ProviderSetup>() is { } setup)
            await setup.EnsureAsync(c.RequestAborted);
        await next(c);
    });
}

/// <summary>
/// The embedded provider's issuer: <c>Oidc:Issuer</c>, else the first address the host listens on (known once it
/// listens, so a test's port 0 becomes the real port), with a wildcard host read as 127.0.0.1.
/// </summary>
public sealed class ProviderAddress(IServer server, OidcSettings oidc)
{
    /// <summary>The issuer without a trailing slash, e.g. <c>http://127.0.0.1:5080</c>; null while unknown.</summary>
    public string? Issuer => oidc.Issuer ?? Bases().FirstOrDefault();

    /// <summary>Every base address the dashboard may be reached at: the issuer, each address listened on, and on
    /// loopback both 127.0.0.1 and localhost.</summary>
    public IReadOnlyList<string> Bases()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bases = new List<string>();
        if (oidc.Issuer is { } issuer) bases.Add(issuer);
        foreach (var address in listening)
        {
            var uri = new Uri(address.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1")
                .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"));
            if (uri.Port == 0) continue;
            var root = $"{uri.Scheme}://{uri.Authority}";
            bases.Add(root);
            if (uri.IsLoopback)
            {
                bases.Add($"{uri.Scheme}://127.0.0.1:{uri.Port}");
                bases.Add($"{uri.Scheme}://localhost:{uri.Port}");
            }
        }
        return bases.Distinct().ToList();
    }
}

/// <summary>The tables and the dashboard's client registration, done once per process.</summary>
public sealed class ProviderSetup(IServiceProvider services, Npgsql.NpgsqlDataSource data)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    bool _done;

    /// <summary>Creates the tables if missing and registers (or widens) the dashboard's client.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_done) return;
            await using var scope = services.CreateAsyncScope();
            await ProviderTables.EnsureAsync(scope.ServiceProvider.GetRequiredService<ProviderDbContext>(), data,
                async () =>
                {
                    await RegisterClientAsync(scope.ServiceProvider, ct);
                    await PruneAsync(scope.ServiceProvider, ct);
                }, ct);
            _done = true;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Codes, tokens and authorizations expired or revoked more than two weeks ago leave the tables, once a
    /// start: they would otherwise pile up with every sign-in.</summary>
    static async Task PruneAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var before = DateTimeOffset.UtcNow - TimeSpan.FromDays(14);
        await scoped.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(before, ct);
        await scoped.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(before, ct);
    }

    /// <summary>
    /// The dashboard's public client (PKCE, no secret: it would sit beside the code anyway), with the callback and
    /// sign-out addresses of every base the host answers at; addresses of earlier runs (another port) are kept.
    /// </summary>
    async Task RegisterClientAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var manager = scoped.GetRequiredService<IOpenIddictApplicationManager>();
        var oidc = scoped.GetRequiredService<OidcSettings>();
        var bases = scoped.GetRequiredService<ProviderAddress>().Bases();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = oidc.ClientId, ClientType = ClientTypes.Public, ConsentType = ConsentTypes.Implicit,
            DisplayName = "Cruscotto PerformancePlan",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        var existing = await manager.FindByClientIdAsync(oidc.ClientId, ct);
        if (existing is not null)
        {
            var known = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(known, existing, ct);
            foreach (var uri in known.RedirectUris) descriptor.RedirectUris.Add(uri);
            foreach (var uri in known.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(uri);
        }
        foreach (var root in bases)
        {
            descriptor.RedirectUris.Add(new Uri(root + "/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(root + "/signout-callback-oidc"));
        }
        if (existing is null) await manager.CreateAsync(descriptor, ct);
        else await manager.UpdateAsync(existing, descriptor, ct);
    }
}
