namespace PerformancePlan.Domain.Import;

public enum IssueSeverity { Error, Warning }

/// <summary>
/// One problem found in an input file: what (message), where (file, row, column), the value read, and how to fix it.
/// </summary>
public sealed record ImportIssue(
    IssueSeverity Severity, string File, int Row, string Column, string Value, string Message, string Fix)
{
    public override string ToString()
    {
        var where = Row > 0 ? $"{File}, riga {Row}" : File;
        if (Column.Length > 0) where += $", colonna «{Column}»";
        var value = Value.Length > 0 ? $", valore «{Value}»" : "";
        var kind = Severity == IssueSeverity.Error ? "errore" : "avviso";
        var fix = Fix.Length > 0 ? $" Come correggere: {Fix}" : "";
        return $"{kind}: {where}{value}: {Message}.{fix}";
    }
}
