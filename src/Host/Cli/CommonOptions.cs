using System.CommandLine;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// Options shared by several verbs, and the factories every verb declares its options with; the acting user
/// (<see cref="As"/>) read from <c>--as</c> or the session's <c>PERFPLAN_USER</c> (<paramref name="cli"/>'s
/// environment).
/// </summary>
public sealed class CommonOptions(CliContext cli)
{
    /// <summary>The environment variable naming the user of a CLI session, used when a verb has no <c>--as</c>.
    /// </summary>
    public const string SessionUser = "PERFPLAN_USER";

    /// <summary><c>--db</c>: a PostgreSQL connection string, else <c>PERFPLAN_DB</c>, else the embedded one.
    /// </summary>
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Stringa di connessione PostgreSQL (altrimenti PERFPLAN_DB, altrimenti PostgreSQL incorporato)",
        Recursive = true,
    };

    /// <summary><c>--databases FILE</c>: several databases and the administrations each holds (ADR 0031); else
    /// <c>PERFPLAN_DATABASES</c>, else one database (<see cref="Db"/>).</summary>
    public Option<string?> Databases { get; } = new("--databases")
    {
        Description = "File JSON dei database e degli enti che ciascuno contiene (altrimenti PERFPLAN_DATABASES, "
            + "altrimenti un solo database: --db)",
        Recursive = true,
    };

    /// <summary><c>--users</c>: the users file; else <c>PERFPLAN_USERS</c>, else the demo users.</summary>
    public Option<string?> Users { get; } = new("--users")
    {
        Description = "File JSON degli utenti (altrimenti PERFPLAN_USERS, altrimenti gli utenti dimostrativi)",
        Recursive = true,
    };

    /// <summary>
    /// <c>--as USER</c>: who runs a verb that exercises <paramref name="capability"/>. Required (exit 2 without it,
    /// or without <c>PERFPLAN_USER</c>) unless the capability is public; an unknown user is refused (exit 3) even
    /// where it is optional.
    /// </summary>
    public static ActingUser As(Capability capability) => new(capability);

    /// <summary>The user named by <c>--as</c>, else by <c>PERFPLAN_USER</c>; null when neither names one.</summary>
    public string? UserName(ParseResult parse, ActingUser user) =>
        (parse.GetValue(user) is { Length: > 0 } named ? named : cli.Variable(SessionUser))?.Trim() is
            { Length: > 0 } name ? name : null;

    /// <summary>
    /// The acting user of a verb whose capability needs one: found in the users' directory (<see cref="Users"/>,
    /// <see cref="UserDirectory.Find"/>) and allowed by the access table.
    /// </summary>
    /// <exception cref="MissingUserException">No <c>--as</c>, no <c>PERFPLAN_USER</c> (exit 2).</exception>
    /// <exception cref="UnknownUserException">The user is not configured (exit 3).</exception>
    /// <exception cref="ForbiddenException">The table does not allow the user the verb's capability (exit 3).
    /// </exception>
    public Actor Actor(ParseResult parse, ActingUser user) =>
        OptionalActor(parse, user) ?? throw new MissingUserException(MissingUser(parse, user));

    /// <summary>
    /// The acting user when one is named (checked as by <see cref="Actor"/>), else null: a public verb read by nobody
    /// in particular.
    /// </summary>
    public Actor? OptionalActor(ParseResult parse, ActingUser user)
    {
        if (UserName(parse, user) is not { } name)
            return user.Needed ? throw new MissingUserException(MissingUser(parse, user)) : null;
        var actor = Find(parse, name);
        AccessPolicy.Require(actor, user.Capability);
        return actor;
    }

    /// <summary>
    /// The user <paramref name="name"/>: a local account of the open store first (a disabled one is refused), else the
    /// users file (<see cref="UserDirectory.Find"/>); not checked against the access table.
    /// </summary>
    /// <exception cref="UnknownUserException">Unknown or disabled (exit 3).</exception>
    public Actor Find(ParseResult parse, string name) => UserDirectory.Load(parse.GetValue(Users),
        cli.Store is { } store ? new Application.Accounts.StoredAccounts(store) : null).Find(name);

    /// <summary>
    /// What a verb that needs a user says without one: the verb, what it does and who may, and the two ways to name
    /// the user.
    /// </summary>
    public static string MissingUser(ParseResult parse, ActingUser user)
    {
        var rule = AccessTable.Of(user.Capability);
        var example = rule.Roles.Select(ExampleUser).FirstOrDefault() ?? "admin";
        return $"«{ParseErrors.Path(parse.CommandResult)}» richiede l'utente che lo esegue: aggiungere --as UTENTE "
            + $"(es. --as {example}) oppure indicarlo per la sessione con la variabile {SessionUser} (es. export "
            + $"{SessionUser}={example}). Per {rule.Action} {rule.Need}; utenti nel file --users, "
            + "PERFPLAN_USERS o users.json.";
    }

    /// <summary>The demonstration user of a role (users.json), for the examples of messages.</summary>
    static string ExampleUser(Role role) => role switch
    {
        Role.Admin => "admin", Role.Oiv => "oiv", Role.Analyst => "analista", Role.Approver => "giunta",
        Role.OfficeStaff => "u1.1", _ => "sg",
    };

    /// <summary>A required option with its description, e.g. <c>--indicator</c>.</summary>
    public static Option<T> Required<T>(string name, string description) =>
        new(name) { Description = description, Required = true };

    /// <summary><c>--act</c>, required: the act (deliberation, determination) that decides the change.</summary>
    public static Option<string> Act(string description) => Required<string>("--act", description);

    /// <summary><c>--reason</c>, required: why, kept on record.</summary>
    public static Option<string> Reason(string description) => Required<string>("--reason", description);

    /// <summary><c>--indicator</c>, required: an indicator's code.</summary>
    public static Option<string> Indicator(string description = "Codice dell'indicatore") =>
        Required<string>("--indicator", description);

    /// <summary><c>--plan</c>, required: a plan id such as <c>cciaa-ms-2019</c>, read once here.</summary>
    public static Option<PlanId> Plan() => PlanOption("--plan", "Identificativo del piano, es. cciaa-ms-2019", true);

    /// <summary>
    /// An option naming a plan (<c>--plan</c>, <c>--from</c>, <c>--to</c>): read into a <see cref="PlanId"/>, or
    /// refused with the option's name, the value and an example.
    /// </summary>
    public static Option<PlanId> PlanOption(string name, string description, bool required) =>
        Parsed<PlanId>(name, description, required,
            text => PlanId.TryParse(text, out var id, out var error) ? (id, null) : (null, error));

    /// <summary><c>--entity</c>: an entity code such as <c>cciaa-ms</c> (the default), read once here.</summary>
    public static Option<EntityId> Entity(string description)
    {
        var entity = Parsed<EntityId>("--entity", description, false,
            text => EntityId.TryParse(text, out var id, out var error) ? (id, null) : (null, error));
        entity.DefaultValueFactory = _ => EntityId.Default;
        return entity;
    }

    /// <summary>
    /// A required option naming one or more entity codes (<c>--from cciaa-ms cciaa-lu</c>), each read once here or
    /// refused with the option's name, the value and an example.
    /// </summary>
    public static Option<EntityId[]> Entities(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var ids = new List<EntityId>();
            foreach (var token in result.Tokens)
                if (EntityId.TryParse(token.Value, out var id, out var error)) ids.Add(id);
                else result.AddError($"{name}: {error}");
            return [.. ids];
        },
    };

    /// <summary><c>--as-of gg/mm/aaaa</c> (or ISO <c>aaaa-mm-gg</c>): the plan version in force and the results
    /// referred to up to that day.</summary>
    public static Option<LocalDate?> AsOf() => Parsed<LocalDate?>("--as-of", "Data di riferimento (gg/mm/aaaa): " +
        "la versione del piano in vigore e i risultati riferiti fino a quel giorno", false,
        text => Day(text, ItalianFormat.DayForms));

    /// <summary>
    /// <c>--known-at</c>: only what was recorded by then; <c>30/06/2019 18:00</c> (Rome time), <c>30/06/2019</c> (the
    /// end of that day) or ISO 8601 with <c>Z</c> or an offset (<see cref="ItalianFormat.TryParseInstant"/>).
    /// </summary>
    public static Option<Instant?> KnownAt() => Parsed<Instant?>("--known-at", "Istante (es. 30/06/2019 18:00, " +
        "ora di Roma; 30/06/2019 = fine del giorno; o ISO 8601 2019-06-30T18:00:00Z): solo ciò che era registrato a " +
        "quel momento", false, text => ItalianFormat.TryParseInstant(text, out var at)
            ? (at, null) : (null, $"«{text}» non è un istante; scrivere {ItalianFormat.InstantForms}"));

    /// <summary>A date written dd/mm/yyyy (or ISO yyyy-mm-dd), refused with a clear message otherwise.</summary>
    public static Option<LocalDate> Date(string name, string description, bool required = true) =>
        Parsed<LocalDate>(name, description + " (gg/mm/aaaa)", required,
            text => Day(text, "gg/mm/aaaa, es. 31/01/2019"));

    static (LocalDate Day, string? Error) Day(string text, string forms) => ItalianFormat.TryParseDay(text, out var d)
        ? (d, null) : (d, $"«{text}» non è una data esistente; scrivere {forms}");

    /// <summary>
    /// An option whose text <paramref name="read"/> turns into a value once, here; or refuses with an error that
    /// the option's name prefixes (exit 2, <see cref="ParseErrors"/>).
    /// </summary>
    /// <summary>
    /// <c>--expected-version N</c>: the version of an indicator's results the user read (printed by
    /// <c>results record</c> and <c>results list</c>); the write is refused (exit 3) if another came first.
    /// </summary>
    public static Option<long?> ExpectedVersion() => Parsed<long?>("--expected-version",
        "Versione dei risultati dell'indicatore letta prima (results list, o stampata da results record): se nel "
        + "frattempo un altro ha registrato, nulla è scritto (uscita 3) — come If-Match nell'API", false,
        text => text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) ? (long.Parse(text), null)
            : (null, $"«{text}» non è una versione: scrivere un numero intero da 0 in su, quello stampato da "
                + "«results record» o «results list» (versione N)"));

    static Option<T> Parsed<T>(string name, string description, bool required,
        Func<string, (T? Value, string? Error)> read) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var (value, error) = read(result.Tokens.Count > 0 ? result.Tokens[0].Value : "");
            if (error is null) return value;
            result.AddError($"{name}: {error}");
            return default;
        },
    };
}

/// <summary>
/// The <c>--as</c> option of a verb, carrying the <see cref="Capability"/> the verb exercises: the one declaration of
/// what a verb needs, read by <see cref="Verbs.OnStore"/> (a missing user is exit 2 before the database is opened)
/// and by <see cref="CommonOptions.Actor"/>.
/// </summary>
public sealed class ActingUser : Option<string?>
{
    /// <summary>The option of a verb exercising <paramref name="capability"/>.</summary>
    public ActingUser(Capability capability) : base("--as")
    {
        Capability = capability;
        Description = Needed
            ? $"Utente che esegue il comando (obbligatorio; altrimenti {CommonOptions.SessionUser}); vedi users.json"
            : $"Utente che esegue il comando (facoltativo; altrimenti {CommonOptions.SessionUser})";
    }

    /// <summary>What the verb does, as the access table names it.</summary>
    public Capability Capability { get; }

    /// <summary>True when the capability is not public: the verb needs a user.</summary>
    public bool Needed => !AccessTable.Of(Capability).Public;
}

/// <summary>A verb that needs a user was run without one (exit 2): the message says how to name it.</summary>
public sealed class MissingUserException(string message) : Exception(message);
