using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// The result of reading a plan file: a plan to load, or the errors that prevent it; warnings either way.
/// </summary>
public sealed record PlanImportResult(PlanDefinition? Plan, IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings)
{
    public bool Ok => Errors.Count == 0 && Plan is not null;
}

/// <summary>
/// Reads a plan file (already split into cells) into a <see cref="PlanDefinition"/>: header, then each row on its
/// own, then the tree. Pure: the same sheet always gives the same result.
/// </summary>
public static partial class PlanFileImporter
{
    public static PlanImportResult Read(RawSheet sheet, string entity)
    {
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var horizon = ReadHeader(sheet, errors);
        if (errors.Count > 0) return new(null, errors, warnings);

        var rowValidator = new PlanRowValidator(horizon);
        var rows = new List<PlanRow>();
        foreach (var raw in sheet.Rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))))
        {
            var result = rowValidator.Validate(raw);
            Collect(result, sheet.FileName, _ => (raw.Number, null), errors, warnings);
            if (result.Errors.All(f => f.Severity != Severity.Error)) rows.Add(PlanRow.From(raw, horizon));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 0, "", "", "il file non contiene righe",
                "aggiungere le righe del piano sotto l'intestazione"));
        if (errors.Count == 0)
            Collect(new PlanTreeValidator().Validate(rows), sheet.FileName, f => ((int, string?))f.CustomState, errors,
                warnings);
        if (errors.Count > 0) return new(null, errors, warnings);
        warnings.AddRange(MeasureRowChecks.CountEqualsWarnings(rows, sheet.FileName));

        return new(Build(rows, entity, horizon, warnings, sheet.Rows.Count), errors, warnings);
    }

    static IReadOnlyList<int> ReadHeader(RawSheet sheet, List<ImportIssue> errors)
    {
        foreach (var missing in PlanColumns.Required.Where(c => !sheet.Headers.Contains(c,
            StringComparer.OrdinalIgnoreCase)))
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, missing, "", "colonna mancante "
                + "nell'intestazione",
                "l'intestazione è: "
                    + "Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;Target "
                    + "2019;Target 2020;Target 2021;Uffici;Titolari;Pesi"));
        foreach (var unreadable in sheet.Headers.Where(MeasureRowChecks.IsUnreadableTargetHeader))
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, unreadable, unreadable,
                "colonna di target non leggibile", "scrivere «Target AAAA» per il target di un anno o «Target al "
                    + "gg/mm/aaaa» per un target intermedio, es. «Target al 30/06/2019»"));
        var years = sheet.Headers.Select(h => TargetHeader().Match(h)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value)).Order().ToList();
        if (years.Count == 0)
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, "Target", "", "nessuna colonna «Target "
                + "AAAA»",
                "aggiungere una colonna di target per ogni anno del triennio, es. «Target 2019;Target 2020;Target "
                    + "2021»"));
        else if (years.Zip(years.Skip(1)).Any(p => p.Second != p.First + 1))
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, "Target", string.Join(", ", years),
                "gli anni dei target non sono consecutivi", "il triennio del piano è fatto di anni consecutivi"));
        return years;
    }

    static void Collect(ValidationResult result, string file, Func<ValidationFailure, (int Row, string? Fix)> where,
        List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        foreach (var f in result.Errors)
        {
            var (row, fix) = where(f);
            var issue = new ImportIssue(f.Severity == Severity.Error ? IssueSeverity.Error : IssueSeverity.Warning,
                file, row,
                f.PropertyName, f.AttemptedValue?.ToString() ?? "", f.ErrorMessage,
                    fix ?? f.CustomState as string ?? "");
            (issue.Severity == IssueSeverity.Error ? errors : warnings).Add(issue);
        }
    }

    static PlanDefinition Build(List<PlanRow> rows, string entity, IReadOnlyList<int> horizon,
        List<ImportIssue> warnings, int rowCount)
    {
        var ente = rows.Single(r => r.Level == Level.Entity);
        var definitions = rows.Where(r => r.Level != Level.Entity).Select(ToEvent).ToList();
        var weights = rows.Where(r => r.IsIndicator).SelectMany(r => r.Weights.Select(w => (r.Code, w.Holder,
            w.Weight)))
            .GroupBy(x => x.Holder)
            .Select(g => new HolderWeightsAssigned(g.Key, g.Select(x => new HolderWeight(x.Code, x.Weight)).ToList()))
            .ToList();
        var year = horizon[0];
        return new PlanDefinition($"{entity}-{year}", entity, ente.Description, year, horizon, ente.Budget,
            Methodology.Default, definitions, weights, warnings.Select(w => w.ToString()).ToList(), rowCount);
    }

    static IPlanEvent ToEvent(PlanRow r) => r.Level switch
    {
        Level.StrategicArea =>
            new StrategicAreaDefined(r.Code, r.Parent, r.Description, r.Perspectives, r.Budget, r.Offices, r.Holders),
        Level.StrategicObjective =>
            new StrategicObjectiveDefined(r.Code, r.Parent, r.Description, r.Perspectives, r.Budget, r.Offices,
                r.Holders),
        Level.OperationalObjective =>
            new OperationalObjectiveDefined(r.Code, r.Parent, r.Description, r.Perspectives, r.Budget, r.Offices,
                r.Holders),
        _ => new IndicatorDefined(r.Code, r.Level, r.Parent, r.Description, r.Algorithm, r.Measure!.Value,
            r.Comparator!.Value,
            r.Targets, r.Offices, r.Holders)
        {
            Unit = r.Unit, InterimTargets = r.InterimTargets.Count == 0 ? null : r.InterimTargets,
        },
    };

    [GeneratedRegex(@"^Target\s+(\d{4})$", RegexOptions.IgnoreCase)] private static partial Regex TargetHeader();
}
