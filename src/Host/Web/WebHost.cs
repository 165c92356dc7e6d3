using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Console;
using Scalar.AspNetCore;
using PerformancePlan.Host.Auth;
using PerformancePlan.Host.Web.Api;
using PerformancePlan.Host.Web.Dashboard;
using PerformancePlan.Host.Web.SignIn;

namespace PerformancePlan.Host.Web;

/// <summary>
/// The HTTP side of the host: the sign-in (cookie sessions through OpenID Connect, bearer tokens; Web/SignIn), role
/// policies, problem details, OpenAPI, thin endpoints.
/// </summary>
public static class WebHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(IDocumentStore store, string url, IClock? clock = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddEnvironmentVariables("PERFPLAN_");
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        Quiet(builder);
        var listen = ServiceStartException.ListenUri(url);
        var loopback = listen.IsLoopback;
        var jwt = JwtSettings.From(builder.Configuration);
        var oidc = OidcSettings.From(builder.Configuration);
        try
        {
            if (loopback) jwt.EnsureSafeFor(listen.ToString());
            else if (oidc.Embedded && oidc.Issuer is null)
                throw new InvalidOperationException($"In ascolto su {listen.Host} il fornitore di identità incorporato "
                    + "deve conoscere il proprio indirizzo pubblico https: impostare PERFPLAN_Oidc__Issuer (es. "
                    + "https://performance.ente.it), oppure PERFPLAN_Oidc__Authority per il fornitore dell'ente.");
        }
        catch (InvalidOperationException e) { throw new ServiceStartException(e.Message, e); }
        var publicReads = builder.Configuration.GetValue("Api:PublicReads", true);
        SharedKeys(builder);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(jwt);
        builder.Services.AddSingleton(clock ?? SystemClock.Instance);
        builder.Services.AddSingleton(CheckpointSchedule.From(builder.Configuration["Ledger:CheckpointEvery"],
            builder.Configuration["Ledger:CheckpointPoll"], builder.Configuration["Ledger:CheckpointDir"]));
        builder.Services.AddHostedService<CheckpointScheduler>();   // signed checkpoints on a schedule (ADR 0027)
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(RequestSessions.Open);   // one administration's session per request (ADR 0028)
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ItalianProblems.Customize);
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi(o => o.DescribeApi());
        builder.Services.AddRazorComponents();   // the dashboard's pages are components (Web/Dashboard)
        builder.AddSignIn(store, jwt, oidc, loopback);
        builder.Services.AddAuthorizationBuilder().AddPolicies(publicReads);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var c in AppJson.Options.Converters) o.SerializerOptions.Converters.Add(c);
            o.SerializerOptions.Encoder = AppJson.Options.Encoder;
        });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSignInTransport(loopback);
        if (oidc.Embedded) app.UseEmbeddedProvider();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthEndpoints();
        app.MapApi();
        app.MapDashboard();
        app.MapSession();
        app.MapResultForm();
        if (oidc.Embedded) app.MapEmbeddedProvider();
        return app;
    }

    /// <summary>
    /// Several instances behind a load balancer (docs/deployment.md) must read each other's cookies (the session,
    /// antiforgery tokens): with <c>DataProtection:KeyDirectory</c> (<c>PERFPLAN_DataProtection__KeyDirectory</c>),
    /// a folder every instance shares, ASP.NET's key ring is kept there under one application name. Without it each
    /// instance keeps its own keys (ASP.NET's default, the user's profile), which is right for one instance.
    /// </summary>
    static void SharedKeys(WebApplicationBuilder builder)
    {
        if (builder.Configuration["DataProtection:KeyDirectory"] is not { Length: > 0 } folder) return;
        builder.Services.AddDataProtection().SetApplicationName("perfplan")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
    }

    /// <summary>
    /// Structured (JSON) logs of warnings and errors, on standard error: standard output keeps the demo's tables and
    /// the verbs' JSON whole. Nothing is logged when all is well: ASP.NET's key ring (it only protects the dashboard's
    /// antiforgery tokens) warns at first start that its keys are stored unencrypted, which is expected here, so that
    /// category logs errors only; a failure to start is reported by the exception the CLI turns into one Italian line,
    /// not logged again.
    /// </summary>
    static void Quiet(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
    }
}
