using Marten.Exceptions;
using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Host.Application;

public enum ImportStatus { Imported, AlreadyImported, Invalid, Validated }

public sealed record PlanImportOutcome(ImportStatus Status, string? PlanId, int EventsWritten,
    IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Warnings, PlanDefinition? Definition);

/// <summary>
/// Load a plan file: read it, validate it whole, then decide and append every event in one transaction,
/// so a file with any error, or an import killed halfway, writes nothing.
/// </summary>
public sealed class PlanImportService(IDocumentStore store, IClock clock)
{
    /// <summary>
    /// Imports the plan file at <paramref name="path"/>, with the measurement system of the methodology file at
    /// <paramref name="methodologyPath"/> when given (its rows under the plan file's own <c>Metodologia</c> rows).
    /// </summary>
    /// <exception cref="ForbiddenException">The actor may not import a plan (<see cref="Capability.ImportPlan"/>),
    /// not even as a dry run.</exception>
    public async Task<PlanImportOutcome> ImportAsync(string path, EntityId entity, Actor by, bool dryRun,
        CancellationToken ct, string? methodologyPath = null)
    {
        AccessPolicy.Require(by, Capability.ImportPlan);
        if (!by.ActsFor(entity.Value))
            throw new ForbiddenException($"L'utente «{by.User}» non opera per l'ente «{entity}»: non può "
                + $"importarne i piani. Enti dell'utente: {string.Join(", ", by.Scope)}.");
        RawSheet sheet;
        RawSheet? methodology = null;
        var reading = path;
        try
        {
            sheet = SheetReader.Read(path);
            if (methodologyPath is not null) methodology = SheetReader.Read(reading = methodologyPath);
        }
        catch (FormatException e)
        {
            return new(ImportStatus.Invalid, null, 0,
                [new ImportIssue(IssueSeverity.Error, Path.GetFileName(reading), 0, "", "", e.Message, "")], [], null);
        }
        return await ImportAsync(sheet, entity, by, dryRun, ct, methodology);
    }

    /// <summary>
    /// Imports a sheet already read (the demo loads the seed as it was approved, before its amendment).
    /// </summary>
    public async Task<PlanImportOutcome> ImportAsync(RawSheet sheet, EntityId entity, Actor by, bool dryRun,
        CancellationToken ct, RawSheet? methodology = null)
    {
        AccessPolicy.Require(by, Capability.ImportPlan);
        var path = sheet.FileName;
        var result = PlanFileImporter.Read(sheet, entity.Value, methodology);
        if (!result.Ok) return new(ImportStatus.Invalid, null, 0, result.Errors, result.Warnings, null);
        var definition = result.Plan!;
        if (dryRun) return new(ImportStatus.Validated, definition.PlanId, 0, [], result.Warnings, definition);

        // Another import of the same plan may commit between our read and our write: decide again on what it
        // wrote (the same content is then a no-op, different content a refusal). Never two plans, never a lost event.
        for (var attempt = 1; ; attempt++)
        {
            try { return await AppendAsync(definition, path, by, result.Warnings, ct); }
            catch (Exception e) when (attempt == 1
                && e is ExistingStreamIdCollisionException or JasperFx.ConcurrencyException) { }
        }
    }

    async Task<PlanImportOutcome> AppendAsync(PlanDefinition definition, string path, Actor by,
        IReadOnlyList<ImportIssue> warnings, CancellationToken ct)
    {
        await using var session = TenantSessions.Write(store, by, PlanId.Parse(definition.PlanId), "plan import",
            clock.GetCurrentInstant());
        var stream = await session.Events.FetchForWriting<Plan>(definition.PlanId, ct);
        var events = PlanDecider.Decide(new ImportPlan(definition, Path.GetFileName(path), by,
            clock.GetCurrentInstant()), stream.Aggregate);
        if (events.Count == 0) return new(ImportStatus.AlreadyImported, definition.PlanId, 0, [], warnings, definition);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return new(ImportStatus.Imported, definition.PlanId, events.Count, [], warnings, definition);
    }
}
