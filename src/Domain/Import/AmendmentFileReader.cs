namespace PerformancePlan.Domain.Import;

/// <summary>
/// Reads an amendment file: the plan file's columns plus <c>Operazione</c> (<c>modifica</c>, <c>aggiungi</c>,
/// <c>ritira</c>, <c>rinumera</c>). <c>modifica</c> changes the non-empty cells of an existing row (targets, offices,
/// holders, weights); <c>aggiungi</c> is a whole plan-file row; <c>ritira</c> needs only the code; <c>rinumera</c>
/// gives an indicator the new code in Codice (and parent in Padre, if it moves), naming the old one in
/// <c>Codice precedente</c>: same identity. Rows with Livello <c>Metodologia</c> change a rule of the
/// measurement system (<see cref="MethodologyReader"/>: e.g. Codice <c>tolleranza</c>, the value in Descrizione); the
/// rules' final values build one <see cref="Methodology"/>.
/// </summary>
public static class AmendmentFileReader
{
    public const string Operation = "Operazione";
    public const string PreviousCode = "Codice precedente";

    public static (IReadOnlyList<PlanChange> Changes, IReadOnlyList<ImportIssue> Errors) Read(RawSheet sheet, Plan plan)
    {
        var errors = new List<ImportIssue>();
        var changes = new List<PlanChange>();
        var weights = new Dictionary<string, Dictionary<string, decimal>>();
        var methodologyRows = new List<RawRow>();
        Dictionary<string, decimal> WeightsOf(string holder) => weights.TryGetValue(holder, out var map) ? map
            : weights[holder] = plan.Weights.FirstOrDefault(x => x.Holder == holder)?.Weights
                .ToDictionary(x => x.Indicator, x => x.Weight) ?? [];
        void Fail(RawRow row, string column, string message, string fix) =>
            errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, row.Number, column, row[column], message,
                fix));

        if (!sheet.Headers.Contains(Operation,
            StringComparer.OrdinalIgnoreCase) || !sheet.Headers.Contains(PlanColumns.Code,
                StringComparer.OrdinalIgnoreCase))
            return ([], [new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, Operation, "", "mancano le colonne "
                + "«Operazione» e «Codice»",
                "usare le colonne del file del piano più «Operazione» (modifica, aggiungi, ritira)")]);

        foreach (var row in sheet.Rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))))
        {
            var op = row[Operation].ToLowerInvariant();
            var code = Codes.TryParseIndicator(row[PlanColumns.Code], out var ic,
                out _) ? ic.Value : row[PlanColumns.Code];
            if (MethodologyReader.IsRule(row))
            {
                methodologyRows.Add(row);
                continue;
            }
            switch (op)
            {
                case "rinumera":
                    var oldCode = Codes.TryParseIndicator(row[PreviousCode], out var oc,
                        out _) ? oc.Value : row[PreviousCode];
                    if (plan.IndicatorOf(oldCode) is not { } old) { Fail(row, PreviousCode, "indicatore inesistente "
                        + "nel piano", "indicare in «Codice precedente» il codice attuale dell'indicatore"); break; }
                    var seedShaped = Codes.TryParseIndicator(old.Code, out _, out _);
                    if (!Codes.IsPlanCode(code) || (seedShaped && (!Codes.TryParseIndicator(code, out var nc, out _)
                            || nc.Level != old.Level))) { Fail(row,
                        PlanColumns.Code, "nuovo codice non valido per l'indicatore",
                            $"un codice dello stesso livello, es. «{old.Code[..^1]}z»"); break; }
                    changes.Add(new Renumber(old.Code, code, row[PlanColumns.Parent]));
                    foreach (var map in weights.Values.Where(m => m.ContainsKey(old.Code)))
                    {
                        map[code] = map[old.Code];
                        map.Remove(old.Code);
                    }
                    break;
                case "ritira":
                    if (plan.IndicatorOf(code) is null && plan.Node(code) is null)
                        Fail(row, PlanColumns.Code, "codice inesistente nel piano", "indicare un codice del piano in "
                            + "vigore");
                    else changes.Add(new Withdraw(code));
                    break;
                case "aggiungi":
                    var context = PlanFileContext.Of(plan);
                    var issues = new PlanRowValidator(context).Validate(row)
                        .Errors.Where(f => f.Severity == FluentValidation.Severity.Error).ToList();
                    foreach (var f in issues)
                        errors.Add(new ImportIssue(IssueSeverity.Error, sheet.FileName, row.Number, f.PropertyName,
                            f.AttemptedValue?.ToString() ?? "", f.ErrorMessage, f.CustomState as string ?? ""));
                    if (issues.Count > 0) break;
                    var r = PlanRow.From(row, context);
                    foreach (var (holder, weight) in r.Weights) WeightsOf(holder)[r.Code] = weight;
                    changes.Add(new AddDefinition(PlanFileImporter.ToEvent(r)));
                    break;
                case "modifica":
                    if (plan.IndicatorOf(code) is not { } indicator) { Fail(row, PlanColumns.Code,
                        "indicatore inesistente nel piano",
                            "«modifica» vale per gli indicatori del piano in vigore"); break; }
                    foreach (var year in plan.Horizon)
                    {
                        var text = row[PlanColumns.Target(year)];
                        if (text.Length == 0) continue;
                        var t = CellParsers.Target(text, indicator.Measure, indicator.Comparator, year);
                        if (!t.Ok) Fail(row, PlanColumns.Target(year), t.Error!, t.Fix ?? "");
                        else changes.Add(new ReviseTarget(indicator.Code, year, t.Value));
                    }
                    var offices = row[PlanColumns.Offices].Length > 0
                        ? CellParsers.Offices(row[PlanColumns.Offices], PlanRegistry.Of(plan)) : null;
                    var holders = row[PlanColumns.Holders].Length > 0
                        ? CellParsers.Holders(row[PlanColumns.Holders], PlanRegistry.Of(plan)) : null;
                    if (offices is { Ok: false }) Fail(row, PlanColumns.Offices, offices.Error!, offices.Fix ?? "");
                    if (holders is { Ok: false }) Fail(row, PlanColumns.Holders, holders.Error!, holders.Fix ?? "");
                    if (offices is not null || holders is not null)
                        changes.Add(new Reassign(indicator.Code, offices?.Value, holders?.Value));
                    if (row[PlanColumns.Weights].Length > 0)
                    {
                        var w = CellParsers.Weights(row[PlanColumns.Weights], PlanRegistry.Of(plan),
                            plan.Methodology.HolderWeightingInForce);
                        if (!w.Ok) { Fail(row, PlanColumns.Weights, w.Error!, w.Fix ?? ""); break; }
                        foreach (var (holder, weight) in w.Value)
                        {
                            WeightsOf(holder)[indicator.Code] = weight;
                        }
                    }
                    break;
                default:
                    Fail(row, Operation, row[Operation].Length == 0 ? "operazione mancante" : "operazione sconosciuta",
                        "usare «modifica», «aggiungi», «ritira» o «rinumera»");
                    break;
            }
        }
        changes.AddRange(weights.Select(w => new ChangeWeights(w.Key,
            w.Value.Select(x => new HolderWeight(x.Key, x.Value)).ToList())));
        // Built once, from the rules' final values: a file may move two rules that are only coherent together.
        var (methodology, methodologyErrors) = MethodologyReader.Read(sheet.FileName, methodologyRows,
            plan.Methodology);
        errors.AddRange(methodologyErrors);
        if (errors.Count == 0 && methodology is not null && methodology != plan.Methodology)
            changes.Add(new ChangeMethodology(methodology));
        return (changes, errors);
    }
}
