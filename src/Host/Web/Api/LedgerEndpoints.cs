using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Host.Auth;
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
                + "degli eventi, di un piano (`plan`), di un ente (`entity`: la sola catena dell'ente) o di tutti "
                + "(a chi "
                + "opera per ogni ente dell'archivio): integra o il primo anello rotto. 404 per un piano o un ente "
                + "sconosciuto o di un'altra amministrazione.", 400, 404));

    static async Task<Ok<LedgerVerification>> Verify(PlanId? plan, EntityId? entity, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct)
    {
        var report = await new EntityLedger(store, clock).VerifyAsync(JwtSettings.ActorOf(user), plan, entity,
            new LedgerEvidence(), ct);
        return TypedResults.Ok(new LedgerVerification(report.Verified, report.Events, report.Head, report.FirstBad));
    }
}
