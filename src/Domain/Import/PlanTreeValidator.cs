using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// Checks what no single row can tell: one entity, unique codes, known parents of the right level whose code
/// the child's code extends, holder weights that sum to 100, budgets that add up (a warning with both figures),
/// and names written two ways (<c>CrealNrete</c> / <c>CreaInRete</c>, a warning). The failure's custom state is
/// <c>(row, fix)</c>.
/// </summary>
public sealed partial class PlanTreeValidator : AbstractValidator<IReadOnlyList<PlanRow>>
{
    public PlanTreeValidator()
    {
        RuleFor(rows => rows).Custom((rows, ctx) =>
        {
            CheckEntity(rows, ctx);
            CheckCodesAndParents(rows, ctx);
            CheckWeights(rows, ctx);
            CheckBudgets(rows, ctx);
            CheckNameVariants(rows, ctx);
        });
    }

    static void CheckEntity(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        var entities = rows.Where(r => r.Level == Level.Entity).ToList();
        if (entities.Count == 0)
            Fail(ctx, 0, PlanColumns.Level, "", "manca la riga dell'ente", "aggiungere una riga «Ente» con codice "
                + "«ENTE» e il budget complessivo");
        foreach (var extra in entities.Skip(1))
            Fail(ctx, extra.Number, PlanColumns.Level, "Ente", $"seconda riga «Ente» (la prima è alla riga "
                + $"{entities[0].Number})",
                "un file descrive il piano di un solo ente");
    }

    static void CheckCodesAndParents(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        var byCode = new Dictionary<string, PlanRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (byCode.TryGetValue(row.Code, out var first))
                Fail(ctx, row.Number, PlanColumns.Code, row.Code, $"codice duplicato (già usato alla riga "
                    + $"{first.Number})",
                    "dare a ogni riga un codice univoco");
            else byCode[row.Code] = row;
        }
        foreach (var row in rows.Where(r => r.Level != Level.Entity))
        {
            if (!byCode.TryGetValue(row.Parent, out var parent))
            {
                Fail(ctx, row.Number, PlanColumns.Parent, row.Parent, "padre sconosciuto: nessuna riga ha questo "
                    + "codice",
                    "indicare il codice di una riga del file");
                continue;
            }
            var expected = TreeRules.ParentLevel[row.Level];
            if (parent.Level != expected)
            {
                Fail(ctx, row.Number, PlanColumns.Parent, row.Parent,
                    $"il padre è un «{Labels.Of(parent.Level)}», ma di un «{Labels.Of(row.Level)}» deve essere un "
                        + $"«{Labels.Of(expected)}»",
                    "correggere il Padre o il Livello");
                continue;
            }
            if (!PrefixAgrees(row, parent))
                Fail(ctx, row.Number, PlanColumns.Code, row.Code,
                    $"il codice non discende dal padre «{parent.Code}»",
                    $"un figlio di «{parent.Code}» ha un codice che lo estende (es. "
                        + $"{Example(row.Level, parent.Code)}); correggere il Codice o il Padre");
        }
    }

    static bool PrefixAgrees(PlanRow row, PlanRow parent) => TreeRules.CodeExtends(row.Level, row.Code, parent.Code);

    static string Example(Level level, string parent) => level switch
    {
        Level.StrategicIndicator => $"«S{parent}.1-a»",
        Level.OperationalIndicator => $"«O{parent}-a»",
        _ => $"«{parent}.1»",
    };

    static void CheckWeights(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        var indicators = rows.Where(r => r.IsIndicator).ToList();
        foreach (var holder in indicators.SelectMany(r => r.Weights.Select(w => w.Holder)).Distinct())
        {
            var held = indicators.Where(r => r.Holders.Contains(holder)).ToList();
            foreach (var missing in held.Where(r => r.Weights.All(w => w.Holder != holder)))
                Fail(ctx, missing.Number, PlanColumns.Weights, "", $"«{holder}» ha pesi su altri indicatori ma non su "
                    + "questo",
                    $"assegnare un peso a «{holder}» su tutti i suoi indicatori, oppure su nessuno (pesi uguali)");
            var sum = held.SelectMany(r => r.Weights.Where(w => w.Holder == holder)).Sum(w => w.Weight);
            if (Math.Abs(sum - 100) > 0.01m)
                Fail(ctx, held.Where(r => r.Weights.Any(w => w.Holder == holder)).Max(r => r.Number),
                    PlanColumns.Weights, ItalianFormat.Decimal(sum),
                    $"i pesi di «{holder}» sommano a {ItalianFormat.Decimal(sum)}% invece di 100% (righe "
                        + $"{string.Join(", ", held.Select(r => r.Number))})",
                    "correggere i pesi perché la somma sia 100");
        }
    }

    static void CheckBudgets(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        foreach (var parent in rows.Where(r => r.Budget is not null && !r.IsIndicator))
        {
            var children = rows.Where(r => !r.IsIndicator
                && string.Equals(r.Parent, parent.Code, StringComparison.OrdinalIgnoreCase)
                && r.Level != Level.Entity && r.Budget is not null).ToList();
            if (children.Count == 0) continue;
            var sum = children.Sum(c => c.Budget!.Value);
            var parts = children.Select(c => $"{c.Code} {ItalianFormat.Euro(c.Budget!.Value)}");
            if (sum != parent.Budget)
                Warn(ctx, parent.Number, PlanColumns.Budget, ItalianFormat.Euro(parent.Budget!.Value),
                    $"il budget di «{parent.Code}» ({ItalianFormat.Euro(parent.Budget!.Value)}) non coincide con la "
                        + $"somma dei suoi figli ({ItalianFormat.Euro(sum)}: {string.Join(" + ", parts)})",
                    "verificare quale dei due importi è corretto");
        }
    }

    /// <summary>
    /// Words that differ as written but read the same once l/I and 0/O are confused: likely typos of one name.
    /// </summary>
    static void CheckNameVariants(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        var seen = new Dictionary<string, (string Word, int Row)>();
        foreach (var row in rows)
            foreach (Match m in Word().Matches(row.Description))
            {
                var word = m.Value;
                var key = word.ToLowerInvariant().Replace('l', 'i').Replace('1', 'i').Replace('0', 'o');
                if (!seen.TryGetValue(key, out var first)) { seen[key] = (word, row.Number); continue; }
                if (!string.Equals(first.Word, word, StringComparison.OrdinalIgnoreCase))
                    Warn(ctx, row.Number, PlanColumns.Description, word,
                        $"«{word}» somiglia a «{first.Word}» (riga {first.Row}): forse lo stesso nome scritto in due "
                            + "modi",
                        "uniformare la grafia del nome");
            }
    }

    static void Fail(ValidationContext<IReadOnlyList<PlanRow>> ctx, int row, string column, string value,
        string message, string fix) =>
        ctx.AddFailure(new ValidationFailure(column, message, value) { CustomState = (row, fix),
            Severity = Severity.Error });

    static void Warn(ValidationContext<IReadOnlyList<PlanRow>> ctx, int row, string column, string value,
        string message, string fix) =>
        ctx.AddFailure(new ValidationFailure(column, message, value) { CustomState = (row, fix),
            Severity = Severity.Warning });

    [GeneratedRegex(@"\b[\p{L}0-9]{6,}\b")] private static partial Regex Word();
}
