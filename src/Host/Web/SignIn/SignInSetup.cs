using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.JsonWebTokens;
using PerformancePlan.Domain.Accounts;
using PerformancePlan.Host.Application.Accounts;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.SignIn;

/// <summary>
/// Who is signed in, by door (ADR 0026): the dashboard by a cookie session opened through OpenID Connect
/// (authorization code + PKCE) with the embedded provider or the administration's; the API by bearer tokens of the
/// same provider, and on loopback also by <c>perfplan token</c>'s development tokens. The cookie never authenticates
/// <c>/api</c>, so a forged cross-site request cannot use it.
/// </summary>
public static class SignInSetup
{
    /// <summary>The schemes: the dashboard's session, the OpenID Connect client, the provider's own sign-in
    /// session (embedded), the bearer scheme for the provider's tokens (external) and the selector among them.
    /// </summary>
    public const string Session = CookieAuthenticationDefaults.AuthenticationScheme, Oidc = "oidc",
        ProviderSession = "fornitore", ProviderBearer = "fornitore-bearer", Selector = "perfplan";

    /// <summary>The cookies' names.</summary>
    public const string SessionCookie = "perfplan_sessione", ProviderCookie = "perfplan_fornitore",
        AntiforgeryCookie = "perfplan_af";

    /// <summary>The claim of a session of the embedded provider naming the account's generation of sessions
    /// (<see cref="UserAccount.Sessions"/>): a sign-out starts the next, and older sessions end.</summary>
    public const string SessionsClaim = "sessioni";

