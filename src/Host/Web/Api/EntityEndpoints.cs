using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerformancePlan.Domain.Entities;
using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Body of <c>POST /api/entities/{id}/mergers</c>: the successor's name, the predecessors' codes, the date the
/// successor takes over (<c>gg/mm/aaaa</c>) and the act.
/// </summary>
public sealed record MergerRequest(string Name, IReadOnlyList<string> From, string On, string Act);

/// <summary>An administration: its code, name, predecessors with their ledger heads, and dissolution if any.</summary>
public sealed record EntityView(string Entity, string? Name, IReadOnlyList<EntityMerged> Mergers,
    EntityDissolved? Dissolution, IReadOnlyList<string> Lineage);

/// <summary><c>/api/entities</c>: administrations and their mergers (issue #10, ADR 0030).</summary>
public static class EntityEndpoints
{
    /// <summary>Maps the entities group (tag «Enti»).</summary>
    public static IEndpointRouteBuilder MapEntityEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource("/api/entities", "Enti", entities =>
        {
            entities.MapGet("/{id}", Show).Document(Capability.ReadPlan, "GetEntity", "Un ente e le sue fusioni",
                "Come `perfplan entity show`: denominazione, fusioni con le teste del registro dei predecessori, "
                + "cessazione e storia che prosegue (l'ente, poi i predecessori).", 400);
            entities.MapPost("/{id}/mergers", Merge).Document(Capability.MergeEntities, "MergeEntities",
                "Registra una fusione", "Come `perfplan entity merge`: l'ente `id` è il successore; `from` i codici "
                + "dei predecessori, `on` la data gg/mm/aaaa, `act` l'atto; il dominio verifica le regole (422).",
                400, 409, 422);
        });

    static async Task<Ok<EntityView>> Show(EntityId id, IQuerySession session, CancellationToken ct)
    {
        var state = await EntityService.StateAsync(session, id.Value, ct);
        return TypedResults.Ok(new EntityView(state.Entity, state.Name, state.Mergers, state.Dissolution,
            await EntityService.LineageAsync(session, id.Value, ct)));
    }

    static async Task<Ok<EntityMerged>> Merge(EntityId id, MergerRequest request, ClaimsPrincipal user,
        IDocumentStore store, [FromServices] IClock clock, CancellationToken ct)
    {
        var from = request.From?.Select(code => EntityId.TryParse(code, out var e, out var error) ? e
            : throw new InvalidInputException([new(IssueSeverity.Error, "richiesta", 0, "from", code, error,
                "scrivere codici di ente come cciaa-lu")])).ToList() ?? [];
        return TypedResults.Ok(await new EntityService(store, clock).MergeAsync(id, request.Name ?? "", from,
            RequestParsing.ItalianDate(request.On, "on"), request.Act ?? "", JwtSettings.ActorOf(user), ct));
    }
}
