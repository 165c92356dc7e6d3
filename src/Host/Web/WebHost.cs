using Marten;
using NodaTime.Serialization.SystemTextJson;
using PerformancePlan.Host.Cli;

namespace PerformancePlan.Host.Web;

/// <summary>The HTTP side of the host: thin endpoints over the same store the CLI uses.</summary>
public static class WebHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(IDocumentStore store, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(store);
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDocumentStore>().QuerySession());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var c in CliContext.Json.Converters) o.SerializerOptions.Converters.Add(c);
            o.SerializerOptions.Encoder = CliContext.Json.Encoder;
        });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapPlanEndpoints();
        return app;
    }
}
