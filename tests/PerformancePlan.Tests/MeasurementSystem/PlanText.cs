using PerformancePlan.Domain.Import;
using PerformancePlan.Host.Files;

namespace PerformancePlan.Tests.MeasurementSystem;

/// <summary>A plan file written by a test, as its lines, read as the product reads a user's file.</summary>
public static class PlanText
{
    public const string Header = "Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;"
        + "Target 2019;Target 2020;Target 2021;Uffici;Titolari;Pesi;Peso";

    /// <summary>Writes <paramref name="lines"/> (header included) to a temporary CSV; returns its path.</summary>
    public static string Write(IEnumerable<string> lines, string name = "piano.csv")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfplan-smvp-").FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Reads the lines as a plan file of entity <paramref name="entity"/>.</summary>
    public static PlanImportResult Import(IEnumerable<string> lines, string entity = "prova") =>
        PlanFileImporter.Read(SheetReader.Read(Write(lines)), entity);
}
