using FluentValidation;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Body of <c>POST /api/plans/{id}/results</c>: indicator code, measured value as written (<c>55,5%</c>, <c>12</c>,
/// <c>29/03/2019</c>), reference date <c>gg/mm/aaaa</c>, optional period (<c>Q1</c>, <c>T3</c>… by the plan's
/// calendar) and note, and the value of reference (<c>Valore di riferimento</c>: a benchmark's value, or the baseline
/// year's) where the target needs it.
/// </summary>
public sealed record RecordResultRequest(string Indicator, string Value, string On, string? Period, string? Note,
    string? Reference = null);

/// <summary>Body of <c>POST /api/results/{entryId}/revert</c>: why the entry is wrong.</summary>
public sealed record RevertRequest(string Reason);

/// <summary>
/// Body of <c>POST /api/results/{entryId}/correct</c>: the right value as written (<c>55,5%</c>, <c>12</c>,
/// <c>29/03/2019</c>) and why the entry was wrong.
/// </summary>
public sealed record CorrectResultRequest(string Value, string Reason);

/// <summary>What a correction must hold before the domain is asked.</summary>
public sealed class CorrectResultRequestValidator : AbstractValidator<CorrectResultRequest>
{
    /// <summary>A value and a reason.</summary>
    public CorrectResultRequestValidator()
    {
        RuleFor(r => r.Value).NotEmpty().WithMessage("indicare il valore corretto, es. 55,5% o 12 o 29/03/2019");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("indicare il motivo della correzione");
    }
}

/// <summary>What a result request must hold before the domain is asked (field errors, in Italian).</summary>
public sealed class RecordResultRequestValidator : AbstractValidator<RecordResultRequest>
{
    /// <summary>Indicator and value present, reference date an existing <c>gg/mm/aaaa</c>.</summary>
    public RecordResultRequestValidator()
    {
        RuleFor(r => r.Indicator).NotEmpty().WithMessage("indicare il codice dell'indicatore, es. O1.2.3-a");
        RuleFor(r => r.Value).NotEmpty().WithMessage("indicare il valore misurato, es. 55,5% o 12 o 29/03/2019");
        RuleFor(r => r.On).Must(on => ItalianFormat.TryParseDate(on, out _))
            .WithMessage("la data di riferimento è gg/mm/aaaa, es. 30/04/2019");
    }
}

/// <summary>
/// The entry just recorded: its id, plan, indicator, reference date, period, value (an amount, or the completion
/// date for a deadline indicator), and the entry it corrects, if it is a correction.
/// </summary>
public sealed record RecordedResult(
    Guid EntryId, string Plan, string Indicator, LocalDate On, string? Period, object? Value, Guid? Corrects)
{
    /// <summary>The response for a recorded event.</summary>
    public static RecordedResult Of(ResultRecorded e) => new(e.EntryId, e.PlanId, e.Indicator, e.ReferredTo,
        e.Period, e.Value.Date is { } d ? d : e.Value.Amount, e.Corrects);
}
