namespace PerformancePlan.Host.Components.Reports;

/// <summary>
/// A draft of the <i>Relazione sulla Performance</i>, structured like the Funzione Pubblica guidelines: main results,
/// organisational performance with deviations and their reasons, individual objectives, the in-year changes with
/// their acts (art. 6 D.Lgs. 150/2009), and the measurement process with the ledger head.
/// <para>
/// Two editions (ADR 0025): the publishable one (<see cref="Full"/> false) gives individual performance only in
/// aggregate, non-nominative form (<see cref="Individuals"/>; Garante privacy, provv. n. 204 of 10/04/2025) and names
/// no holder and no user; the full one, for the OIV and the administration, lists each holder's scorecard
/// (<see cref="Holders"/>) and is marked as not for publication.
/// </para>
/// </summary>
public sealed record RelazioneModel(
    int Year, string EntityName, int HorizonTo, string? ApprovalAct, Score Entity, HeadlineView Headline,
    IndicatorCountsView Counts, int Achieved, bool Closed, IReadOnlyList<NodeScoreRow> Areas,
    IReadOnlyList<ObjectiveSection> Objectives,
    IReadOnlyList<HolderRow> Holders, IReadOnlyList<PlanVersionInfo> Versions, IReadOnlyList<AuditEntry> Changes,
    Methodology Methodology, int Recorded, int Reverted, bool LedgerVerified, bool MatchesStored, string LedgerHead,
    bool Full, IndividualSummary Individuals)
{
    /// <summary>What counts as an in-year change of the plan in section 4.</summary>
    static readonly string[] ChangeKinds = ["Target modificato", "Indicatore ritirato", "Indicatore rinumerato",
        "Uffici e titolari modificati", "Metodologia modificata", "Indicatore sterilizzato", "Piano riaperto"];

    /// <summary>
    /// The Relazione of a replayed year and its audit trail: <paramref name="full"/> for the edition with the named
    /// scorecards (whom <see cref="Capability.ReadFullRelazione"/> allows), else the publishable one.
    /// </summary>
    public static RelazioneModel From(OivReplay r, IReadOnlyList<AuditEntry> audit, bool full)
    {
        var p = r.Plan;
        var changes = audit.Where(a => ChangeKinds.Contains(a.What)
            || (a.What == "Indicatore definito" && a.Act is not null && a.Act != p.ApprovalAct))
            .Select(a => full ? a : Publishable(a)).ToList();
        var cards = PlanScoring.Scorecards(p, r.Scores);
        return new(p.Year, p.EntityName, p.Horizon[^1], p.Versions.Count > 0 ? p.Versions[0].Act : null,
            r.Scores.Entity.Score, HeadlineView.From(r.Scores), IndicatorCountsView.From(r.Scores.Counts),
            r.Indicators.Count(i => i.Score.Band == Band.Achieved), p.IsClosed,
            r.Objectives.Where(o => o.Depth == 1)
                .Select(a => new NodeScoreRow(a.Code, a.Description, a.Score) { LevelName = a.LevelName }).ToList(),
            r.Objectives.Where(o => o.Depth > 1)
                .Select(o => ObjectiveSection.From(r, o, full)).ToList(),
            full ? cards.Select(HolderRow.From).ToList() : [], p.Versions, changes, p.Methodology,
            audit.Count(a => a.What == "Risultato registrato"), audit.Count(a => a.What == "Risultato annullato"),
            r.Ledger.Verified, r.MatchesStored, r.Ledger.Head, full, IndividualSummary.Of(cards, p.Methodology));
    }

    /// <summary>A change as the publishable edition prints it: who holds an indicator is left out.</summary>
    static AuditEntry Publishable(AuditEntry change) =>
        change.What == "Uffici e titolari modificati"
        && change.Detail.IndexOf("; titolari", StringComparison.Ordinal) is var cut and >= 0
            ? change with { Detail = change.Detail[..cut] + "; titolari non pubblicati (dato personale)" }
            : change;
}

