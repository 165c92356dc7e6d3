using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Host.Application;

/// <summary>
/// What <c>perfplan demo</c> loads, each step once: the 2019 plan as the Giunta approved it on 31/01/2019 (the seed
/// without O2.1.4-g), its approval, the amendment of 15/05/2019 (Determinazione SG n. 115) that added O2.1.4-g, the
/// results of Allegato 2, and the 2020 and 2021 plans rolled forward with a few target revisions — those two are
/// demonstration data (<i>dati dimostrativi</i>), and every act and reason says so. <paramref name="say"/> gets what
/// each step did, <paramref name="warn"/> the import's warnings, and <paramref name="step"/>, if given, what it is
/// doing now (for a progress line).
/// </summary>
public sealed class DemoData(
    IDocumentStore store, IClock clock, string dataFolder, Action<string> say, Action<string> warn,
    Action<string>? step = null)
{
    public static readonly PlanId Plan2019 = PlanId.Parse("cciaa-ms-2019");
    const string Demo = " [dati dimostrativi]";
    readonly UserDirectory _users = UserDirectory.Load();

    public async Task<PlanImportOutcome> LoadAsync(CancellationToken ct)
    {
        Step($"Importazione del piano {Plan2019}…");
        var seed = SheetReader.Read(Path.Combine(dataFolder, "cciaa-ms-2019.csv"));
        var asApproved = seed with { Rows = seed.Rows.Where(r => r[PlanColumns.Code] != "O2.1.4-g").ToList() };
        var imported = await new PlanImportService(store, clock)
            .ImportAsync(asApproved, EntityId.Default, _users.Find("admin"), false, ct);
        if (imported.Status == ImportStatus.Invalid) throw new InvalidInputException(imported.Errors);
        if (imported.Status == ImportStatus.Imported)
        {
            foreach (var w in imported.Warnings) warn(w.ToString());
            say($"Piano {Plan2019} importato come approvato il 31/01/2019 (senza O2.1.4-g): " +
                $"{imported.EventsWritten} eventi.");
        }

        var lifecycle = new PlanLifecycleService(store, clock);
        var amendments = new AmendmentService(store, clock);
        var admin = _users.Find("admin");
        if ((await PlanAsync(Plan2019, ct))!.Status == PlanStatus.Draft)
        {
            Step($"Approvazione del piano {Plan2019}…");
            var approved = await lifecycle.ApproveAsync(Plan2019, "Delibera di Giunta n. 7 del 31/01/2019",
                new LocalDate(2019, 1, 31), _users.Find("giunta"), ct);
            say("Approvato: " + approved.Act);
        }
        if ((await PlanAsync(Plan2019, ct))!.CurrentVersion == 1)
        {
            Step("Variazione del 15/05/2019 (Determinazione SG n. 115)…");
            var e = await amendments.AmendFromFileAsync(Plan2019,
                Path.Combine(dataFolder, "cciaa-ms-2019-variazione-115.csv"),
                "Determinazione SG n. 115 del 15/05/2019", new LocalDate(2019, 5, 15),
                "riorganizzazione dell'Ente: aggiornamento del sistema di rilevazione (O2.1.4-g)", admin, ct);
            say($"Variazione: versione {e.Version}, {e.Act}.");
        }
        await using (var session = TenantSessions.Query(store, null, Plan2019))
            if (!await session.Query<IndicatorResults>().Where(r => r.PlanId == Plan2019.Value).AnyAsync(ct))
            {
                Step("Registrazione dei risultati 2019 dell'Allegato 2…");
                var results = await new ResultService(store, clock)
                    .ImportAsync(Path.Combine(dataFolder, "cciaa-ms-2019-risultati.csv"), Plan2019, admin, ct);
                if (!results.Ok) throw new InvalidInputException(results.Errors);
                say($"{results.Recorded} risultati 2019 dell'Allegato 2 registrati (cciaa-ms-2019-risultati.csv).");
            }
        await RollAsync(Plan2019, PlanId.Parse("cciaa-ms-2020"), "Delibera di Giunta n. 5 del 30/01/2020",
            new LocalDate(2020, 1, 30),
            ("S3.2.1-a", 2021, "115", "Determinazione SG n. 80 del 15/06/2020", new LocalDate(2020, 6, 15),
                "obiettivo 2021 ricalibrato sul numero di conciliazioni del 2019"),
            ct);
        await RollAsync(PlanId.Parse("cciaa-ms-2020"), PlanId.Parse("cciaa-ms-2021"),
            "Delibera di Giunta n. 6 del 28/01/2021",
            new LocalDate(2021, 1, 28),
            ("S3.2.1-a", 2021, "105", "Determinazione SG n. 60 del 20/05/2021", new LocalDate(2021, 5, 20),
                "calo delle domande di conciliazione nel 2020"),
            ct);
        return imported;
    }

    /// <summary>The merger's successor in the demonstration: CCIAA Toscana Nord-Ovest.</summary>
    public static readonly EntityId Successor = EntityId.Parse("cciaa-tno");

    /// <summary>
    /// <c>perfplan demo --merger</c> (issue #10), after <see cref="LoadAsync"/>, each step once: Lucca's 2019 plan —
    /// the seed's tree under Lucca's name, <i>dati dimostrativi</i> — approved; the merger of Massa-Carrara, Lucca
    /// and Pisa into Toscana Nord-Ovest from 01/07/2022 (D.M. 16/02/2018, as it happened); Toscana Nord-Ovest's 2022
    /// plan rolled forward from Massa-Carrara's 2021 one, its indicators carrying their lineage over, and approved
    /// (<i>dati dimostrativi</i>). Acts by the demonstration's approvers of Lucca and Toscana Nord-Ovest.
    /// </summary>
    public async Task LoadMergerAsync(CancellationToken ct)
    {
        var admin = _users.Find("admin");
        var lucca = PlanId.Parse("cciaa-lu-2019");
        var luccaGiunta = new Actor("giunta-lu", [Role.Approver], [], Entities: ["cciaa-lu"]);
        if (await PlanAsync(lucca, luccaGiunta, ct) is null)
        {
            Step($"Importazione del piano {lucca}{Demo}…");
            var seed = SheetReader.Read(Path.Combine(dataFolder, "cciaa-ms-2019.csv"));
            var asLucca = seed with
            {
                Rows = seed.Rows.Select(r => r[PlanColumns.Code] != Codes.EntityCode ? r : r with
                {
                    Cells = new Dictionary<string, string>(r.Cells)
                    {
                        [PlanColumns.Description] = "Camera di Commercio di Lucca" + Demo,
                    },
                }).ToList(),
            };
            var imported = await new PlanImportService(store, clock)
                .ImportAsync(asLucca, EntityId.Parse("cciaa-lu"), admin, false, ct);
            if (imported.Status == ImportStatus.Invalid) throw new InvalidInputException(imported.Errors);
            await new PlanLifecycleService(store, clock).ApproveAsync(lucca,
                "Delibera di Giunta n. 9 del 31/01/2019" + Demo, new LocalDate(2019, 1, 31), luccaGiunta, ct);
            say($"Piano {lucca} importato e approvato{Demo}: {imported.EventsWritten} eventi.");
        }
        var on = new LocalDate(2022, 7, 1);
        await using (var session = TenantSessions.Query(store, admin, Successor))
            if ((await EntityService.StateAsync(session, Successor.Value, ct)).Mergers.Count == 0)
            {
                Step($"Fusione in {Successor} dal {ItalianFormat.Date(on)}…");
                var m = await new EntityService(store, clock).MergeAsync(Successor,
                    "Camera di Commercio della Toscana Nord-Ovest",
                    [EntityId.Parse("cciaa-ms"), EntityId.Parse("cciaa-lu"), EntityId.Parse("cciaa-pi")], on,
                    "D.M. 16/02/2018 (accorpamento delle Camere di Commercio)", admin, ct);
                var heads = m.Predecessors.Select(p => $"{p.Entity} (registro chiuso a {p.Position})");
                say($"Fusione: {string.Join(", ", heads)} → {m.Entity} dal {ItalianFormat.Date(m.On)}.");
            }
        var first = PlanId.Parse("cciaa-tno-2022");
        var tnoGiunta = new Actor("giunta-tno", [Role.Approver], [], Entities: [Successor.Value]);
        if (await PlanAsync(first, tnoGiunta, ct) is null)
        {
            Step($"Piano {first}: riporto da cciaa-ms-2021{Demo}…");
            await new AmendmentService(store, clock).RollForwardAsync(PlanId.Parse("cciaa-ms-2021"), first, admin, ct);
            await new PlanLifecycleService(store, clock).ApproveAsync(first,
                "Delibera di Giunta n. 1 del 25/07/2022" + Demo, new LocalDate(2022, 7, 25), tnoGiunta, ct);
            say($"Piano {first} predisposto da cciaa-ms-2021 e approvato{Demo}: gli indicatori conservano la loro "
                + "storia.");
        }
    }

    async Task RollAsync(PlanId from, PlanId to, string approval, LocalDate approvedOn,
        (string Indicator, int Year, string Value, string Act, LocalDate On, string Reason) revision,
        CancellationToken ct)
    {
        if (await PlanAsync(to, ct) is not null) return;
        Step($"Piano {to}: riporto da {from}, approvazione e variazione{Demo}…");
        var admin = _users.Find("admin");
        await new AmendmentService(store, clock).RollForwardAsync(from, to, admin, ct);
        await new PlanLifecycleService(store, clock)
            .ApproveAsync(to, approval + Demo, approvedOn, _users.Find("giunta"), ct);
        await new AmendmentService(store, clock).ReviseTargetAsync(to, revision.Indicator, revision.Year,
            revision.Value, revision.Act + Demo, revision.On, revision.Reason + Demo, admin, ct);
        say($"Piano {to} predisposto da {from}, approvato e variato{Demo}.");
    }

    void Step(string doing) => step?.Invoke(doing);

    async Task<Plan?> PlanAsync(PlanId id, CancellationToken ct) => await PlanAsync(id, null, ct);

    async Task<Plan?> PlanAsync(PlanId id, Actor? reader, CancellationToken ct)
    {
        await using var session = TenantSessions.Query(store, reader, id);
        return await session.LoadAsync<Plan>(id.Value, ct);
    }
}
