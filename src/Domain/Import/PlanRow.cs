using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Domain.Import;

/// <summary>A row of a plan file once every cell has been read and typed.</summary>
public sealed record PlanRow(
    int Number, Level Level, string Code, string Parent, string Description, IReadOnlyList<Perspective> Perspectives,
    decimal? Budget, string Algorithm, MeasureKind? Measure, Comparator? Comparator, IReadOnlyList<YearTarget> Targets,
    IReadOnlyList<string> Offices, IReadOnlyList<string> Holders,
        IReadOnlyList<(string Holder, decimal Weight)> Weights)
{
    public bool IsIndicator => Level is Level.StrategicIndicator or Level.OperationalIndicator;

    /// <summary>The level's Italian name as the plan writes it (the seed's name for the seed's levels).</summary>
    public string LevelName { get; init; } = Labels.Of(Level);

    /// <summary>The row's weight in its parent (<i>Peso</i>), or null.</summary>
    public decimal? NodeWeight { get; init; }

    /// <summary>The calendar its <i>Misura</i> names (<c>giorni dalla chiusura del trimestre</c>), or null.</summary>
    public CalendarKind? Calendar { get; init; }

    /// <summary>Reads a row of a file that declares nothing (the seed's measurement system).</summary>
    public static PlanRow From(RawRow raw, IReadOnlyList<int> horizon) => From(raw, PlanFileContext.Seed(horizon));

    /// <summary>The unit of an indicator's values (column «Unità», or an <i>Algoritmo</i> that is a unit word).
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>An indicator's intermediate targets (<c>Target al gg/mm/aaaa</c>); empty when none.</summary>
    public IReadOnlyList<YearTarget> InterimTargets { get; init; } = [];

    /// <summary>Reads a row the <see cref="PlanRowValidator"/> has passed (no cell can fail here).</summary>
    public static PlanRow From(RawRow raw, PlanFileContext context)
    {
        var horizon = context.Horizon;
        var reading = LevelNames.Read(raw[PlanColumns.Level], context.Methodology).Value!;
        var level = reading.Level;
        var code = raw[PlanColumns.Code];
        if (Codes.TryParseIndicator(code, out var ic, out _)) code = ic.Value;
        var (measureText, calendar) = PeriodMeasure.Split(raw[PlanColumns.Measure]);
        MeasureKind? measure = MeasureLabels.TryParseMeasure(measureText, out var m) ? m : null;
        Comparator? comparator = null;
        if (measure is not null) comparator = PlanRowValidator.ComparatorOf(raw, measure.Value);
        var targets = measure is null || comparator is null
            ? []
            : horizon.Select(y => CellParsers.Target(raw[PlanColumns.Target(y)], measure.Value, comparator.Value,
                y).Value)
                .OfType<YearTarget>().ToList();
        return new PlanRow(raw.Number, level, code, raw[PlanColumns.Parent], raw[PlanColumns.Description],
            CellParsers.Perspectives(raw[PlanColumns.Perspective]).Value,
                CellParsers.Budget(raw[PlanColumns.Budget]).Value,
            raw[PlanColumns.Algorithm], measure, comparator, targets,
            CellParsers.Offices(raw[PlanColumns.Offices], context.Registry).Value,
            CellParsers.Holders(raw[PlanColumns.Holders], context.Registry).Value,
            CellParsers.Weights(raw[PlanColumns.Weights], context.Registry,
                context.Methodology.HolderWeightingInForce).Value)
        {
            LevelName = reading.Name, NodeWeight = CellParsers.NodeWeight(raw[PlanColumns.NodeWeight]).Value,
            Unit = measure is null ? null : MeasureRowChecks.UnitOf(raw, measure.Value),
            InterimTargets = measure is null || comparator is null ? []
                : MeasureRowChecks.InterimTargets(raw, measure.Value, comparator.Value),
            Calendar = calendar,
        };
    }
}