    /// <summary>Idle time after which a session ends (sliding: each request renews it).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Registers authentication, the sign-in's settings and antiforgery; the embedded provider when no
    /// external authority is configured.</summary>
    public static void AddSignIn(this WebApplicationBuilder builder, IDocumentStore store, JwtSettings jwt,
        OidcSettings oidc, bool loopback)
    {
        var services = builder.Services;
        var secure = loopback ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddSingleton(oidc);
        services.AddSingleton(new SignInContext(oidc, loopback));
        services.AddSingleton(sp => new BearerUsers(store, sp.GetRequiredService<IClock>(),
            loopback ? BearerUsers.LoadFile(builder.Configuration) : null));
        var bearer = oidc.Embedded
            ? OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : ProviderBearer;
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultChallengeScheme = Selector;
        });
        auth.AddPolicyScheme(Selector, "perfplan", o => o.ForwardDefaultSelector = c => Select(c, bearer,
            loopback));
        // perfplan token's development tokens (HMAC, a key anyone may know): accepted on loopback only, for a user
        // the directory knows (an enabled account, or the users file), with the directory's roles, not the token's.
        if (loopback)
            auth.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = jwt.ValidationParameters;
                o.Events = new JwtBearerEvents { OnTokenValidated = DirectoryUserAsync };
            });
        auth.AddCookie(Session, o =>
        {
            Cookie(o.Cookie, SessionCookie, secure);
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/accesso";
            o.ReturnUrlParameter = "ritorno";
            o.Events.OnValidatePrincipal = c => oidc.Embedded ? StillEnabledAsync(c, store) : Task.CompletedTask;
        });
        auth.AddOpenIdConnect(Oidc, o => Client(o, oidc, secure));
        if (oidc.Embedded) EmbeddedProvider.Add(builder, auth, store, oidc, loopback, secure);
        else
            auth.AddJwtBearer(ProviderBearer, o =>
            {
                o.Authority = oidc.Authority;
                o.Audience = oidc.Audience;
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = c =>
                    {
                        var identity = ClaimMapping.Normalize(c.Principal!, oidc, ProviderBearer);
                        if (ClaimMapping.OfRequiredEntity(identity, oidc)) c.Principal = new ClaimsPrincipal(identity);
                        else c.Fail("ente non ammesso");
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAntiforgery(o =>
        {
            Cookie(o.Cookie, AntiforgeryCookie, secure);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>
    /// Behind a proxy on this machine (nginx, Apache) the original scheme and client come from its
    /// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c> (trusted from loopback only, ASP.NET Core's default). Off
    /// loopback, signing in over plain http is refused with an Italian page: passwords and session cookies travel on
    /// https only.
    /// </summary>
    public static IApplicationBuilder UseSignInTransport(this IApplicationBuilder app, bool loopback)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        if (loopback) return app;
        return app.Use(async (c, next) =>
        {
            var path = c.Request.Path;
            if (!c.Request.IsHttps && (path.StartsWithSegments("/accesso") || path.StartsWithSegments("/esci")
                || path.StartsWithSegments("/connect") || path.StartsWithSegments("/signin-oidc")
                || HttpMethods.IsPost(c.Request.Method) && !path.StartsWithSegments("/api")))
            {
                c.Response.StatusCode = StatusCodes.Status400BadRequest;
                c.Response.ContentType = "text/plain; charset=utf-8";
                await c.Response.WriteAsync("L'accesso richiede https: aprire il cruscotto dal suo indirizzo https "
                    + "(un proxy su questa macchina inoltri X-Forwarded-Proto).");
                return;
            }
            await next(c);
        });
    }

    /// <summary>
    /// The scheme that authenticates a request: a bearer token by its kind (HMAC: <c>perfplan token</c>'s, on
    /// loopback from a caller on this machine; else the provider's, which refuses an HMAC token); <c>/api</c> without
    /// a token the bearer scheme (401); pages the session.
    /// </summary>
    static string Select(HttpContext c, string bearer, bool loopback)
    {
        var header = c.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return loopback && Caller.IsLocal(c) && IsHmac(header[7..].Trim())
                ? JwtBearerDefaults.AuthenticationScheme : bearer;
        return c.Request.Path.StartsWithSegments("/api")
            ? (loopback ? JwtBearerDefaults.AuthenticationScheme : bearer) : Session;
    }

    static bool IsHmac(string token)
    {
        try { return new JsonWebToken(token).Alg.StartsWith("HS", StringComparison.Ordinal); }
        catch (ArgumentException) { return false; }
    }

    static void Cookie(CookieBuilder cookie, string name, CookieSecurePolicy secure)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = secure;
        cookie.IsEssential = true;
    }

    /// <summary>The OpenID Connect client of the dashboard: code flow with PKCE, claims mapped once into the session.
    /// </summary>
    static void Client(OpenIdConnectOptions o, OidcSettings oidc, CookieSecurePolicy secure)
    {
        o.SignInScheme = Session;
        o.Authority = oidc.Authority;   // the embedded provider's is set once the host knows its address
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = "code";
        o.ResponseMode = "query";   // a top-level GET back: the SameSite=Lax correlation cookie travels with it
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
        o.MapInboundClaims = false;
        o.SaveTokens = true;   // the id_token names the session at the provider's sign-out
        o.GetClaimsFromUserInfoEndpoint = !oidc.Embedded;
        o.ClaimActions.MapAll();
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.SignedOutRedirectUri = "/";
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = secure;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = secure;
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "role";
        o.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = c =>
            {
                var identity = ClaimMapping.Normalize(c.Principal!, oidc, Session);
                if (oidc.Embedded && c.Principal!.FindFirst(SessionsClaim) is { } generation)
                    identity.AddClaim(new Claim(SessionsClaim, generation.Value));
                if (!ClaimMapping.OfRequiredEntity(identity, oidc)) c.Fail("ente non ammesso");
                else c.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
            OnRemoteFailure = c => Refused(c),
            OnAccessDenied = c => Refused(c),
        };
    }

    static Task Refused(HandleRequestContext<RemoteAuthenticationOptions> c)
    {
        c.HandleResponse();
        c.Response.Redirect("/accesso?errore=1");
        return Task.CompletedTask;
    }

    /// <summary>A development token authenticates the user it names as the directory has them now; a name the
    /// directory does not know, or a disabled account, authenticates nobody (401).</summary>
    static async Task DirectoryUserAsync(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext c)
    {
        var users = c.HttpContext.RequestServices.GetRequiredService<BearerUsers>();
        if (await users.CurrentAsync(c.Principal!, fileUsers: true, c.HttpContext.RequestAborted) is { } actor)
            c.Principal = BearerUsers.Principal(actor, JwtBearerDefaults.AuthenticationScheme);
        else c.Fail("utente sconosciuto o disabilitato");
    }

    /// <summary>Whether a session of the embedded provider was opened in the account's current generation of
    /// sessions, i.e. after its last sign-out.</summary>
    public static bool OfCurrentSessions(ClaimsPrincipal session, UserAccount account) =>
        session.FindFirst(SessionsClaim)?.Value == account.Sessions.ToString(CultureInfo.InvariantCulture);

    /// <summary>A session of the embedded provider ends at its next request once its account is disabled, or once
    /// the account signed out (anywhere).</summary>
    static async Task StillEnabledAsync(CookieValidatePrincipalContext c, IDocumentStore store)
    {
        var name = c.Principal?.FindFirst("sub")?.Value;
        var clock = c.HttpContext.RequestServices.GetRequiredService<IClock>();
        var account = name is null ? null
            : await new AccountService(store, clock).FindAsync(name, c.HttpContext.RequestAborted);
        if (account is { Disabled: false } && OfCurrentSessions(c.Principal!, account)) return;
        c.RejectPrincipal();
        await c.HttpContext.SignOutAsync(Session);
    }
}

/// <summary>What the sign-in pages need to know: the settings, and whether the host listens on loopback only (demo
/// accounts and development tokens are accepted there only, and from a caller on this machine).</summary>
public sealed record SignInContext(OidcSettings Settings, bool Loopback)
{
    /// <summary>Whether demo accounts and development tokens may be used by this request: the host listens on
    /// loopback and the caller is on this machine (<see cref="Caller.IsLocal"/>).</summary>
    public bool Local(HttpContext http) => Loopback && Caller.IsLocal(http);
}

/// <summary>Where a request comes from, as far as the host can tell.</summary>
public static class Caller
{
    /// <summary>
    /// True when the request comes from this machine: its remote address (after a local proxy's
    /// <c>X-Forwarded-For</c> has been applied) is loopback, and no address left in <c>X-Forwarded-For</c> or
    /// replaced by it (<c>X-Original-For</c>) names another machine. A proxy on this machine passing on a remote
    /// client's request is not a local caller, even when the host listens on 127.0.0.1.
    /// </summary>
    public static bool IsLocal(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IsLoopback(remote)) return false;
        var headers = http.Request.Headers;
        return headers["X-Forwarded-For"].Concat(headers["X-Original-For"])
            .SelectMany(v => (v ?? "").Split(',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .All(a => IPEndPoint.TryParse(a, out var e) && IsLoopback(e.Address));
    }

    static bool IsLoopback(IPAddress a) => IPAddress.IsLoopback(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a);
}
