using System.CommandLine;
using System.Diagnostics;
using PerformancePlan.Projections;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan db migrate</c>: creates or upgrades the event store's schema, once (ADR 0023).</summary>
public static class DbCommands
{
    /// <summary><c>perfplan db migrate</c>.</summary>
    public static Command Build(CliContext cli, CommonOptions common) =>
        new Command("db", "Archivio eventi: creazione e aggiornamento dello schema").With(cli, common, Migrate);

    static Command Migrate(CliContext cli, CommonOptions common) =>
        new Command("migrate", "Crea o aggiorna le tabelle dell'archivio eventi e del registro (eseguito anche "
            + "all'avvio di serve e demo e al primo uso di un database nuovo)")
            .OnStore(cli, common, async (_, store, ct) =>
            {
                var watch = Stopwatch.StartNew();
                await MigrateAsync(cli, store, ct);
                return cli.Ok($"Schema dell'archivio eventi aggiornato (versione {SchemaStamp.Version(store)}) "
                    + $"in {watch.Elapsed.TotalSeconds:0.0} s.");
            }, prepare: false);

    /// <summary>Creates or upgrades the schema and stamps it, while the status line says so.</summary>
    public static Task MigrateAsync(CliContext cli, IDocumentStore store, CancellationToken ct) =>
        cli.StepAsync("Creazione o aggiornamento dello schema dell'archivio eventi…",
            () => SchemaStamp.MigrateAsync(store, ct));
}
