using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Import;

/// <summary>
/// Reads the rows with <i>Livello</i> <c>Metodologia</c> — of a plan file, of an amendment file, or of a methodology
/// file of their own — into the plan's measurement system (its SMVP), over the rules already in force. One row a rule:
/// <i>Codice</i> names it, <i>Padre</i> the level it applies to (empty: every level), the value is in <i>Valore</i>,
/// else in
/// the first non-empty <i>Target AAAA</i>, else in <i>Descrizione</i> (the amendment file's place). Rules:
/// <c>tolleranza</c>, <c>soglia critica</c> (percent, per level or general); <c>peso obiettivi operativi</c>,
/// <c>peso indicatori strategici</c> (general 40/60); <c>peso obiettivi</c> (per level: share from child objectives);
/// <c>decimali</c> (0–4); <c>livelli</c> (<c>Area strategica &gt; Obiettivo strategico &gt; Obiettivo operativo</c>);
/// <c>indicatori propri</c> (per level, sì/no); <c>aggregazione</c> (<c>media</c> / <c>media ponderata</c>);
/// <c>fascia</c> (label in Descrizione, value <c>76-90</c> or <c>76-90: 15-18</c> points); <c>tetto</c> (percent over
/// 100 that over-achievement may reach); <c>pesi titolari</c> (<c>percentuali</c> / <c>relativi</c>);
/// <c>calendario</c> (<c>quadrimestri</c>, <c>trimestri</c>, <c>semestri</c>, <c>mesi</c>).
/// </summary>
public static partial class MethodologyReader
{
    /// <summary>The <i>Livello</i> of a methodology row.</summary>
    public const string LevelName = "Metodologia";

    /// <summary>The optional column that holds a rule's value.</summary>
    public const string Value = "Valore";

    /// <summary>Whether a row is a methodology row.</summary>
    public static bool IsRule(RawRow row) =>
        row[PlanColumns.Level].Trim().Equals(LevelName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The methodology after <paramref name="rows"/> (methodology rows only) over <paramref name="basis"/>, or the
    /// errors (file, row, column, value, fix) that prevent it; <paramref name="basis"/> itself when there are no rows.
    /// </summary>
    public static (Methodology? Methodology, IReadOnlyList<ImportIssue> Errors) Read(
        string file, IReadOnlyList<RawRow> rows, Methodology basis)
    {
        var state = new Draft(basis);
        var errors = new List<ImportIssue>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            // A rule stated twice for the same level is a contradiction to resolve, not a silent "the last wins";
            // bands are many rows by nature.
            var key = (row[PlanColumns.Code].Trim().ToLowerInvariant(),
                row[PlanColumns.Parent].Trim().ToLowerInvariant());
            if (key.Item1 != "fascia" && seen.TryGetValue(key, out var first))
            {
                errors.Add(new ImportIssue(IssueSeverity.Error, file, row.Number, PlanColumns.Code,
                    row[PlanColumns.Code], $"regola ripetuta (già alla riga {first})",
                    "tenere una sola riga per regola e livello"));
                continue;
            }
            seen[key] = row.Number;
            var (column, value) = ValueOf(row);
            var error = Apply(state, row[PlanColumns.Code].Trim().ToLowerInvariant(), row[PlanColumns.Parent].Trim(),
                value, row[PlanColumns.Description].Trim());
            if (error is not null)
                errors.Add(new ImportIssue(IssueSeverity.Error, file, row.Number,
                    error.Value.OnCode ? PlanColumns.Code : column, error.Value.OnCode ? row[PlanColumns.Code] : value,
                    error.Value.Message, error.Value.Fix));
        }
        if (errors.Count > 0 || rows.Count == 0) return (errors.Count > 0 ? null : basis, errors);
        try
        {
            return (state.Build(), errors);
        }
        catch (DomainException e)
        {
            // Point at the rule that made it incoherent: the last tolerance, threshold or weight row, else the last.
            var culprit = rows.LastOrDefault(r => r[PlanColumns.Code].Trim().ToLowerInvariant() is "tolleranza"
                or "soglia critica" or "peso obiettivi" or "peso obiettivi operativi" or "peso indicatori strategici"
                or "fascia" or "livelli" or "tetto") ?? rows[^1];
            return (null, [new ImportIssue(IssueSeverity.Error, file, culprit.Number, PlanColumns.Code,
                culprit[PlanColumns.Code], e.Message.TrimEnd('.'),
                "correggere le righe «Metodologia» perché le regole siano coerenti")]);
        }
    }

