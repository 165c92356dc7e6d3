using System.Collections.Immutable;

namespace PerformancePlan.Domain.Plans;

public enum PlanStatus { Draft, Approved, Closed, Validated }

public sealed record Neutralization(string Indicator, string Act, string Reason);

/// <summary>A version of the plan: its number, the act that made it, the date from which it is in force.</summary>
public sealed record PlanVersionInfo(int Number, string Act, LocalDate EffectiveOn, string Reason, Instant RecordedAt);

/// <summary>A node of the plan tree that is not an indicator.</summary>
public sealed record PlanNode(
    string Code, Level Level, string Parent, string Description, IReadOnlyList<Perspective> Perspectives,
    decimal? Budget, IReadOnlyList<string> Offices, IReadOnlyList<string> Holders)
{
    /// <summary>The level's Italian name as the plan writes it (<c>Area strategica</c>, <c>Programma</c>…).</summary>
    public string LevelName { get; init; } = Labels.Of(Level);

    /// <summary>The node's weight in its parent (relative; null: 1), used by a weighted roll-up.</summary>
    public decimal? Weight { get; init; }
}

public sealed record Indicator(
    string Code, Level Level, string Parent, string Description, string Algorithm,
    MeasureKind Measure, Comparator Comparator, IReadOnlyList<YearTarget> Targets,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders)
{
    public YearTarget? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year);

    /// <summary>
    /// Codes the indicator had before renumberings in this plan (its results may be recorded under them).
    /// </summary>
    public IReadOnlyList<string> PreviousCodes { get; init; } = [];

    /// <summary>The level's Italian name as the plan writes it (<c>Indicatore operativo</c>…).</summary>
    public string LevelName { get; init; } = Labels.Of(Level);

    /// <summary>The indicator's weight in its objective (relative; null: 1), used by a weighted roll-up.</summary>
    public decimal? Weight { get; init; }

    /// <summary>The calendar of its per-period measure, when it has its own (null: the plan's).</summary>
    public CalendarKind? Calendar { get; init; }

    /// <summary>
    /// One identity across plans and renumberings (<c>cciaa-ms:S3.2.1-a</c>), carried by roll-forward.
    /// </summary>
    public string Lineage { get; init; } = "";

    /// <summary>The unit of its values (<c>mq</c>, <c>euro</c>, <c>giorni</c>); null when none.</summary>
    public string? Unit { get; init; }

    /// <summary>Intermediate targets (<c>Target al 30/06/2019</c>), each with its date (<see cref="YearTarget.At"/>).
    /// </summary>
    public IReadOnlyList<YearTarget> InterimTargets { get; init; } = [];
}

