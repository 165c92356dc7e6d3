using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Host.Web.Api;

/// <summary>The ledger check: intact or not, events checked, head hash, the first broken link if any.</summary>
public sealed record LedgerVerification(bool Verified, long Events, string Head, LedgerProblem? FirstBad);

/// <summary><c>/api/ledger/verify</c>: the hash chain of the event log, for one plan or all.</summary>
public static class LedgerEndpoints
{
    /// <summary>Maps the ledger group (tag «OIV e registro»), for the OIV and administrators.</summary>
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/ledger", "OIV e registro", ledger => ledger.MapGet("/verify", Verify)
            .Document(Capability.VerifyLedger, "VerifyLedger", "Verifica del registro", "Ricalcola la catena di hash "
                + "degli eventi, di un piano (`plan`) o di tutti: integra o il primo anello rotto.", 400));

    static async Task<Ok<LedgerVerification>> Verify(PlanId? plan, IDocumentStore store, [FromServices] IClock clock,
        CancellationToken ct)
    {
        var report = await new LedgerService(store, clock).VerifyAsync(plan, null, ct);
        return TypedResults.Ok(new LedgerVerification(report.Verified, report.Events, report.Head, report.FirstBad));
    }
}
