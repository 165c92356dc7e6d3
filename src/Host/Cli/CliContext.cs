using System.Text.Json;
using JasperFx;
using PerformancePlan.Host.Database;
using PerformancePlan.Projections;
using Spectre.Console;

namespace PerformancePlan.Host.Cli;

/// <summary>
/// What every verb needs: the console, the clock, JSON settings, and a store opened on the right database.
/// </summary>
/// <param name="variables">Reads an environment variable (<c>PERFPLAN_USER</c>); the process's own by default,
/// a test's in process.</param>
/// <param name="input">Standard input (passwords for <c>perfplan user</c>); null for the process's own.</param>
/// <param name="sharedStore">A store already open on a prepared schema, used by every verb instead of opening the
/// database named by <c>--db</c>: for a process that runs hundreds of verbs on one database (the fuzz corpus' tests),
/// where opening a store and its first connection per verb would cost more than the verb. Null: each verb opens its
/// own.</param>
public sealed class CliContext(IAnsiConsole console, IAnsiConsole errors, IClock clock,
    Func<string, string?>? variables = null, TextReader? input = null, IDocumentStore? sharedStore = null)
{
    /// <summary>Standard input: what a verb reads a password from when it is not typed at a terminal.</summary>
    public TextReader Input { get; } = input ?? System.Console.In;

    /// <summary>Whether standard input is a terminal (a password is then asked without echo).</summary>
    public bool InputIsTerminal { get; } = input is null && !System.Console.IsInputRedirected;

    /// <summary>The environment variable <paramref name="name"/>, or null when unset.</summary>
    public string? Variable(string name) => (variables ?? Environment.GetEnvironmentVariable)(name);

    /// <summary>Standard output: tables, messages, JSON; control characters of printed text are shown, not obeyed.
    /// </summary>
    public IAnsiConsole Console { get; } = new TerminalSafeConsole(console);

    /// <summary>Standard error: refusals and warnings, one a line; control characters shown, not obeyed.</summary>
    public IAnsiConsole Errors { get; } = new TerminalSafeConsole(errors);

    /// <summary>The clock every verb stamps its events with.</summary>
    public IClock Clock { get; } = clock;

    /// <summary>Writes <paramref name="value"/> to standard output as <see cref="AppJson"/> JSON.</summary>
    public void WriteJson<T>(T value) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, AppJson.Options));

    /// <summary>The database connection of the running verb (for <c>serve</c>, which keeps it alive).</summary>
    public DatabaseConnection? Connection { get; private set; }

    /// <summary>The store of the running verb: <c>--as</c> also finds the local accounts in it.</summary>
    public IDocumentStore? Store { get; private set; }

    /// <summary>
    /// Opens the database (embedded default or configured), runs the action, and always closes both. The schema is
    /// checked with one query and created or upgraded only when fresh or older (<see cref="SchemaStamp"/>); Marten
    /// does not introspect its tables (ADR 0023).
    /// </summary>
    /// <param name="prepare">False for <c>db migrate</c>, which migrates itself.</param>
    /// <param name="databases">The file of several databases (<c>--databases</c>, ADR 0031), if any.</param>
    public async Task<int> WithStoreAsync(string? db, Func<IDocumentStore, Task<int>> action, CancellationToken ct,
        bool prepare = true, string? databases = null)
    {
        try
        {
            if (sharedStore is not null)
            {
                Store = sharedStore;
                return await action(sharedStore);
            }
            StartupTimings.Mark(this, "comando letto");
            DatabaseConnection opened;
            try
            {
                opened = await this.StepAsync("Apertura dell'archivio eventi (PostgreSQL)…",
                    () => DatabaseConnection.OpenAsync(db, ct, databases));
            }
            catch (DomainException e) { return Fail(e.Message, ExitCodes.InvalidInput); }   // the databases file
            await using var connection = opened;
            StartupTimings.Mark(this, "PostgreSQL raggiunto");
            Connection = connection;
            using var store = connection.Layout is { } layout
                ? EventStore.Create(layout, autoCreate: AutoCreate.None)
                : EventStore.Create(connection.ConnectionString, autoCreate: AutoCreate.None);
            StartupTimings.Mark(this, "archivio configurato");
            Store = store;
            if (prepare)
                await this.StepAsync("Preparazione dell'archivio eventi…", () => SchemaStamp.EnsureAsync(store, ct));
            StartupTimings.Mark(this, "schema verificato");
            var code = await action(store);
            StartupTimings.Mark(this, "comando eseguito");
            return code;
        }
        catch (PostgresUnavailableException e) { return Fail(e.Message, ExitCodes.Failure); }
        catch (InvalidInputException e)
        {
            foreach (var issue in e.Issues) Errors.MarkupLine($"[red]{Markup.Escape(issue.ToString())}[/]");
            return Fail("Nessun evento scritto.", ExitCodes.InvalidInput);
        }
        catch (MissingUserException e) { return Fail(e.Message, ExitCodes.InvalidInput); }
        catch (DomainException e) { return Fail(e.Message, ExitCodes.RefusedByRule); }
        catch (StaleVersionException e) { return Fail(e.Message, ExitCodes.RefusedByRule); }
        catch (Exception e) when (e is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Two first writes of one new stream collide as an existing stream id: the same conflict as any other.
            return Fail("Un'altra operazione ha modificato gli stessi dati nello stesso momento: " +
                "nessun evento scritto. Ripetere il comando.", ExitCodes.RefusedByRule);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // A path the user typed (--out, a file to import) that does not exist or may not be written.
            return Fail("Impossibile usare il file indicato: la cartella non esiste o non si può scrivere. " +
                $"Indicare un percorso esistente e scrivibile. ({e.Message})", ExitCodes.InvalidInput);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect of ours, not the user's input: said plainly, with no stack trace unless asked for.
            if (Variable("PERFPLAN_DEBUG") == "1") Errors.WriteLine(e.ToString());
            return Fail($"Errore interno ({e.GetType().Name}: {e.Message}). Ogni evento già confermato resta; "
                + "un comando interrotto non ha scritto nulla. Ripetere con PERFPLAN_DEBUG=1 per i dettagli e "
                + "segnalarli.", ExitCodes.Failure);
        }
    }

    /// <summary>Writes <paramref name="markup"/> to standard output and returns <see cref="ExitCodes.Ok"/>.</summary>
    public int Ok(string markup)
    {
        Console.MarkupLine(markup);
        return ExitCodes.Ok;
    }

    /// <summary>Writes <paramref name="message"/> in red to standard error and returns the exit code.</summary>
    public int Fail(string message, int code)
    {
        Errors.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return code;
    }
}
