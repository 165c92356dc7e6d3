using NodaTime;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Measures;

/// <summary>
/// A case file imported as written (the plan-file importer, the results reader, the scoring: the services' path
/// without the store), for the probe and plan tests of docs/measures.md.
/// </summary>
public sealed class ProbeScoring
{
    static readonly Instant At = Instant.FromUtc(2020, 2, 1, 9, 0);
    static readonly LocalDate Today = new(2020, 6, 1);

    public PlanImportResult Import { get; }
    public Plan? Plan { get; }

    public ProbeScoring(string folder, string file)
    {
        Import = PlanFileImporter.Read(SheetReader.Read(SeedFiles.Case(folder, file)), "ente");
        Plan = Import.Ok ? Plan.Replay(PlanDecider.Decide(new ImportPlan(Import.Plan!, file, SeedPlan.Admin, At), null))
            : null;
    }

    /// <summary>Reads one result as a user writes it; the draft, or the problems.</summary>
    public (ResultDraft? Draft, IReadOnlyList<FieldIssue> Issues) Read(string code, string value,
        string on = "31/12/2019", string reference = "") =>
        ResultInput.Read(Plan!, code, value, on, "", "", Today, reference);

    /// <summary>The indicators' scores given these drafts (each recorded once, in order).</summary>
    public IReadOnlyDictionary<string, IndicatorScore> Scores(params ResultDraft[] drafts)
    {
        var events = drafts.Select((d, k) => new ResultRecorded(Plan!.Id, d.Indicator, Guid.NewGuid(), d.Value,
            d.ReferredTo, d.Period, d.Note, "admin", At.Plus(Duration.FromMinutes(k)))).ToArray();
        return PlanScoring.Score(Plan!, SeedPlan.Given(events)).Indicators.ToDictionary(i => i.Code);
    }

    /// <summary>The realization of one indicator for one result written as a user writes it.</summary>
    public decimal? Realization(string code, string value, string on = "31/12/2019", string reference = "")
    {
        var (draft, issues) = Read(code, value, on, reference);
        issues.ShouldBeEmpty();
        return Scores(draft!)[code].Score.ShownRaw;
    }

    /// <summary>Every results-file row read against the plan: drafts, and the rows refused with their issues.</summary>
    public (IReadOnlyList<ResultDraft> Drafts, IReadOnlyList<(string Code, FieldIssue Issue)> Refused) ResultsFile(
        string folder, string file)
    {
        var sheet = SheetReader.Read(SeedFiles.Case(folder, file));
        var drafts = new List<ResultDraft>();
        var refused = new List<(string, FieldIssue)>();
        foreach (var row in sheet.Rows)
        {
            var (draft, issues) = ResultInput.Read(Plan!, row[ResultInput.Code], row[ResultInput.ValueColumn],
                row[ResultInput.ReferredTo], row[ResultInput.PeriodColumn], row[ResultInput.NoteColumn],
                new LocalDate(2020, 6, 1).PlusYears(Plan!.Year - 2019), row[ResultInput.ReferenceColumn]);
            if (draft is not null) drafts.Add(draft);
            refused.AddRange(issues.Select(i => (row[ResultInput.Code], i)));
        }
        return (drafts, refused);
    }
}
