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
    /// <summary>
    /// Reads <paramref name="sheet"/> as the plan of <paramref name="entity"/>; its measurement system is the seed's,
    /// or the one of a methodology file of its own (<paramref name="methodology"/>, <see cref="MethodologyReader"/>),
    /// then the plan file's own <c>Metodologia</c> rows over it.
    /// </summary>
    public static PlanImportResult Read(RawSheet sheet, string entity, RawSheet? methodology = null)
    {
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var horizon = ReadHeader(sheet, errors);
        if (errors.Count > 0) return new(null, errors, warnings);

        var filled = sheet.Rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        // The file's own measurement system first (its Metodologia rows) and its registry: every row is read with them.
        var basis = Methodology.Default;
        if (methodology is not null)
        {
            var (fromFile, fileErrors) = MethodologyReader.ReadFile(methodology, Methodology.Default);
            errors.AddRange(fileErrors);
            if (fromFile is null) return new(null, errors, warnings);
            basis = fromFile;
        }
        var (rules, methodologyErrors) = MethodologyReader.Read(sheet.FileName,
            filled.Where(MethodologyReader.IsRule).ToList(), basis);
        errors.AddRange(methodologyErrors);
        var registry = ReadRegistry(sheet.FileName, filled.Where(IsRegistryRow).ToList(), errors);
        if (errors.Count > 0 || rules is null) return new(null, errors, warnings);
        var context = new PlanFileContext(horizon, rules, registry);

        var rowValidator = new PlanRowValidator(context);
        var rows = new List<PlanRow>();
        foreach (var raw in filled.Where(r => !MethodologyReader.IsRule(r) && !IsRegistryRow(r)))
        {
            var result = rowValidator.Validate(raw);
            Collect(result, sheet.FileName, _ => (raw.Number, null), errors, warnings);
            if (result.Errors.All(f => f.Severity != Severity.Error)) rows.Add(PlanRow.From(raw, context));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, 0, "", "", "il file non contiene righe",
                "aggiungere le righe del piano sotto l'intestazione"));
        if (errors.Count == 0)
            foreach (var misfit in MethodologyFit.Problems(rules, rows.Where(r => !r.IsIndicator
                         && r.Level != Level.Entity).Select(r => r.LevelName),
                         rows.Where(r => r.IsIndicator).Select(r => r.LevelName)))
                errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName,
                    filled.LastOrDefault(MethodologyReader.IsRule)?.Number ?? 0, PlanColumns.Parent, "", misfit,
                    "correggere il livello nella colonna Padre delle righe «Metodologia» o il Livello delle righe"));
        if (errors.Count == 0)
            Collect(new PlanTreeValidator(rules).Validate(rows), sheet.FileName,
                f => ((int, string?))f.CustomState, errors, warnings);
        if (errors.Count > 0) return new(null, errors, warnings);
        warnings.AddRange(MeasureRowChecks.CountEqualsWarnings(rows, sheet.FileName));

        return new(Build(rows, registry, entity, context, warnings, sheet.Rows.Count), errors, warnings);
    }

    static bool IsRegistryRow(RawRow row) => row[PlanColumns.Level].Trim() is var l
        && (l.Equals(LevelNames.Holder, StringComparison.OrdinalIgnoreCase)
            || l.Equals(LevelNames.Office, StringComparison.OrdinalIgnoreCase));

    /// <summary>The registry rows: a code (no comma) and a name each, every code once per kind.</summary>
    static PlanRegistry ReadRegistry(string file, IReadOnlyList<RawRow> rows, List<ImportIssue> errors)
    {
        var entries = new List<RegistryEntryDefined>();
        foreach (var row in rows)
        {
            var kind = row[PlanColumns.Level].Equals(LevelNames.Holder, StringComparison.OrdinalIgnoreCase)
                ? RegistryKind.Holder : RegistryKind.Office;
            var code = row[PlanColumns.Code].Trim();
            var name = row[PlanColumns.Description].Trim();
            void Fail(string column, string value, string message, string fix) =>
                errors.Add(new ImportIssue(IssueSeverity.Error, file, row.Number, column, value, message, fix));
            if (code.Length == 0 || code.Contains(',') || code.Contains(';'))
                Fail(PlanColumns.Code, code, "codice mancante o con virgole", "scrivere il codice usato nelle colonne "
                    + "Titolari/Uffici, es. «SG» o «AVV. GEN.»");
            else if (entries.Any(e => e.Kind == kind && e.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
                Fail(PlanColumns.Code, code, "codice già dichiarato", "dichiarare ogni codice una volta sola");
            else entries.Add(new RegistryEntryDefined(kind, code, name.Length == 0 ? code : name));
        }
        return new PlanRegistry(entries);
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

    static PlanDefinition Build(List<PlanRow> rows, PlanRegistry registry, string entity, PlanFileContext context,
        List<ImportIssue> warnings, int rowCount)
    {
        var ente = rows.Single(r => r.Level == Level.Entity);
        var definitions = registry.Entries.Cast<IPlanEvent>()
            .Concat(rows.Where(r => r.Level != Level.Entity).Select(ToEvent)).ToList();
        var weights = rows.Where(r => r.IsIndicator).SelectMany(r => r.Weights.Select(w => (r.Code, w.Holder,
            w.Weight)))
            .GroupBy(x => x.Holder)
            .Select(g => new HolderWeightsAssigned(g.Key, g.Select(x => new HolderWeight(x.Code, x.Weight)).ToList()))
            .ToList();
        var year = context.Horizon[0];
        return new PlanDefinition($"{entity}-{year}", entity, ente.Description, year, context.Horizon, ente.Budget,
            context.Methodology, definitions, weights, warnings.Select(w => w.ToString()).ToList(), rowCount);
    }

    /// <summary>The event that defines a validated row of the tree.</summary>
    public static IPlanEvent ToEvent(PlanRow r) => r.IsIndicator
        ? new IndicatorDefined(r.Code, r.Level, r.Parent, r.Description, r.Algorithm, r.Measure!.Value,
            r.Comparator!.Value, r.Targets, r.Offices, r.Holders)
        {
            LevelName = Definitions.NameIfNotSeed(r.Level, r.LevelName), Weight = r.NodeWeight,
            Unit = r.Unit, InterimTargets = r.InterimTargets.Count == 0 ? null : r.InterimTargets,
            Calendar = r.Calendar,
        }
        : Definitions.Node(r.Level, r.LevelName, r.Code, r.Parent, r.Description, r.Perspectives, r.Budget, r.Offices,
            r.Holders, r.NodeWeight);

    [GeneratedRegex(@"^Target\s+([0-9]{4})$", RegexOptions.IgnoreCase)] private static partial Regex TargetHeader();
}