    /// <summary>
    /// A methodology file of its own (for a what-if replay or to attach to an import): the rows with <i>Livello</i>
    /// <c>Metodologia</c>, or every row when the file has no <i>Livello</i> column (header
    /// <c>Codice;Padre;Descrizione;Valore</c>), read over <paramref name="basis"/>.
    /// </summary>
    public static (Methodology? Methodology, IReadOnlyList<ImportIssue> Errors) ReadFile(RawSheet sheet,
        Methodology basis)
    {
        var hasLevel = sheet.Headers.Contains(PlanColumns.Level, StringComparer.OrdinalIgnoreCase);
        if (!sheet.Headers.Contains(PlanColumns.Code, StringComparer.OrdinalIgnoreCase))
            return (null, [new ImportIssue(IssueSeverity.Error, sheet.FileName, 1, PlanColumns.Code, "",
                "manca la colonna «Codice» con il nome della regola",
                "usare l'intestazione «Codice;Padre;Descrizione;Valore», es. «tolleranza;;;5%»")]);
        var rows = sheet.Rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))
            && (!hasLevel || IsRule(r))).ToList();
        if (rows.Count == 0)
            return (null, [new ImportIssue(IssueSeverity.Error, sheet.FileName, 0, PlanColumns.Code, "",
                "il file non contiene regole di metodologia", "scrivere una regola per riga, es. «tolleranza;;;5%»")]);
        return Read(sheet.FileName, rows, basis);
    }

    /// <summary>The rule's value and the column it was read from.</summary>
    static (string Column, string Value) ValueOf(RawRow row)
    {
        if (row[Value].Trim().Length > 0) return (Value, row[Value].Trim());
        var target = row.Cells.Where(c => c.Key.StartsWith(PlanColumns.TargetPrefix, StringComparison.OrdinalIgnoreCase)
            && c.Value.Trim().Length > 0).Select(c => (c.Key, c.Value.Trim())).FirstOrDefault();
        return target.Key is not null ? target : (PlanColumns.Description, row[PlanColumns.Description].Trim());
    }

    static (string Message, string Fix, bool OnCode)? Apply(Draft d, string rule, string level, string value,
        string description)
    {
        string? scope = level.Length == 0 ? null : level;
        switch (rule)
        {
            case "tolleranza" or "soglia critica" or "peso obiettivi":
                if (!TryPercent(value, out var p)) return Unreadable("una percentuale, es. «10%»");
                if (rule == "peso obiettivi" && scope is null) d.OperationalShare = p;
                else d.Level(scope, rule, p);
                return null;
            case "peso obiettivi operativi":
                if (!TryPercent(value, out var op)) return Unreadable("una percentuale, es. «40%»");
                d.OperationalShare = op;
                return null;
            case "peso indicatori strategici":
                if (!TryPercent(value, out var sp)) return Unreadable("una percentuale, es. «60%»");
                d.OperationalShare = 100 - sp;
                return null;
            case "decimali":
                if (!ItalianFormat.TryParsePercent(value, out var dec))
                    return Unreadable("un numero intero da 0 a 4, es. «2»");
                if (dec != decimal.Truncate(dec) || dec is < 0 or > 4)
                    return ("cifre decimali non valide", "scrivere un numero intero da 0 a 4, es. «2»", false);
                d.Decimals = (int)dec;
                return null;
            case "livelli":
                var names = LevelSeparator().Split(value).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
                if (names.Count is < 2 or > 6)
                    return ("i livelli degli obiettivi sono da 2 a 6", "scrivere i livelli dall'alto, separati da «>», "
                        + "es. «Area strategica > Obiettivo strategico > Obiettivo operativo»", false);
                d.Levels = names;
                return null;
            case "indicatori propri":
                if (scope is null) return NeedsLevel();
                if (!TryYesNo(value, out var own)) return Unreadable("«sì» o «no»");
                d.Level(scope, rule, own ? 1 : 0);
                return null;
            case "aggregazione":
                var mode = value.Trim().ToLowerInvariant();
                if (mode is not ("media" or "media ponderata" or "media semplice"))
                    return Unreadable("«media» o «media ponderata» (per Peso)");
                d.Level(scope ?? LevelRule.EveryLevel, rule, mode == "media ponderata" ? 1 : 0);
                return null;
            case "fascia":
                var m = BandRx().Match(value);
                if (!m.Success || !TryPercent(m.Groups[1].Value, out var from) || !TryPercent(m.Groups[2].Value,
                        out var to))
                    return Unreadable("l'intervallo di realizzazione, es. «76-90», ed eventualmente i punti, es. "
                        + "«76-90: 15-18»");
                decimal? pf = null, pt = null;
                if (m.Groups[3].Success)
                {
                    if (!TryPercent(m.Groups[3].Value, out var a) || !TryPercent(m.Groups[4].Value, out var b))
                        return Unreadable("i punti della fascia, es. «76-90: 15-18»");
                    (pf, pt) = (a, b);
                }
                if (description.Length == 0)
                    return ("fascia senza esito", "scrivere in Descrizione l'esito della fascia, es. «Buono»", false);
                d.Bands.Add(new BandRule(from, to, description, pf, pt));
                return null;
            case "tetto" or "sovraperformance":
                if (!TryPercent(value, out var cap)) return Unreadable("una percentuale da 100% a 1000%, es. «120%»");
                d.Cap = cap;
                return null;
            case "pesi titolari":
                var w = value.Trim().ToLowerInvariant();
                if (w is not ("percentuali" or "relativi" or "punti"))
                    return Unreadable("«percentuali» (somma 100) o «relativi» (pesi o punti, normalizzati)");
                d.HolderWeighting = w == "percentuali" ? HolderWeighting.Percent : HolderWeighting.Relative;
                return null;
            case "calendario":
                CalendarKind? kind = value.Trim().ToLowerInvariant() switch
                {
                    "quadrimestri" or "quadrimestrale" => CalendarKind.Quadrimesters,
                    "trimestri" or "trimestrale" => CalendarKind.Quarters,
                    "semestri" or "semestrale" => CalendarKind.Semesters,
                    "mesi" or "mensile" => CalendarKind.Months,
                    _ => null,
                };
                if (kind is null) return Unreadable("«quadrimestri», «trimestri», «semestri» o «mesi»");
                d.Calendar = kind;
                return null;
            default:
                return ("regola sconosciuta", "usare tolleranza, soglia critica, peso obiettivi operativi, peso "
                    + "indicatori strategici, peso obiettivi, decimali, livelli, indicatori propri, aggregazione, "
                    + "fascia, tetto, pesi titolari o calendario", true);
        }
    }

    static (string, string, bool) Unreadable(string what) => ("valore non leggibile", $"scrivere {what}", false);

    static (string, string, bool) NeedsLevel() =>
        ("la regola vale per un livello", "indicare in Padre il livello, es. «Obiettivo operativo»", false);

    static bool TryPercent(string text, out decimal value) => ItalianFormat.TryParsePercent(text, out value);

    static bool TryYesNo(string text, out bool yes)
    {
        var t = text.Trim().ToLowerInvariant();
        yes = t is "sì" or "si" or "yes";
        return yes || t is "no";
    }

    /// <summary>The rules read so far, built into one methodology at the end (two rules may be coherent only
    /// together).</summary>
    sealed class Draft(Methodology basis)
    {
        public decimal Tolerance = basis.TolerancePercent;
        public decimal Critical = basis.CriticalThresholdPercent;
        public decimal OperationalShare = basis.OperationalObjectivesWeightPercent;
        public int Decimals = basis.Decimals;
        public IReadOnlyList<string>? Levels = basis.Levels;
        // A file that states bands states the whole table: it replaces the one in force.
        public readonly List<BandRule> Bands = [];
        public decimal? Cap = basis.OverAchievementCapPercent;
        public HolderWeighting? HolderWeighting = basis.HolderWeighting;
        public CalendarKind? Calendar = basis.Calendar;
        readonly Dictionary<string, LevelRule> rules = (basis.LevelRules ?? [])
            .ToDictionary(r => r.Level, StringComparer.OrdinalIgnoreCase);

        public void Level(string? level, string rule, decimal value)
        {
            if (level is null)
            {
                if (rule == "tolleranza") Tolerance = value;
                else Critical = value;
                return;
            }
            var r = rules.GetValueOrDefault(level) ?? new LevelRule(level);
            rules[level] = rule switch
            {
                "tolleranza" => r with { TolerancePercent = value },
                "soglia critica" => r with { CriticalThresholdPercent = value },
                "peso obiettivi" => r with { ChildObjectivesWeightPercent = value },
                "indicatori propri" => r with { OwnIndicators = value == 1 },
                _ => r with { RollUp = value == 1 ? RollUp.WeightedMean : RollUp.Mean },
            };
        }

        public Methodology Build()
        {
            var levelRules = rules.Values.ToList();
            return new Methodology(Tolerance, Critical, OperationalShare, 100 - OperationalShare, Decimals, Levels,
                levelRules.Count == 0 ? null : levelRules, Bands.Count == 0 ? basis.Bands : Bands, Cap, HolderWeighting,
                Calendar);
        }
    }

    [GeneratedRegex(@"\s*(?:>|→|»)\s*")] private static partial Regex LevelSeparator();

    [GeneratedRegex(@"^\s*(?:da\s+)?([0-9]+(?:,[0-9]+)?)\s*%?\s*(?:-|–|a)\s*([0-9]+(?:,[0-9]+)?)\s*%?\s*"
        + @"(?:(?::|→|=)\s*"
        + @"([0-9]+(?:,[0-9]+)?)\s*(?:-|–|a)\s*([0-9]+(?:,[0-9]+)?)\s*(?:punti)?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BandRx();
}
