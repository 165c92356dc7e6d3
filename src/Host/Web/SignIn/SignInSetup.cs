using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.JsonWebTokens;
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
        var bearer = oidc.Embedded
            ? OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : ProviderBearer;
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultChallengeScheme = Selector;
        });
        auth.AddPolicyScheme(Selector, "perfplan", o => o.ForwardDefaultSelector = c => Select(c, bearer, loopback));
        // perfplan token's development tokens (HMAC, a key anyone may know): accepted on loopback only.
        if (loopback)
            auth.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = jwt.ValidationParameters;
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
    /// loopback; else the provider's); <c>/api</c> without a token the bearer scheme (401); pages the session.
    /// </summary>
    static string Select(HttpContext c, string bearer, bool loopback)
    {
        var header = c.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return loopback && IsHmac(header[7..].Trim()) ? JwtBearerDefaults.AuthenticationScheme : bearer;
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

    /// <summary>A session of the embedded provider ends at its next request once its account is disabled.</summary>
    static async Task StillEnabledAsync(CookieValidatePrincipalContext c, IDocumentStore store)
    {
        var name = c.Principal?.FindFirst("sub")?.Value;
        var clock = c.HttpContext.RequestServices.GetRequiredService<IClock>();
        var account = name is null ? null
            : await new AccountService(store, clock).FindAsync(name, c.HttpContext.RequestAborted);
        if (account is { Disabled: false }) return;
        c.RejectPrincipal();
        await c.HttpContext.SignOutAsync(Session);
    }
}

/// <summary>What the sign-in pages need to know: the settings, and whether the host listens on loopback only (demo
/// accounts and development tokens are accepted there only).</summary>
public sealed record SignInContext(OidcSettings Settings, bool Loopback);
