using System.CommandLine;
using PerformancePlan.Domain.Accounts;
using PerformancePlan.Host.Application.Accounts;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// <c>perfplan user add|passwd|disable|enable|list</c>: the local accounts of the embedded sign-in (ADR 0026), kept
/// by whom the access table lets manage users (<c>--as</c>, <see cref="Capability.ManageUsers"/>). A password is read
/// from standard input — typed twice without echo at a terminal, else the first line
/// (<c>printf '%s\n' "$PW" | perfplan user add …</c>) — never from the command line, where every user of the machine
/// could read it.
/// </summary>
public static class UserCommands
{
    /// <summary>The <c>user</c> verb and its subcommands.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("user", "Account locali per l'accesso al cruscotto (fornitore incorporato)")
            .With(cli, common, Add, Passwd, Disable, Enable, List);

    /// <summary><c>perfplan user add NAME --role R… [--office U…] [--holder H] [--name "…"] --as ADMIN</c>.</summary>
    public static Command Add(CliContext cli, CommonOptions common)
    {
        var name = Name();
        var roles = new Option<string[]>("--role")
        {
            Description = $"Ruolo ({AccountInput.RoleNames}); ripetibile", Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var offices = new Option<string[]>("--office")
        {
            Description = "Uffici di cui registra i risultati (personale d'ufficio), es. U2.1",
            AllowMultipleArgumentsPerToken = true,
        };
        var holder = new Option<string?>("--holder") { Description = "Codice del titolare (SG, PO2…)" };
        var display = new Option<string?>("--name") { Description = "Nome per esteso, es. \"Registro imprese\"" };
        var entities = new Option<string[]>("--entity")
        {
            Description = "Ente per cui opera (es. cciaa-ms), ripetibile; * per tutti (operatore). Per difetto gli "
                + "enti di chi crea l'account (cciaa-ms se opera per tutti)",
            AllowMultipleArgumentsPerToken = true,
        };
        var user = CommonOptions.As(Capability.ManageUsers);
        return new Command("add", "Crea un account; la password da standard input (mai sulla riga di comando)")
        {
            name, roles, offices, holder, display, entities, user,
        }.OnStore(cli, common, (parse, store, ct) => Guarded(cli, async () =>
        {
            var admin = common.Actor(parse, user);
            var parsed = new List<Role>();
            foreach (var r in Split(parse.GetValue(roles)))
                parsed.Add(AccountInput.ParseRole(r) ?? throw new InvalidAccountException(
                    $"Ruolo «{r}» sconosciuto: {AccountInput.RoleNames}."));
            List<string>? bound = Split(parse.GetValue(entities)) is { Count: > 0 } named ? named
                : admin.ActsForAll ? null : [.. admin.Scope];
            var input = new AccountInput(parse.GetValue(name)!, parse.GetValue(display), parsed,
                Split(parse.GetValue(offices)), parse.GetValue(holder), bound);
            // refuses a bad name, role or entity before the password; and an entity the administrator is not of
            if (!input.ToAccount("", cli.Clock.GetCurrentInstant()).ManagedBy(admin))
                throw new InvalidAccountException($"L'utente «{admin.User}» amministra solo gli enti "
                    + $"{string.Join(", ", admin.Scope)}: non può creare account di {string.Join(", ", bound ?? [])}.");
            var account = await new AccountService(store, cli.Clock).AddAsync(input, ReadPassword(cli), ct);
            return cli.Ok($"[green]Account {Markup.Escape(account.Id)} creato[/] " +
                $"({Markup.Escape(Describe(account))}).");
        }));
    }

    /// <summary><c>perfplan user passwd NAME --as USER</c>: a new password (an admin, or the user themself).</summary>
    public static Command Passwd(CliContext cli, CommonOptions common)
    {
        var (name, user) = (Name(), CommonOptions.As(Capability.ManageUsers));
        return new Command("passwd", "Cambia la password di un account (e ne toglie il blocco)") { name, user }
            .OnStore(cli, common, (parse, store, ct) => Guarded(cli, async () =>
            {
                var target = parse.GetValue(name)!.Trim().ToLowerInvariant();
                // Their own password anyone may change; another's, whom the table lets manage users.
                Actor? admin = null;
                if (string.Equals(common.UserName(parse, user), target, StringComparison.OrdinalIgnoreCase))
                    common.Find(parse, target);
                else admin = common.Actor(parse, user);
                var service = new AccountService(store, cli.Clock);
                if (await service.FindAsync(target, ct) is not { } found
                    || admin is not null && !found.ManagedBy(admin))
                    throw new InvalidAccountException($"Nessun account «{target}»: vedere perfplan user list.");
                await service.SetPasswordAsync(target, ReadPassword(cli), ct);
                return cli.Ok($"[green]Password di {Markup.Escape(target)} cambiata.[/]");
            }));
    }

    /// <summary><c>perfplan user disable NAME --as ADMIN</c>: no more sign-in, no more <c>--as</c>.</summary>
    public static Command Disable(CliContext cli, CommonOptions common) => Toggle(cli, common, "disable", true,
        "Disabilita un account: niente accesso, niente --as, le sessioni aperte finiscono", "disabilitato");

    /// <summary><c>perfplan user enable NAME --as ADMIN</c>.</summary>
    public static Command Enable(CliContext cli, CommonOptions common) => Toggle(cli, common, "enable", false,
        "Riabilita un account disabilitato", "riabilitato");

    /// <summary><c>perfplan user list --as ADMIN [--format table|json]</c>.</summary>
    public static Command List(CliContext cli, CommonOptions common)
    {
        var (user, format) = (CommonOptions.As(Capability.ManageUsers), Formats.Option());
        return new Command("list", "Elenca gli account locali") { user, format }
            .OnStore(cli, common, (parse, store, ct) => Guarded(cli, async () =>
            {
                var admin = common.Actor(parse, user);
                var accounts = (await new AccountService(store, cli.Clock).ListAsync(ct))
                    .Where(a => a.ManagedBy(admin)).ToList();
                var now = cli.Clock.GetCurrentInstant();
                if (parse.GetValue(format) == Formats.Json)
                {
                    cli.WriteJson(accounts.Select(a => new
                    {
                        user = a.Id, name = a.DisplayName, roles = a.Roles.Select(AccountRoleName), offices = a.Offices,
                        holder = a.Holder, entities = a.Actor.Scope, status = Status(a, now),
                    }));
                    return ExitCodes.Ok;
                }
                var table = new Table().AddColumns("Utente", "Nome", "Ruoli", "Uffici", "Titolare", "Stato");
                foreach (var a in accounts)
                    table.AddRow(Markup.Escape(a.Id), Markup.Escape(a.DisplayName ?? ""),
                        Markup.Escape(string.Join(", ", a.Roles.Select(Actor.RoleName))),
                        Markup.Escape(string.Join(" ", a.Offices)), Markup.Escape(a.Holder ?? ""), Status(a, now));
                cli.Console.Write(table);
                return ExitCodes.Ok;
            }));
    }

    static Command Toggle(CliContext cli, CommonOptions common, string verb, bool disabled, string help, string done)
    {
        var (name, user) = (Name(), CommonOptions.As(Capability.ManageUsers));
        return new Command(verb, help) { name, user }.OnStore(cli, common, (parse, store, ct) => Guarded(cli,
            async () =>
            {
                var admin = common.Actor(parse, user);
                var target = parse.GetValue(name)!.Trim().ToLowerInvariant();
                var service = new AccountService(store, cli.Clock);
                // Another administration's account is one that does not exist (ADR 0028).
                if (await service.FindAsync(target, ct) is not { } found || !found.ManagedBy(admin))
                    throw new InvalidAccountException($"Nessun account «{target}»: vedere perfplan user list.");
                await service.SetDisabledAsync(target, disabled, ct);
                return cli.Ok($"[green]Account {Markup.Escape(target)} {done}.[/]");
            }));
    }

    /// <summary>Repeated values, each possibly a comma-separated list (<c>--role admin,oiv</c>).</summary>
    static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))];

    static Argument<string> Name() => new("NOME") { Description = "Nome utente, es. u2.1 o mario.rossi" };

    static async Task<int> Guarded(CliContext cli, Func<Task<int>> action)
    {
        try { return await action(); }
        catch (InvalidAccountException e) { return cli.Fail(e.Message + " Nessuna modifica.", ExitCodes.InvalidInput); }
    }

    /// <summary>The password: typed twice without echo at a terminal, else the first line of standard input.</summary>
    static string ReadPassword(CliContext cli)
    {
        if (!cli.InputIsTerminal)
            return cli.Input.ReadLine() is { Length: > 0 } line ? line
                : throw new InvalidAccountException("Password mancante: scriverla sulla prima riga dello standard "
                    + "input, es. printf '%s\\n' \"$PASSWORD\" | perfplan user add …");
        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("Ripetere la password:").Secret());
        return first == again ? first : throw new InvalidAccountException("Le due password non coincidono.");
    }

    static string AccountRoleName(Role r) => r switch
    {
        Role.Admin => "admin", Role.OfficeStaff => "office", Role.Approver => "approver", Role.Oiv => "oiv",
        Role.Analyst => "analyst", _ => "holder",
    };

    static string Describe(UserAccount a) => string.Join("; ", new[]
    {
        string.Join(", ", a.Roles.Select(Actor.RoleName)),
        a.Offices.Count > 0 ? "uffici " + string.Join(" ", a.Offices) : null,
        a.Holder is { } h ? "titolare " + h : null,
        a.Entities is { Count: > 0 } e ? "enti " + string.Join(" ", e) : null,
    }.OfType<string>());

    static string Status(UserAccount a, Instant now) =>
        a.Disabled ? "disabilitato"
        : a.IsLockedAt(now) ? "bloccato fino alle " + ItalianFormat.LocalTime(a.LockedUntil!.Value)
        : a.Demo ? "attivo (dimostrativo)" : "attivo";
}
