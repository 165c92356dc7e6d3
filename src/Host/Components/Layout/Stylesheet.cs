using Microsoft.AspNetCore.Components;

namespace PerformancePlan.Host.Components.Layout;

/// <summary>
/// The one stylesheet of the pages and documents (<c>site.css</c>, embedded in the assembly). The layout inlines it so
/// a Relazione, an OIV report or a PDF is self-contained: no external request.
/// </summary>
public static class Stylesheet
{
    /// <summary>The stylesheet's text, as markup: our own file, never user text, so it is not encoded.</summary>
    public static MarkupString Css { get; } = new(Load());

    static string Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("PerformancePlan.Host.site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