/// <summary>
/// Individual performance in aggregate, non-nominative form: how many holders have individual objectives, how many
/// are measured, the mean of their scores and how the scores fall in the bands of the methodology (at and above
/// <c>100 − tolleranza</c>, from the critical threshold, below it). No holder is named.
/// </summary>
public sealed record IndividualSummary(int Holders, int Measured, string Mean, IReadOnlyList<BandCount> Bands)
{
    /// <summary>The summary of <paramref name="cards"/>, banded by <paramref name="m"/>'s general thresholds.</summary>
    public static IndividualSummary Of(IReadOnlyList<HolderScorecard> cards, Methodology m)
    {
        var scores = cards.Select(c => c.ShownScore).OfType<decimal>().ToList();
        var (high, low) = (100 - m.TolerancePercent, m.CriticalThresholdPercent);
        return new(cards.Count, scores.Count,
            scores.Count > 0 ? ScoreText.Of(Methodology.RoundTo(scores.Average(), m.Decimals)) : "—",
            [
                new($"{ScoreText.Of(high)} e oltre", scores.Count(s => s >= high)),
                new($"da {ScoreText.Of(low)} a meno di {ScoreText.Of(high)}", scores.Count(s => s >= low && s < high)),
                new($"meno di {ScoreText.Of(low)}", scores.Count(s => s < low)),
                new("non misurato (nessun indicatore rilevato)", cards.Count - scores.Count),
            ]);
    }
}

/// <summary>A range of individual scores and how many holders fall in it.</summary>
public sealed record BandCount(string Range, int Holders);

/// <summary>An area and its score.</summary>
public sealed record NodeScoreRow(string Code, string Description, Score Score)
{
    /// <summary>The level's name (<c>Area strategica</c> in the seed).</summary>
    public string LevelName { get; init; } = Labels.Of(Level.StrategicArea);
}

/// <summary>An objective, its score, and its own indicators with their deviations.</summary>
public sealed record ObjectiveSection(
    string Level, string Code, string Description, Score Score, IReadOnlyList<DeviationRow> Indicators)
{
    /// <summary>The section of one objective of the replay; <paramref name="named"/>: notes say who.</summary>
    public static ObjectiveSection From(OivReplay r, NodeDerivation o, bool named) => new(
        o.LevelName, o.Code, o.Description, o.Score,
        r.Indicators.Where(i => r.Plan.IndicatorOf(i.Code)!.Parent == o.Code)
            .Select(i => DeviationRow.From(r.Plan, i, named)).ToList());
}

/// <summary>An indicator: target, result, how far from full realization, and the reasons given.</summary>
public sealed record DeviationRow(
    string Code, string Description, string Target, string Result, Score Score, string Gap, string Notes)
{
    /// <summary>
    /// The row of one indicator; notes are the entries' notes, in words (a correction names the value it corrects),
    /// and the reversals not already told by a correction; who recorded or reverted is named only when
    /// <paramref name="named"/> (the full edition).
    /// </summary>
    public static DeviationRow From(Plan plan, IndicatorDerivation i, bool named = true)
    {
        var indicator = plan.IndicatorOf(i.Code)!;
        var all = i.Used.Concat(i.Reverted).ToList();
        var corrected = all.Select(u => u.Corrects).OfType<Guid>().ToHashSet();
        var notes = i.Used.Select(u => ResultText.Note(u, all, indicator, named))
            .Concat(i.Reverted.Where(u => !corrected.Contains(u.EntryId)).Select(u =>
                $"il valore {ResultText.Of(u.Value, indicator)} riferito al {ItalianFormat.Date(u.ReferredTo)} "
                + $"è stato annullato{(named ? " da " + u.Reversal!.By : "")} il "
                + $"{ItalianFormat.LocalTime(u.Reversal!.At)}: {u.Reversal.Reason}"))
            .Where(n => n.Length > 0);
        return new(i.Code, indicator.Description, TargetText.Of(i.Target, indicator),
            string.Join(", ", i.Used.Select(u => ResultText.Of(u.Value, indicator))), i.Score,
            i.Score.ShownRaw is { } raw ? ScoreText.Of(100 - raw) : "—", string.Join("; ", notes));
    }
}

/// <summary>A holder's individual objectives: indicators with weight and score, and the weighted score.</summary>
public sealed record HolderRow(string Holder, string Items, string Score)
{
    /// <summary>The row of one scorecard.</summary>
    public static HolderRow From(HolderScorecard card) => new(card.Holder,
        string.Join(", ", card.Items.Select(x => $"{x.Indicator} ({ItalianFormat.Percent(Math.Round(x.Weight, 2))}): "
            + (x.Score.IsMeasured ? ScoreText.Of(x.Score.ShownParametrata) : "non rilevato"))),
        card.ShownScore is { } s ? ScoreText.Of(s) : "—");
}
