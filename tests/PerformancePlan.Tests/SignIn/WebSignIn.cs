using System.Net;
using System.Text.RegularExpressions;

namespace PerformancePlan.Tests.SignIn;

/// <summary>
/// A person's browser without the browser: a cookie jar and redirects followed one by one (their cookies kept), the
/// forms' hidden fields read back from the pages, as <c>/accesso</c> → the provider's sign-in form → the code flow
/// back to the dashboard.
/// </summary>
public sealed partial class WebSignIn(Uri address) : IDisposable
{
    HttpClient? _client;

    /// <summary>This browser's cookies.</summary>
    public CookieContainer Cookies { get; } = new();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every <c>Set-Cookie</c> header seen, in order.</summary>
    public List<string> SetCookies { get; } = [];

    /// <summary>The client, with this browser's cookies.</summary>
    public HttpClient Http => _client ??= new(new HttpClientHandler { CookieContainer = Cookies,
        AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };

    /// <summary>GET <paramref name="path"/>, following redirects; the last answer and its page (HTML entities
    /// decoded, so the page reads as a person sees it).</summary>
    public Task<(HttpResponseMessage Response, string Page)> GetAsync(string path) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>POST a form to <paramref name="path"/>, following redirects.</summary>
    public Task<(HttpResponseMessage Response, string Page)> PostAsync(string path,
        IEnumerable<KeyValuePair<string, string>> fields) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Signs in at <c>/accesso</c> with the provider's form; the last page (the session's, or the refusal).
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Page)> SignInAsync(string user, string password)
    {
        var (_, form) = await GetAsync("/accesso");
        form.ShouldContain("Nome utente");
        return await PostAsync("/accesso/credenziali", [
            new("__RequestVerificationToken", Hidden(form, "__RequestVerificationToken")),
            new("ReturnUrl", Hidden(form, "ReturnUrl")), new("utente", user), new("password", password)]);
    }

    /// <summary>The value of the hidden field <paramref name="name"/> of <paramref name="page"/>.</summary>
    public static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        match.Success.ShouldBeTrue($"no field {name} in the page");
        return match.Groups[1].Value;
    }

    async Task<(HttpResponseMessage Response, string Page)> FollowAsync(HttpRequestMessage request)
    {
        for (var hops = 0; ; hops++)
        {
            var response = await Http.SendAsync(request, Ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies)) SetCookies.AddRange(cookies);
            if ((int)response.StatusCode is < 300 or >= 400 || hops > 12)
                return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
            var next = response.Headers.Location!;
            request = new HttpRequestMessage(HttpMethod.Get, next.IsAbsoluteUri ? next : new Uri(Http.BaseAddress!,
                next));
        }
    }

    public void Dispose() => _client?.Dispose();
}
