using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace PerformancePlan.Host.Components;

/// <summary>Renders a page component to an HTML string, outside any web request: the files the CLI writes.</summary>
public static class HtmlFile
{
    /// <summary>
    /// The HTML of <typeparamref name="TPage"/> given its <c>Model</c>. Text is encoded as on the web, but accented
    /// letters stay readable in the file.
    /// </summary>
    public static async Task<string> RenderAsync<TPage>(object model) where TPage : IComponent
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(parameters)).ToHtmlString());
    }
}
