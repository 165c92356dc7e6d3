using FluentValidation;
using FluentValidation.Results;
using PerformancePlan.Domain.Calendar;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// Checks each cell of one plan-file row on its own. A failure's property name is the column, its attempted
/// value the cell, its custom state the fix; warnings have <see cref="Severity.Warning"/>.
/// </summary>
public sealed class PlanRowValidator : AbstractValidator<RawRow>
{
    /// <summary>Checks rows of a file that declares nothing (the seed's measurement system).</summary>
    public PlanRowValidator(IReadOnlyList<int> horizon) : this(PlanFileContext.Seed(horizon)) { }

    /// <summary>Checks rows against the file's own measurement system and registry.</summary>
    public PlanRowValidator(PlanFileContext context)
    {
        var horizon = context.Horizon;
        RuleFor(r => r).Custom((row, ctx) =>
        {
            var levelText = row[PlanColumns.Level];
            var reading = LevelNames.Read(levelText, context.Methodology);
            if (reading.Value is not { } level)
            {
                Fail(ctx, PlanColumns.Level, levelText, reading.Error!, reading.Fix!);
                return;
            }
            CheckCode(ctx, row, level.Level);
            if (level.Level != Level.Entity && row[PlanColumns.Parent].Length == 0)
                Fail(ctx, PlanColumns.Parent, "", "padre mancante", "indicare il codice del nodo superiore");
            if (row[PlanColumns.Description].Length == 0)
                Fail(ctx, PlanColumns.Description, "", "descrizione mancante", "descrivere l'obiettivo o l'indicatore");
            Check(ctx, PlanColumns.Perspective, row, CellParsers.Perspectives);
            Check(ctx, PlanColumns.Offices, row, t => CellParsers.Offices(t, context.Registry));
            Check(ctx, PlanColumns.Holders, row, t => CellParsers.Holders(t, context.Registry));
            Check(ctx, PlanColumns.NodeWeight, row, CellParsers.NodeWeight);

            if (level.IsIndicator) CheckIndicator(ctx, row, context);
            else CheckNotIndicator(ctx, row, horizon);
        });
    }

    static void CheckCode(ValidationContext<RawRow> ctx, RawRow row, Level level)
    {
        var code = row[PlanColumns.Code];
        if (code.Length == 0)
        {
            Fail(ctx, PlanColumns.Code, "", "codice mancante: senza codice la riga non si può citare né seguire nel "
                + "tempo",
                $"assegnare un codice stabile e univoco, es. «{SuggestCode(row, level)}», e annotarlo nella "
                    + "documentazione del piano");
            return;
        }
        // The seed's grammar (S1.1.1-a, 1.1.1…) is one way to code a plan, not the only one: any code of letters,
        // digits, dots, dashes and underscores is unique in the plan; the grammar's corrections still apply to it.
        if (!Codes.IsPlanCode(code))
        {
            Fail(ctx, PlanColumns.Code, code, "codice non valido: sono ammessi lettere, cifre, «.», «-» e «_», senza "
                + $"spazi, al massimo {Codes.MaxCodeLength} caratteri",
                "scrivere il codice senza spazi né simboli, es. «1.2», «011.005», «S1.1.1-a», «KPI01»");
            return;
        }
        if (level is Level.StrategicIndicator or Level.OperationalIndicator
            && Codes.TryParseIndicator(code, out var parsed, out var normalised) && normalised)
            Warn(ctx, PlanColumns.Code, code,
                $"codice letto come «{parsed.Value}»" + (code.Trim().StartsWith('0')
                    ? " (cifra zero al posto della lettera O)" : ""),
                $"scrivere «{parsed.Value}»");
    }