/// <summary>
/// The state of a plan as its events tell it. Immutable; <see cref="Evolve"/> never throws and ignores
/// events it does not know, so old states stay readable when new events are added.
/// </summary>
public sealed record Plan(
    string Id, string Entity, string EntityName, int Year, IReadOnlyList<int> Horizon, decimal? EntityBudget,
    Methodology Methodology, PlanStatus Status, ImmutableList<PlanNode> Nodes, ImmutableList<Indicator> Indicators,
    ImmutableList<HolderWeightsAssigned> Weights, string? ContentHash, string? Source, long Version)
{
    /// <summary>
    /// The plan after one more event of its stream; never throws, and ignores events it does not know.
    /// </summary>
    public static Plan? Evolve(Plan? state, IPlanEvent @event)
    {
        var next = Next(state, @event);
        return next is null || state is null ? next : next with { Version = state.Version + 1 };
    }

    // Not named Apply: Marten would take it for a conventional projection method on the document type.
    static Plan? Next(Plan? state, IPlanEvent @event) => (state, @event) switch
    {
        (null, PlanDrafted e) => new Plan(e.PlanId, e.Entity, e.EntityName, e.Year, e.Horizon, e.EntityBudget,
            e.Methodology, PlanStatus.Draft, [], [], [], null, null, 1) { RolledForwardFrom = e.RolledForwardFrom },
        (null, _) => null,
        (_, INodeDefined e) => state with
        {
            Nodes = state.Nodes.Add(new PlanNode(
                e.Code, LevelOf(e), e.Parent, e.Description, e.Perspectives, e.Budget, e.Offices, e.Holders)
            {
                LevelName = e is ObjectiveDefined o ? o.Level : Labels.Of(LevelOf(e)), Weight = e.Weight,
            }),
        },
        (_, RegistryEntryDefined e) => state with
        {
            Registry = state.Registry.RemoveAll(r => r.Kind == e.Kind && r.Code == e.Code).Add(e),
        },
        (_, IndicatorDefined e) => state with
        {
            Indicators = state.Indicators.Add(new Indicator(e.Code, e.Level, e.Parent, e.Description, e.Algorithm,
                e.Measure, e.Comparator, e.Targets, e.Offices, e.Holders)
            {
                Lineage = e.Lineage ?? $"{state.Entity}:{e.Code}", LevelName = e.LevelName ?? Labels.Of(e.Level),
                Weight = e.Weight, Unit = e.Unit, InterimTargets = e.InterimTargets ?? [], Calendar = e.Calendar,
            }),
        },
        (_, HolderWeightsAssigned e) =>
            state with { Weights = state.Weights.RemoveAll(w => w.Holder == e.Holder).Add(e) },
        (_, PlanImported e) => state with { ContentHash = e.ContentHash, Source = e.Source },
        (_, PlanApproved e) => state with
        {
            Status = PlanStatus.Approved, ApprovalAct = e.Act, ApprovedOn = e.On,
            Versions = state.Versions.Add(new PlanVersionInfo(1, e.Act, e.On, "approvazione", e.ApprovedAt)),
        },
        (_, PlanAmended e) => state with
        {
            Versions = state.Versions.Add(new PlanVersionInfo(e.Version, e.Act, e.EffectiveOn, e.Reason, e.AmendedAt)),
        },
        (_, TargetRevised e) when state.IndicatorOf(e.Indicator) is null => state,
        (_, IndicatorReassigned e) when state.IndicatorOf(e.Indicator) is null => state,
        (_, IndicatorRenumbered e) when state.IndicatorOf(e.Indicator) is { } old => Renumbered(state, old, e),
        (_, TargetRevised e) => state with
        {
            Indicators = state.Indicators.Replace(state.IndicatorOf(e.Indicator)!, state.IndicatorOf(e.Indicator)! with
            {
                Targets = [.. state.IndicatorOf(e.Indicator)!.Targets.Where(t => t.Year != e.Year)
                    .Concat(e.Revised is null ? [] : [e.Revised]).OrderBy(t => t.Year)],
            }),
        },
        (_, IndicatorWithdrawn e) => state with
        {
            Indicators = state.Indicators.RemoveAll(i => i.Code == e.Indicator),
            Weights = [.. state.Weights.Select(w => w with
            {
                Weights = [.. w.Weights.Where(x => x.Indicator != e.Indicator)],
            })],
        },
        (_, ObjectiveWithdrawn e) => state with { Nodes = state.Nodes.RemoveAll(n => n.Code == e.Objective) },
        (_, IndicatorReassigned e) => state with
        {
            Indicators = state.Indicators.Replace(
                state.IndicatorOf(e.Indicator)!,
                    state.IndicatorOf(e.Indicator)! with { Offices = e.Offices, Holders = e.Holders }),
        },
        (_, MethodologyChanged e) => state with { Methodology = e.Methodology },
        (_, PlanClosed e) => state with { Status = PlanStatus.Closed, ClosedOn = e.On, ClosedAt = e.ClosedAt },
        (_, PlanReopened e) when state.Status == PlanStatus.Closed => state with
        {
            Status = PlanStatus.Approved, ClosedOn = null, ClosedAt = null, ReopenedOn = e.On,
        },
        (_, PlanValidated e) => state with { Status = PlanStatus.Validated, ValidatedLedgerHead = e.LedgerHead },
        (_, IndicatorNeutralized e) => state with
        {
            Neutralized = state.Neutralized.Add(new Neutralization(e.Indicator, e.Act, e.Reason)),
        },
        _ => state,
    };

    /// <summary>Same identity, targets and weights under the new code; the old code joins its previous codes.</summary>
    static Plan Renumbered(Plan state, Indicator old, IndicatorRenumbered e) => state with
    {
        Indicators = state.Indicators.Replace(old, old with
        {
            Code = e.NewCode, Parent = e.NewParent, Level = RenumberedLevel(old, e.NewCode),
            LevelName = RenumberedLevel(old, e.NewCode) == old.Level ? old.LevelName
                : Labels.Of(RenumberedLevel(old, e.NewCode)),
            PreviousCodes = [.. old.PreviousCodes, old.Code],
        }),
        Weights = [.. state.Weights.Select(w => w with
        {
            Weights = [.. w.Weights.Select(x => x.Indicator == e.Indicator ? x with { Indicator = e.NewCode } : x)],
        })],
        Neutralized = [.. state.Neutralized.Select(n => n.Indicator == e.Indicator
            ? n with { Indicator = e.NewCode } : n)],
    };

    /// <summary>
    /// The plan in force on a business date (Europe/Rome): approval and amendments count from their act's date; the
    /// changes of an amendment not yet in force on <paramref name="date"/> are skipped, as are a close or a reopening
    /// dated after it.
    /// <paramref name="events"/> are the plan stream's events as stored; others are ignored.
    /// </summary>
    public static Plan? AsOf(IEnumerable<object> events, LocalDate date)
    {
        Plan? state = null;
        var skipping = false;
        foreach (var e in events.OfType<IPlanEvent>())
        {
            switch (e)
            {
                case PlanApproved a: skipping = a.On > date; break;
                case PlanAmended a: skipping = a.EffectiveOn > date; break;
                case PlanClosed c: skipping = c.On > date; break;
                case PlanReopened r: skipping = r.On > date; break;
                case IndicatorNeutralized n: skipping = n.EffectiveOn > date; break;
                case PlanImported: skipping = false; break;
            }
            if (!skipping) state = Evolve(state, e);
        }
        // Closed on that date but reopened since: the entries recorded while reopened (corrections of that year) count
        // as in the plan as it stands; only writes racing the latest close stay out (none while it is reopened).
        return state is { IsClosed: true } ? state with { ClosedAt = Replay(events)!.ClosedAt } : state;
    }

    /// <summary>The numbered versions: 1 is the approval, then one per amendment.</summary>
    public ImmutableList<PlanVersionInfo> Versions { get; init; } = [];
    public int CurrentVersion => Versions.Count == 0 ? 0 : Versions[^1].Number;
    public string? RolledForwardFrom { get; init; }

    public string? ApprovalAct { get; init; }
    public LocalDate? ApprovedOn { get; init; }
    public LocalDate? ClosedOn { get; init; }
    /// <summary>
    /// When the close was recorded: entries recorded after it (a write racing the close) do not count.
    /// </summary>
    public Instant? ClosedAt { get; init; }
    /// <summary>The date of the act of the latest reopening after a close (null: never reopened).</summary>
    public LocalDate? ReopenedOn { get; init; }
    public ImmutableList<Neutralization> Neutralized { get; init; } = [];
    public string? ValidatedLedgerHead { get; init; }

    public bool IsClosed => Status is PlanStatus.Closed or PlanStatus.Validated;
    public Neutralization? NeutralizationOf(string indicator) =>
        Neutralized.FirstOrDefault(n => n.Indicator == indicator);

    /// <summary>The plan its stream's events tell (as stored: events of other streams are ignored).</summary>
    public static Plan? Replay(IEnumerable<object> events) =>
        events.OfType<IPlanEvent>().Aggregate((Plan?)null, Evolve);

    public PlanNode? Node(string code) => Nodes.FirstOrDefault(n => n.Code == code);
    public Indicator? IndicatorOf(string code) => Indicators.FirstOrDefault(i => i.Code == code);
    public IEnumerable<PlanNode> Children(string code) => Nodes.Where(n => n.Parent == code);
    public IEnumerable<Indicator> IndicatorsOf(string code) => Indicators.Where(i => i.Parent == code);

    /// <summary>The holders named by any indicator, in a stable order (SG first, then PO2, PO3…).</summary>
    public IReadOnlyList<string> HolderCodes => Indicators.SelectMany(i => i.Holders).Distinct()
        .OrderBy(h => h == "SG" ? "" : h, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A holder's weight on an indicator (percent): the plan's own weight where it gives one, equal weights otherwise.
    /// With relative weights (<see cref="HolderWeighting.Relative"/>) the plan's figure is normalised to percent of the
    /// holder's total (1,54 alone → 100).
    /// </summary>
    public decimal WeightOf(string holder, string indicator)
    {
        var given = Weights.FirstOrDefault(w => w.Holder == holder);
        if (given is not null)
        {
            var weight = given.Weights.FirstOrDefault(w => w.Indicator == indicator)?.Weight ?? 0;
            if (Methodology.HolderWeightingInForce == HolderWeighting.Percent) return weight;
            var total = given.Weights.Sum(w => w.Weight);
            return total == 0 ? 0 : Math.Round(100 * weight / total, 4);
        }
        var count = Indicators.Count(i => i.Holders.Contains(holder));
        return count == 0 ? 0 : Math.Round(100m / count, 4);
    }

    /// <summary>A seed-grammar code says the level (<c>S…</c> strategic, <c>O…</c> operational); others keep
    /// it.</summary>
    static Level RenumberedLevel(Indicator old, string code) =>
        Codes.TryParseIndicator(code, out var parsed, out _) ? parsed.Level : old.Level;

    static Level LevelOf(INodeDefined e) => e switch
    {
        StrategicAreaDefined => Level.StrategicArea,
        StrategicObjectiveDefined => Level.StrategicObjective,
        OperationalObjectiveDefined => Level.OperationalObjective,
        _ => Level.Objective,
    };

    /// <summary>The plan's registry of holders and offices (code → name), in file order.</summary>
    public ImmutableList<RegistryEntryDefined> Registry { get; init; } = [];

    /// <summary>The name of a holder or office code from the registry; the code itself when it has none.</summary>
    public string NameOf(RegistryKind kind, string code) =>
        Registry.FirstOrDefault(r => r.Kind == kind && r.Code == code)?.Name ?? code;

    /// <summary>The nodes directly under the entity (areas in the seed), in plan order.</summary>
    public IEnumerable<PlanNode> TopNodes => Nodes.Where(n => n.Parent == Codes.EntityCode || Node(n.Parent) is null);

    /// <summary>How deep a node or indicator sits: 1 under the entity, 2 under a top node, and so on.</summary>
    public int DepthOf(string code)
    {
        var depth = 0;
        var parent = Node(code)?.Parent ?? IndicatorOf(code)?.Parent;
        while (parent is not null && depth < 64)
        {
            depth++;
            parent = Node(parent)?.Parent;
        }
        return depth;
    }
}
