using PerformancePlan.Projections;
using JasperFx;
using JasperFx.Events;
using Marten.Linq.MatchesSql;
using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Host.Application;

/// <summary>What an import did: entries recorded, errors (then nothing was written), entries already present.</summary>
public sealed record ResultImportOutcome(int Recorded, IReadOnlyList<ImportIssue> Errors, int AlreadyPresent = 0)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>One result as typed on the command line or sent to the API, before it is read against the plan.</summary>
public sealed record ResultRequest(PlanId Plan, string Indicator, string Value, string On, string? Period = null,
    string? Note = null, string? Reference = null);

/// <summary>An entry recorded and the version of its indicator's results after it.</summary>
public sealed record RecordedVersion(ResultRecorded Entry, long Version);

/// <summary>
/// Records results: one entry from the command line, or a whole file all or nothing (one transaction across the
/// indicators' streams). Each indicator has its own stream, so offices recording different indicators never wait
/// on each other; a stale write on the same indicator is a conflict, never a lost event.
/// </summary>
public sealed class ResultService(IDocumentStore store, IClock clock)
{
    static readonly DateTimeZone Rome = ItalianFormat.Rome;

    LocalDate Today => clock.GetCurrentInstant().InZone(Rome).Date;

    /// <summary>Records one entry typed on the command line or sent to the API.</summary>
    /// <param name="expectedVersion">
    /// The version of the indicator's stream the user saw; a newer one is a conflict.
    /// </param>
    /// <exception cref="InvalidInputException">A field cannot be read (named by its command-line option).</exception>
    /// <exception cref="DomainException">A rule refuses the entry.</exception>
    /// <exception cref="StaleVersionException">The stream is no longer at <paramref name="expectedVersion"/>.
    /// </exception>
    public async Task<ResultRecorded> RecordAsync(PlanId planId, string indicator, string value, string on,
        string? period, string? note, Actor by, long? expectedVersion, CancellationToken ct,
        string? reference = null) => (await RecordVersionedAsync(
            new(planId, indicator, value, on, period, note, reference), by, expectedVersion, ct)).Entry;

    /// <summary>
    /// Records one entry and returns it with the version of the indicator's results it made: the version to give
    /// the next write (<c>--expected-version</c>, <c>If-Match</c>) of whoever chains them.
    /// </summary>
    /// <inheritdoc cref="RecordAsync" path="/exception"/>
    public async Task<RecordedVersion> RecordVersionedAsync(ResultRequest request, Actor by, long? expectedVersion,
        CancellationToken ct)
    {
        // One round trip for the plan and the indicator's stream: the indicator code is as typed, normalised below.
        var code = Codes.TryParseIndicator(request.Indicator, out var parsed, out _) ? parsed.Value
            : request.Indicator;
        var streamId = IndicatorResults.StreamId(request.Plan.Value, code);
        try
        {
            await using var session = Open(by, request.Plan, "results record");
            var batch = session.CreateBatchQuery();
            var planLoad = batch.Load<Plan>(request.Plan.Value);
            var streamLoad = expectedVersion is { } v
                ? batch.Events.FetchForWriting<IndicatorResults>(streamId, v)
                : batch.Events.FetchForWriting<IndicatorResults>(streamId);
            await batch.Execute(ct);
            var plan = await planLoad ?? throw new PlanNotFoundException(request.Plan.Value);
            var (draft, issues) = ResultInput.Read(plan, request.Indicator, request.Value, request.On,
                request.Period ?? "", request.Note ?? "", Today, request.Reference ?? "");
            if (draft is null) throw CommandLine(issues);
            var recorded = ResultDecider.Decide(
                new RecordResult(plan.Id, draft, Guid.NewGuid(), by, clock.GetCurrentInstant()), plan);
            var stream = await streamLoad;
            stream.AppendOne(recorded);
            await session.SaveChangesAsync(ct);
            return new RecordedVersion(recorded, stream.CurrentVersion ?? 1);
        }
        catch (Exception e) when (expectedVersion is { } expected
            && e is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            // A first write colliding on a new stream is the same stale read as a newer version.
            throw new StaleVersionException(request.Plan, code, expected,
                await VersionOfAsync(request.Plan, by, streamId, ct), e);
        }
    }