    static void CheckIndicator(ValidationContext<RawRow> ctx, RawRow row, PlanFileContext context)
    {
        var horizon = context.Horizon;
        var measureText = row[PlanColumns.Measure];
        var (measureName, ownCalendar) = PeriodMeasure.Split(measureText);
        if (!MeasureLabels.TryParseMeasure(measureName, out var measure))
        {
            Fail(ctx, PlanColumns.Measure, measureText,
                measureText.Length == 0 ? "misura mancante" : "misura sconosciuta",
                "usare " + string.Join(", ", MeasureLabels.Names.Values.Select(v => $"«{v}»")));
            return;
        }
        var comparatorText = row[PlanColumns.Comparator];
        var comparator = ComparatorOf(row, measure);
        if (comparator is null)
        {
            var only = measure == MeasureKind.YesNo ? "=" : "<=";
            Fail(ctx, PlanColumns.Comparator, comparatorText,
                measure == MeasureKind.YesNo || MeasureLabels.IsTimeBound(measure)
                    ? $"la misura «{MeasureLabels.Of(measure)}» ammette solo «{only}»" :
                comparatorText.Length == 0 ? "comparatore mancante" : "comparatore sconosciuto",
                measure == MeasureKind.YesNo || MeasureLabels.IsTimeBound(measure)
                    ? $"scrivere «{only}» o lasciare vuoto" : "usare «>=», «>», «=», «<=» o «<»");
            return;
        }
        if (measure == MeasureKind.DaysAfterPeriodClose && PeriodMeasure.Mismatch(row[PlanColumns.Algorithm],
                row[PlanColumns.Description], ownCalendar ?? context.Methodology.CalendarInForce) is { } hint)
            Warn(ctx, PlanColumns.Measure, measureText, hint.Message, hint.Fix);
        foreach (var year in horizon)
            Check(ctx, PlanColumns.Target(year), row, t => CellParsers.Target(t, measure, comparator.Value, year));
        foreach (var (column, at) in MeasureRowChecks.InterimColumns(row.Cells.Keys))
            Check(ctx, column, row, t => CellParsers.Target(t, measure, comparator.Value, at.Year));
        foreach (var f in MeasureRowChecks.Check(row, measure, comparator.Value, horizon))
            (f.IsError ? (Action<ValidationContext<RawRow>, string, string, string, string>)Fail : Warn)(ctx,
                f.Column, f.Value, f.Message, f.Fix);
        if (row[PlanColumns.Target(horizon[0])].Length == 0)
            Fail(ctx, PlanColumns.Target(horizon[0]), "", $"manca il target dell'anno del piano ({horizon[0]})",
                "indicare il target dell'anno: senza target l'indicatore non si può misurare");
        if (row[PlanColumns.Budget].Length > 0)
            Fail(ctx, PlanColumns.Budget, row[PlanColumns.Budget], "il budget si assegna agli obiettivi, non agli "
                + "indicatori",
                "spostare l'importo sulla riga dell'obiettivo o lasciare la cella vuota");
        if (Check(ctx, PlanColumns.Weights, row, t => CellParsers.Weights(t, context.Registry,
                context.Methodology.HolderWeightingInForce)) is { Ok: true } weights &&
            CellParsers.Holders(row[PlanColumns.Holders], context.Registry) is { Ok: true } holders)
            foreach (var (holder, _) in weights.Value.Where(w => !holders.Value.Contains(w.Holder)))
                Fail(ctx, PlanColumns.Weights, row[PlanColumns.Weights], $"peso per «{holder}», che non è tra i "
                    + "titolari della riga",
                    $"aggiungere «{holder}» ai Titolari o togliere il suo peso");
    }

    static void CheckNotIndicator(ValidationContext<RawRow> ctx, RawRow row, IReadOnlyList<int> horizon)
    {
        Check(ctx, PlanColumns.Budget, row, CellParsers.Budget);
        foreach (var column in new[] { PlanColumns.Measure, PlanColumns.Comparator, PlanColumns.Weights }
                     .Concat(horizon.Select(PlanColumns.Target))
                     .Concat(MeasureRowChecks.InterimColumns(row.Cells.Keys).Select(c => c.Column)))
            if (row[column].Length > 0)
                Fail(ctx, column, row[column], "valore ammesso solo sulle righe degli indicatori",
                    "spostare il valore sulla riga dell'indicatore o lasciare la cella vuota");
    }

    /// <summary>
    /// The row's comparator; deadlines and days are «&lt;=» when the cell is empty, sì/no is «=» (empty or «=»).
    /// </summary>
    public static Comparator? ComparatorOf(RawRow row, MeasureKind measure)
    {
        var text = row[PlanColumns.Comparator];
        if (measure == MeasureKind.YesNo)
            return text.Length == 0 || (MeasureLabels.TryParseComparator(text, out var e) && e == Comparator.EqualTo)
                ? Comparator.EqualTo : null;
        if (MeasureLabels.IsTimeBound(measure))
            return text.Length == 0 || (MeasureLabels.TryParseComparator(text, out var c) && c == Comparator.AtMost)
                ? Comparator.AtMost : null;
        return MeasureLabels.TryParseComparator(text, out var k) ? k : null;
    }

    static string SuggestCode(RawRow row, Level level)
    {
        var parent = row[PlanColumns.Parent];
        var described = System.Text.RegularExpressions.Regex.Match(row[PlanColumns.Description],
            @"^([0-9]+(\.[0-9]+)*)");
        var basis = parent.Length > 0 ? parent : described.Success ? described.Groups[1].Value : "1.1.1";
        return level switch
        {
            Level.StrategicIndicator => $"S{basis}.1-z",
            Level.OperationalIndicator => $"O{basis}-1",
            _ => basis + ".9",
        };
    }

    static Parsed<T>? Check<T>(ValidationContext<RawRow> ctx, string column, RawRow row, Func<string, Parsed<T>> parse)
    {
        var value = row[column];
        var result = parse(value);
        if (!result.Ok) Fail(ctx, column, value, result.Error!, result.Fix ?? "");
        foreach (var w in result.AllWarnings) Warn(ctx, column, value, w, "");
        return result;
    }

    static void Fail(ValidationContext<RawRow> ctx, string column, string value, string message, string fix) =>
        ctx.AddFailure(new ValidationFailure(column, message, value) { CustomState = fix, Severity = Severity.Error });

    static void Warn(ValidationContext<RawRow> ctx, string column, string value, string message, string fix) =>
        ctx.AddFailure(new ValidationFailure(column, message, value) { CustomState = fix,
            Severity = Severity.Warning });
}
