namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>
/// The time-travel controls of a page: the page's address, the business date (<c>al</c>, aaaa-mm-gg) and the instant
/// of knowledge (<c>noto</c>, aaaa-mm-ggThh:mm) exactly as the user typed them.
/// </summary>
public sealed record TimeTravel(string Action, string? AsOf, string? KnownAt)
{
    /// <summary>The query keeping the same point in time on another page: empty, or <c>?al=…&amp;noto=…</c>.</summary>
    public string Query
    {
        get
        {
            string?[] fields = [AsOf is null ? null : $"al={AsOf}", KnownAt is null ? null : $"noto={KnownAt}"];
            var set = fields.OfType<string>().ToList();
            return set.Count == 0 ? "" : "?" + string.Join('&', set);
        }
    }
}
