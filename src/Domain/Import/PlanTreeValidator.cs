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
    /// <summary>Checks a tree under the seed's measurement system.</summary>
    public PlanTreeValidator() : this(Methodology.Default) { }

    /// <summary>Checks a tree under the measurement system <paramref name="m"/> the file declares.</summary>
    public PlanTreeValidator(Methodology m)
    {
        RuleFor(rows => rows).Custom((rows, ctx) =>
        {
            CheckEntity(rows, ctx);
            CheckCodesAndParents(rows, ctx, m);
            CheckWeights(rows, ctx, m);
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

    static void CheckCodesAndParents(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx,
        Methodology m)
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
            if (ParentError(row, parent, m) is { } error)
            {
                Fail(ctx, row.Number, PlanColumns.Parent, row.Parent, error, "correggere il Padre o il Livello");
                continue;
            }
            if (UsesSeedGrammar(row) && UsesSeedGrammar(parent) && !PrefixAgrees(row, parent))
                Fail(ctx, row.Number, PlanColumns.Code, row.Code,
                    $"il codice non discende dal padre «{parent.Code}»",
                    $"un figlio di «{parent.Code}» ha un codice che lo estende (es. "
                        + $"{Example(row.Level, parent.Code)}); correggere il Codice o il Padre");
        }
        CheckDepth(rows, byCode, ctx);
    }

    /// <summary>
    /// Why <paramref name="parent"/> cannot be the parent of <paramref name="row"/>, or null. Any tree of objectives
    /// under the entity, indicators under objectives: an indicator is never a parent and never hangs from the
    /// entity; between the seed's levels the seed's order holds (an objective may also sit under one of its own level,
    /// a sub-objective); a plan that declares its levels keeps their order; a level declared without indicators has
    /// none.
    /// </summary>
    static string? ParentError(PlanRow row, PlanRow parent, Methodology m)
    {
        if (parent.IsIndicator)
            return $"il padre «{parent.Code}» è un indicatore: sotto un indicatore non si appende nulla";
        if (row.IsIndicator && parent.Level == Level.Entity)
            return "un indicatore appartiene a un obiettivo, non direttamente all'ente";
        if (row.IsIndicator && m.RuleOf(parent.LevelName)?.OwnIndicators == false)
            return $"la metodologia dice che il livello «{parent.LevelName}» non ha indicatori propri";
        if (TreeRules.ParentLevel.TryGetValue(row.Level, out var expected) && parent.Level != Level.Objective
            && parent.Level != expected && !(row.Level == parent.Level && !row.IsIndicator)
            && row.LevelName == Labels.Of(row.Level))
            return $"il padre è un «{parent.LevelName}», ma di un «{row.LevelName}» deve essere un "
                + $"«{Labels.Of(expected)}»";
        if (!row.IsIndicator && m.Levels is { } levels && parent.Level != Level.Entity
            && IndexOf(levels, row.LevelName) < IndexOf(levels, parent.LevelName))
            return $"un «{row.LevelName}» non può stare sotto un «{parent.LevelName}» (livelli del piano: "
                + $"{string.Join(" > ", levels)})";
        return null;
    }

    static int IndexOf(IReadOnlyList<string> levels, string name)
    {
        for (var i = 0; i < levels.Count; i++)
            if (Labels.SameName(levels[i], name)) return i;
        return int.MaxValue;
    }

    /// <summary>At most six levels of objectives under the entity (and no cycle).</summary>
    static void CheckDepth(IReadOnlyList<PlanRow> rows, Dictionary<string, PlanRow> byCode,
        ValidationContext<IReadOnlyList<PlanRow>> ctx)
    {
        foreach (var row in rows.Where(r => r.Level != Level.Entity && !r.IsIndicator))
        {
            var path = new List<string> { row.Code };
            var current = row;
            while (current.Level != Level.Entity && path.Count <= MaxDepth + 1
                   && byCode.TryGetValue(current.Parent, out var up))
            {
                if (path.Contains(up.Code, StringComparer.OrdinalIgnoreCase))
                {
                    Fail(ctx, row.Number, PlanColumns.Parent, row.Parent,
                        $"ciclo di padri: {string.Join(" → ", path.Append(up.Code))}",
                        "ogni obiettivo discende dall'ente: correggere il Padre");
                    path.Clear();
                    break;
                }
                path.Add(up.Code);
                current = up;
            }
            if (path.Count - 1 > MaxDepth)
                Fail(ctx, row.Number, PlanColumns.Parent, row.Parent, $"oltre {MaxDepth} livelli di obiettivi sotto "
                    + "l'ente", "ridurre la profondità dell'albero o correggere il Padre");
        }
    }

    /// <summary>The most levels of objectives a plan may have under the entity.</summary>
    public const int MaxDepth = 6;

    /// <summary>Whether a row's code follows the seed's grammar for its level (then the grammar's checks
    /// apply).</summary>
    static bool UsesSeedGrammar(PlanRow row) => row.Level switch
    {
        Level.Entity => true,
        Level.StrategicArea => Codes.IsArea(row.Code),
        Level.StrategicObjective => Codes.IsStrategicObjective(row.Code),
        Level.OperationalObjective => Codes.IsOperationalObjective(row.Code),
        Level.StrategicIndicator or Level.OperationalIndicator =>
            Codes.TryParseIndicator(row.Code, out var ic, out _) && ic.Level == row.Level,
        _ => false,
    };

    static bool PrefixAgrees(PlanRow row, PlanRow parent) => TreeRules.CodeExtends(row.Level, row.Code, parent.Code);

    static string Example(Level level, string parent) => level switch
    {
        Level.StrategicIndicator => $"«S{parent}.1-a»",
        Level.OperationalIndicator => $"«O{parent}-a»",
        _ => $"«{parent}.1»",
    };

    static void CheckWeights(IReadOnlyList<PlanRow> rows, ValidationContext<IReadOnlyList<PlanRow>> ctx,
        Methodology m)
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
            if (m.HolderWeightingInForce == HolderWeighting.Percent && Math.Abs(sum - 100) > 0.01m)
                Fail(ctx, held.Where(r => r.Weights.Any(w => w.Holder == holder)).Max(r => r.Number),
                    PlanColumns.Weights, ItalianFormat.Decimal(sum),
                    $"i pesi di «{holder}» sommano a {ItalianFormat.Decimal(sum)}% invece di 100% (righe "
                        + $"{string.Join(", ", held.Select(r => r.Number))})",
                    "correggere i pesi perché la somma sia 100, oppure, se sono pesi relativi o punti, dichiararlo con "
                        + "una riga «Metodologia;pesi titolari» di valore «relativi»");
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