    /// <summary>The version of an indicator's results stream (0 when nothing was recorded), read fresh.</summary>
    async Task<long> VersionOfAsync(PlanId plan, Actor by, string streamId, CancellationToken ct)
    {
        await using var session = TenantSessions.Query(store, by, plan);
        return (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
    }

    /// <summary>
    /// Reverts an entry (admin, with a reason): it stays in the log, marked reverted; scores recompute at once.
    /// </summary>
    public async Task<ResultReverted> RevertAsync(Guid entryId, string reason, Actor by, CancellationToken ct)
    {
        await using var session = Open(by, await PlanOfEntryAsync(entryId, by, ct), "results revert");
        var (stream, plan) = await StreamOfEntryAsync(session, entryId, ct);
        var reverted = ResultDecider.Decide(
            new RevertResult(entryId, reason, by, clock.GetCurrentInstant()), stream.Aggregate, plan);
        stream.AppendOne(reverted);
        await session.SaveChangesAsync(ct);
        return reverted;
    }

    /// <summary>
    /// A correction, decided by the domain: the reversal of an entry and a new entry for the same date and period
    /// that cites it.
    /// </summary>
    /// <exception cref="InvalidInputException">The new value cannot be read (named as <c>--value</c>).</exception>
    public async Task<ResultRecorded> CorrectAsync(
        Guid entryId, string value, string reason, Actor by, CancellationToken ct)
    {
        await using var session = Open(by, await PlanOfEntryAsync(entryId, by, ct), "results correct");
        var (stream, plan) = await StreamOfEntryAsync(session, entryId, ct);
        IReadOnlyList<IResultEvent> events;
        try
        {
            var correct = new CorrectResult(entryId, value, reason, Guid.NewGuid(), by, clock.GetCurrentInstant());
            events = ResultDecider.Decide(correct, stream.Aggregate, plan);
        }
        catch (InvalidResultException e) { throw CommandLine(e.Issues); }
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return events.OfType<ResultRecorded>().Single();
    }

    /// <summary>The plan of an entry, among the administrations <paramref name="by"/> acts for: another's entry is
    /// one that does not exist.</summary>
    async Task<PlanId> PlanOfEntryAsync(Guid entryId, Actor by, CancellationToken ct)
    {
        // The events that name the entry, found through their index (ADR 0029), in each database of the store
        // (ADR 0031).
        object? named = null;
        foreach (var database in await Tenancy.DatabasesAsync(store))
        {
            await using var across = TenantSessions.AcrossIn(store, database);
            named ??= (await across.Events.QueryAllRawEvents().Where(TenantSessions.InScope<IEvent>(store, by))
                .Where(e => e.MatchesSql(EntryNamed, entryId.ToString())).FirstOrDefaultAsync(ct))?.Data;
        }
        return PlanId.Parse(PlanOf(named)
            ?? throw new DomainException($"Nessun risultato con identificativo {entryId}."));
    }

    /// <summary>The events naming an entry (<c>pp_events_entry</c>, ADR 0029): recorded, reverted.</summary>
    const string EntryNamed = "d.data ->> 'entryId' = ?";

    static string? PlanOf(object? entryEvent) =>
        entryEvent switch { ResultRecorded r => r.PlanId, ResultReverted r => r.PlanId, _ => null };

    async Task<(IEventStream<IndicatorResults> Stream, Plan? Plan)> StreamOfEntryAsync(
        IDocumentSession session, Guid entryId, CancellationToken ct)
    {
        // The events that name the entry, found through their index (ADR 0029); the stream is its indicator's.
        var named = await session.Events.QueryAllRawEvents()
            .Where(e => e.MatchesSql(EntryNamed, entryId.ToString())).FirstOrDefaultAsync(ct);
        var planId = PlanOf(named?.Data)
            ?? throw new DomainException($"Nessun risultato con identificativo {entryId}.");
        var stream = await session.Events.FetchForWriting<IndicatorResults>(named!.StreamKey!, ct);
        return (stream, await session.LoadAsync<Plan>(planId, ct));
    }

    /// <summary>
    /// Records a results file all or nothing; entries already recorded are skipped (<see cref="ImportedResults"/>).
    /// </summary>
    public async Task<ResultImportOutcome> ImportAsync(string path, PlanId planId, Actor by, CancellationToken ct)
    {
        RawSheet sheet;
        try { sheet = SheetReader.Read(path); }
        catch (FormatException e)
        {
            return new(0, [new ImportIssue(IssueSeverity.Error, Path.GetFileName(path), 0, "", "", e.Message, "")]);
        }

        await using var session = Open(by, planId, "results import");
        var plan = await LoadPlanAsync(session, planId, ct);
        var errors = new List<ImportIssue>();
        var required = new[] { ResultInput.Code, ResultInput.ValueColumn, ResultInput.ReferredTo };
        foreach (var missing in required.Where(c => !sheet.Headers.Contains(c, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, missing, "",
                "colonna mancante nell'intestazione", "l'intestazione è: Codice;Valore;Riferito al;Periodo;Note"));
        if (errors.Count > 0) return new(0, errors);

        var now = clock.GetCurrentInstant();
        var decided = new List<ResultRecorded>();
        foreach (var row in sheet.Rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))))
        {
            var (draft, issues) = ResultInput.Read(plan, row[ResultInput.Code], row[ResultInput.ValueColumn],
                row[ResultInput.ReferredTo], row[ResultInput.PeriodColumn], row[ResultInput.NoteColumn], Today,
                row[ResultInput.ReferenceColumn]);
            errors.AddRange(issues.Select(i => new ImportIssue(
                IssueSeverity.Error, sheet.FileName, row.Number, i.Column, i.Value, i.Message, i.Fix)));
            if (draft is null) continue;
            try { decided.Add(ResultDecider.Decide(new RecordResult(plan.Id, draft, Guid.NewGuid(), by, now), plan)); }
            catch (DomainException e)
            {
                errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, row.Number, ResultInput.Code,
                    row[ResultInput.Code], e.Message.TrimEnd('.'),
                    "correggere la riga o farla registrare da un utente autorizzato"));
            }
        }
        if (errors.Count > 0) return new(0, errors);
        var recorded = await session.Query<IndicatorResults>().Where(r => r.PlanId == plan.Id).ToListAsync(ct);
        var (fresh, skipped) = ImportedResults.Of(decided, recorded);
        if (fresh.Count == 0 && skipped > 0) return new(0, [], skipped);
        if (fresh.Count == 0)
            return new(0, [new ImportIssue(IssueSeverity.Error, sheet.FileName, 0, "", "",
                "il file non contiene risultati", "aggiungere righe sotto l'intestazione")]);

        foreach (var group in fresh.GroupBy(r => r.Indicator))
        {
            var streamId = IndicatorResults.StreamId(plan.Id, group.Key);
            var stream = await session.Events.FetchForWriting<IndicatorResults>(streamId, ct);
            stream.AppendMany(group.Cast<object>().ToArray());
        }
        await session.SaveChangesAsync(ct);
        return new(fresh.Count, [], skipped);
    }

    IDocumentSession Open(Actor by, PlanId plan, string command) =>
        TenantSessions.Write(store, by, plan, command, clock.GetCurrentInstant());

    static async Task<Plan> LoadPlanAsync(IQuerySession session, PlanId planId, CancellationToken ct) =>
        await session.LoadAsync<Plan>(planId.Value, ct) ?? throw new PlanNotFoundException(planId.Value);

    /// <summary>Issues of a command-line entry, each named by the option that carries its field.</summary>
    static InvalidInputException CommandLine(IEnumerable<FieldIssue> issues) => new(issues
        .Select(i => new ImportIssue(
            IssueSeverity.Error, "riga di comando", 0, Option(i.Column), i.Value, i.Message, i.Fix))
        .ToList());

    static string Option(string column) => column switch
    {
        ResultInput.Code => "--indicator",
        ResultInput.ValueColumn => "--value",
        ResultInput.ReferredTo => "--on",
        ResultInput.PeriodColumn => "--period",
        ResultInput.ReferenceColumn => "--reference",
        _ => "--note",
    };
}
