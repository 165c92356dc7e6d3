namespace PerformancePlan.Host.Application.Views;

/// <summary>
/// The one headline figure of a plan's scores, the same in the CLI table, the JSON, the dashboard and the Relazione:
/// the entity's <i>% realizzazione parametrata</i> (percent 0–100, rounded by the plan's methodology) and its band.
/// </summary>
public sealed record HeadlineView(string Label, decimal? Value, string Band, string BandName)
{
    /// <summary>The name of the headline figure, as every view prints it.</summary>
    public const string Name = "Performance parametrata dell'Ente";

    public static HeadlineView From(ObjectiveScores s) => new(Name, s.Entity.Score.ShownParametrata,
        BandNames.Code(s.Entity.Score.Band), BandNames.Italian(s.Entity.Score));

    /// <summary>The name inside a sentence: <c>performance parametrata dell'Ente</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string InSentence => char.ToLowerInvariant(Label[0]) + Label[1..];

    /// <summary><c>Performance parametrata dell'Ente: 75 (Parzialmente raggiunto)</c>.</summary>
    public string Text => Value is { } v ? $"{Label}: {ScoreText.Of(v)} ({BandName})" : $"{Label}: {BandName}";
}

/// <summary>
/// How many indicators rest on a result, on the close's rule that an unmeasured one counts 0, or on an act of
/// neutralisation, and how many are still pending.
/// </summary>
public sealed record IndicatorCountsView(int Total, int Measured, int ZeroAtClose, int Neutralized, int Pending)
{
    public static IndicatorCountsView From(IndicatorCounts c) =>
        new(c.Total, c.Measured, c.ZeroAtClose, c.Neutralized, c.Pending);

    /// <summary>
    /// <c>14 indicatori misurati su 77, 62 contati 0 perché non rilevati alla chiusura, 1 sterilizzato.</c>
    /// </summary>
    public string Text(bool closed)
    {
        var parts = new List<string>
        {
            ItalianFormat.Count(Measured, "indicatore misurato", "indicatori misurati") + $" su {Total}",
        };
        if (ZeroAtClose > 0)
            parts.Add(ItalianFormat.Count(ZeroAtClose, "contato 0 perché non rilevato alla chiusura dell'anno",
                "contati 0 perché non rilevati alla chiusura dell'anno"));
        if (Neutralized > 0) parts.Add(ItalianFormat.Count(Neutralized, "sterilizzato", "sterilizzati"));
        if (Pending > 0)
            parts.Add(ItalianFormat.Count(Pending, "non rilevato, fuori dalle medie", "non rilevati, fuori dalle medie")
                + (closed ? "" : " finché l'anno è aperto"));
        return string.Join(", ", parts) + ".";
    }
}
