using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Host.Application;

/// <summary>
/// Whether the stored documents are exactly what the events give today: the plan, each indicator's results and the
/// scores computed from them, compared as canonical JSON. Asked by the OIV's replay and after a rebuild.
/// </summary>
public static class ProjectionComparison
{
    /// <summary>The differences found for one plan, in Italian; empty when the documents match the events.</summary>
    public static async Task<IReadOnlyList<string>> CompareWithStoredAsync(
        IDocumentStore store, IQuerySession session, PlanId planId, CancellationToken ct)
    {
        var differences = new List<string>();
        var now = (await PlanHistoryQueries.ReplayAsync(session, planId, null, null, ct))!;
        var serializer = store.Options.Serializer();
        string Json(object? o) => o is null ? "null" : LedgerHash.CanonicalJson(serializer.ToJson(o));
        var storedPlan = await session.LoadAsync<Plan>(planId.Value, ct);
        if (Json(storedPlan) != Json(now.Plan))
            differences.Add($"il documento del piano {planId} non coincide con la ricostruzione dagli eventi");
        var stored = (await session.Query<IndicatorResults>().Where(r => r.PlanId == planId.Value).ToListAsync(ct))
            .ToDictionary(r => r.Id);
        foreach (var replayed in now.Results)
            if (!stored.TryGetValue(replayed.Id, out var doc))
                differences.Add($"manca il documento dei risultati di {replayed.Indicator}");
            else if (Json(doc) != Json(replayed))
                differences.Add($"i risultati memorizzati di {replayed.Indicator} non coincidono con gli eventi");
        foreach (var extra in stored.Keys.Except(now.Results.Select(r => r.Id)))
            differences.Add($"documento di risultati {extra} senza eventi");
        if (storedPlan is not null)
        {
            var storedScores = PlanScoring.Score(storedPlan, stored.Values);
            if (Json(storedScores) != Json(now.Scores))
                differences.Add("i punteggi calcolati dalle proiezioni differiscono da quelli ricostruiti");
        }
        return differences;
    }
}
