using System.CommandLine;

namespace PerformancePlan.Host.Cli;

/// <summary>Options shared by several verbs.</summary>
public sealed class CommonOptions
{
    /// <summary><c>--db</c>: a PostgreSQL connection string, else <c>PERFPLAN_DB</c>, else the embedded one.
    /// </summary>
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Stringa di connessione PostgreSQL (altrimenti PERFPLAN_DB, altrimenti PostgreSQL incorporato)",
        Recursive = true,
    };

    /// <summary><c>--users</c>: the users file; else <c>PERFPLAN_USERS</c>, else the demo users.</summary>
    public Option<string?> Users { get; } = new("--users")
    {
        Description = "File JSON degli utenti (altrimenti PERFPLAN_USERS, altrimenti gli utenti dimostrativi)",
        Recursive = true,
    };

    /// <summary><c>--plan</c>, required: a plan id such as <c>cciaa-ms-2019</c>, read once here.</summary>
    public static Option<PlanId> Plan() => PlanOption("--plan", "Identificativo del piano, es. cciaa-ms-2019", true);

    /// <summary>
    /// An option naming a plan (<c>--plan</c>, <c>--from</c>, <c>--to</c>): read into a <see cref="PlanId"/>, or
    /// refused with the option's name, the value and an example.
    /// </summary>
    public static Option<PlanId> PlanOption(string name, string description, bool required) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (PlanId.TryParse(text, out var id, out var error)) return id;
            result.AddError($"{name}: {error}");
            return null;
        },
    };

    /// <summary><c>--entity</c>: an entity code such as <c>cciaa-ms</c> (the default), read once here.</summary>
    public static Option<EntityId> Entity(string description) => new("--entity")
    {
        Description = description,
        DefaultValueFactory = _ => EntityId.Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (EntityId.TryParse(text, out var id, out var error)) return id;
            result.AddError($"--entity: {error}");
            return null;
        },
    };

    /// <summary><c>--as</c>, required: the acting user, looked up in the users file.</summary>
    public static Option<string> As() => new("--as")
    {
        Description = "Utente che esegue il comando (vedi users.json)", Required = true,
    };

    /// <summary><c>--as-of gg/mm/aaaa</c> (or ISO <c>aaaa-mm-gg</c>): the plan version in force and the results
    /// referred to up to that day.</summary>
    public static Option<LocalDate?> AsOf() => new("--as-of")
    {
        Description = "Data di riferimento (gg/mm/aaaa): " +
            "la versione del piano in vigore e i risultati riferiti fino a quel giorno",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ItalianFormat.TryParseDay(text, out var d)) return d;
            result.AddError($"--as-of: «{text}» non è una data esistente; scrivere {ItalianFormat.DayForms}");
            return null;
        },
    };

    /// <summary>
    /// <c>--known-at</c>: only what was recorded by then; <c>30/06/2019 18:00</c> (Rome time), <c>30/06/2019</c> (the
    /// end of that day) or ISO 8601 with <c>Z</c> or an offset (<see cref="ItalianFormat.TryParseInstant"/>).
    /// </summary>
    public static Option<Instant?> KnownAt() => new("--known-at")
    {
        Description = "Istante (es. 30/06/2019 18:00, ora di Roma; 30/06/2019 = fine del giorno; " +
            "o ISO 8601 2019-06-30T18:00:00Z): solo ciò che era registrato a quel momento",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ItalianFormat.TryParseInstant(text, out var at)) return at;
            result.AddError($"--known-at: «{text}» non è un istante; scrivere {ItalianFormat.InstantForms}");
            return null;
        },
    };

    /// <summary>A date written dd/mm/yyyy (or ISO yyyy-mm-dd), refused with a clear message otherwise.</summary>
    public static Option<LocalDate> Date(string name, string description) => new(name)
    {
        Description = description + " (gg/mm/aaaa)",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ItalianFormat.TryParseDay(text, out var d)) return d;
            result.AddError($"{name}: «{text}» non è una data esistente; scrivere gg/mm/aaaa, es. 31/01/2019");
            return default;
        },
    };
}
