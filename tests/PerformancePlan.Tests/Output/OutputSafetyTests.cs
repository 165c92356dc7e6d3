using Npgsql;
using PerformancePlan.Host.Application.Exports;
using PerformancePlan.Tests.Infrastructure;

namespace PerformancePlan.Tests.Output;

/// <summary>
/// What perfplan prints or exports cannot act on whoever reads it: a stored note with an escape sequence does not
/// clear the terminal of <c>perfplan audit</c>, a CSV cell does not run as a formula in a spreadsheet.
/// </summary>
public class OutputSafetyTests(PostgresCluster cluster) : ApprovedPlanCli(cluster, "output_")
{
    sealed record Row(string Note, object? Number) : IExportRow
    {
        public IReadOnlyDictionary<string, object?> Cells() =>
            new Dictionary<string, object?> { ["Note"] = Note, ["Numero"] = Number };
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"clic\")", "'=HYPERLINK")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+cmd|' /C calc'!A0", "'-1+cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-5", "-5;")]
    [InlineData("-12,5%", "-12,5%;")]
    [InlineData("nota semplice", "nota semplice;")]
    public void A_csv_text_cell_that_would_run_as_a_formula_gets_a_leading_quote(string note, string written)
    {
        var csv = CsvWriter.Write([new Row(note, -3.5m)]);

        csv.ShouldContain(written);
        csv.ShouldEndWith(";-3,5\r\n", customMessage: "a negative number keeps its sign");
    }

    [Fact]
    public async Task A_stored_note_with_an_escape_sequence_is_shown_not_obeyed_by_audit()
    {
        (await Run("results", "record", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a", "--value", "3",
            "--on", "30/04/2019", "--note", "NOTA", "--as", "admin")).ExitCode.ShouldBe(0);
        await WriteAsBeforeTheInputCheckAsync("\u001b[2J\u001b[31mschermo pulito\u0007");

        var audit = await Run("audit", "--as", "analista", "--plan", "cciaa-ms-2019", "--indicator", "O1.2.4-a");

        audit.ExitCode.ShouldBe(0, audit.Errors);
        audit.Output.ShouldNotContain("\u001b");
        audit.Output.ShouldNotContain("\u0007");
        audit.Output.ShouldContain("·[2J·[31mschermo pulito·");
    }

    /// <summary>Puts <paramref name="note"/> into the stored event, as data older than the input check would be.
    /// </summary>
    async Task WriteAsBeforeTheInputCheckAsync(string note)
    {
        await using var conn = new NpgsqlConnection(Db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("update perfplan.mt_events set data = jsonb_set(data, '{note}', " +
            "to_jsonb($1::text)) where data->>'note' = 'NOTA'", conn) { Parameters = { new() { Value = note } } };
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
