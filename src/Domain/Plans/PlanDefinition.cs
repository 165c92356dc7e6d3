using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PerformancePlan.Domain.Plans;

/// <summary>
/// A whole plan, read and validated from a plan file, ready to become events.
/// <paramref name="Definitions"/> holds <see cref="INodeDefined"/> and <see cref="IndicatorDefined"/> in file order.
/// </summary>
public sealed record PlanDefinition(
    string PlanId, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, decimal? EntityBudget,
    Methodology Methodology, IReadOnlyList<IPlanEvent> Definitions, IReadOnlyList<HolderWeightsAssigned> Weights,
    IReadOnlyList<string> Warnings, int Rows)
{
    /// <summary>
    /// Fingerprint of the content (not of the bytes): the same plan saved as CSV or XLSX, or with
    /// <c>80%</c> written <c>80,00%</c>, has the same hash, so importing it again is recognised as a no-op.
    /// </summary>
    public string ContentHash
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(PlanId).Append('|').Append(Entity).Append('|').Append(EntityName).Append('|')
              .Append(string.Join(",",
                  Horizon)).Append('|').Append(N(EntityBudget)).Append('|').Append(Methodology).Append('\n');
            foreach (var d in Definitions) sb.Append(Canonical(d)).Append('\n');
            foreach (var w in Weights)
                sb.Append(w.Holder).Append(':').AppendJoin(",",
                    w.Weights.Select(x => $"{x.Indicator}={N(x.Weight)}")).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        }
    }

    // Parts that seed-shaped plans never have (a level's own name, a weight) are appended only when present, so the
    // hash of every plan imported before them stays the same.
    static string Canonical(IPlanEvent d) => d switch
    {
        INodeDefined n => string.Join('|', n.GetType().Name, n.Code, n.Parent, n.Description,
            string.Join(",", n.Perspectives), N(n.Budget), string.Join(",", n.Offices), string.Join(",", n.Holders))
            + (n is ObjectiveDefined o ? "|" + o.Level : "") + (n.Weight is { } w ? "|peso=" + N(w) : ""),
        RegistryEntryDefined r => string.Join('|', nameof(RegistryEntryDefined), r.Kind, r.Code, r.Name),
        IndicatorDefined i => string.Join('|', nameof(IndicatorDefined), i.Code, i.Level, i.Parent, i.Description,
            i.Algorithm, i.Measure, i.Comparator,
            string.Join(",", i.Targets.Select(Canonical)),
            string.Join(",", i.Offices), string.Join(",", i.Holders))
            + (i.Unit is null ? "" : "|unit=" + i.Unit)
            + (i.InterimTargets is null ? "" : "|interim=" + string.Join(",", i.InterimTargets.Select(Canonical)))
            + (i.LevelName is { } l ? "|" + l : "") + (i.Weight is { } iw ? "|peso=" + N(iw) : "")
            + (i.Calendar is { } c ? "|calendario=" + c : ""),
        _ => throw new ArgumentException($"Not a definition: {d.GetType().Name}"),
    };

    /// <summary>A target as the hash reads it; the parts added for new kinds of target only when present, so the
    /// hash of a plan that uses none of them is unchanged.</summary>
    static string Canonical(YearTarget t) => $"{t.Year}:{N(t.Amount)}:{string.Join("+", t.Dates)}"
        + (t.High is null ? "" : $":high={N(t.High)}") + (t.BaselineYear is null ? "" : $":baseline={t.BaselineYear}")
        + (t.Benchmark is null ? "" : $":benchmark={t.Benchmark}")
        + (t.Milestone is null ? "" : $":milestone={t.Milestone}")
        + (t.At is null ? "" : $":at={t.At}");

    static string N(decimal? d) => d?.ToString("G29", CultureInfo.InvariantCulture) ?? "";
}
