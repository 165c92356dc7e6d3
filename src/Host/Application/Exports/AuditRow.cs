namespace PerformancePlan.Host.Application.Exports;

/// <summary>One line of <c>export audit</c>: an event of the plan or its results, in the words users read.</summary>
public sealed record AuditRow(
    long Sequence, string When, string Who, string What, string Subject, string Detail,
    string? Act, string? Reason, string? Refs, string? Operation) : IExportRow
{
    /// <summary>The row of an audit entry; the operation is the correlation id of one command's events.</summary>
    public static AuditRow From(AuditEntry a) => new(
        a.Sequence, a.LocalTime, a.Who, a.What, a.Subject, a.Detail, a.Act, a.Reason, a.Refs, a.CorrelationId);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Cells() => new Dictionary<string, object?>
    {
        ["Sequenza"] = Sequence, ["Quando"] = When, ["Chi"] = Who, ["Cosa"] = What, ["Oggetto"] = Subject,
        ["Dettaglio"] = Detail, ["Atto"] = Act, ["Motivo"] = Reason, ["Riferimenti"] = Refs, ["Operazione"] = Operation,
    };
}
