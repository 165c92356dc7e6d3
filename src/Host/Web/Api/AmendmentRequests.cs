using FluentValidation;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// Form of <c>POST /api/plans/{id}/amendments</c> (multipart/form-data): the file of changes, the act, the date
/// from which it is in force (<c>gg/mm/aaaa</c>), the reason (default «variazione in itinere»).
/// </summary>
public sealed record AmendmentForm(IFormFile? File, string? Act, string? On, string? Reason);

/// <summary>
/// Body of <c>POST /api/plans/{id}/indicators/{code}/target</c>: the year, the new target as written (<c>80%</c>,
/// <c>12</c>, <c>31/03/2019</c>), the act, its date <c>gg/mm/aaaa</c> and the reason.
/// </summary>
public sealed record ReviseTargetRequest(int Year, string Value, string Act, string On, string Reason);

/// <summary>Body of <c>POST /api/plans/{id}/amendments/{version}/revert</c>: act, date <c>gg/mm/aaaa</c>, reason.
/// </summary>
public sealed record RevertAmendmentRequest(string Act, string On, string Reason);

/// <summary>
/// Body of <c>POST /api/plans/{id}/indicators/{code}/neutralize</c>: act, reason, and the act's date
/// <c>gg/mm/aaaa</c> (none: out of the means since the start of the year).
/// </summary>
public sealed record NeutralizeRequest(string Act, string Reason, string? On);

/// <summary>A new version of the plan: its number, act, date in force (Europe/Rome), reason, the version it undoes.
/// </summary>
public sealed record AmendmentResponse(
    string Plan, int Version, string Act, LocalDate EffectiveOn, string Reason, int? Reverts)
{
    /// <summary>The response for an amendment event.</summary>
    public static AmendmentResponse Of(PlanAmended e) =>
        new(e.PlanId, e.Version, e.Act, e.EffectiveOn, e.Reason, e.Reverts);
}

/// <summary>An indicator out of every mean: by which act, why, from when (null: since the start of the year).
/// </summary>
public sealed record NeutralizedIndicator(string Plan, string Indicator, string Act, string Reason, LocalDate? On)
{
    /// <summary>The response for a neutralisation event.</summary>
    public static NeutralizedIndicator Of(IndicatorNeutralized e) =>
        new(e.PlanId, e.Indicator, e.Act, e.Reason, e.EffectiveOn);
}

/// <summary>File, act and date of an amendment before the domain is asked (field errors, in Italian).</summary>
public sealed class AmendmentFormValidator : AbstractValidator<AmendmentForm>
{
    /// <summary>A non-empty file, an act, an existing <c>gg/mm/aaaa</c>.</summary>
    public AmendmentFormValidator()
    {
        RuleFor(f => f.File).Must(f => f is { Length: > 0 })
            .WithMessage("allegare il file delle modifiche (campo «file»): CSV separato da ; oppure .xlsx");
        RuleFor(f => f.Act).NotEmpty().WithMessage(Requests.Act);
        RuleFor(f => f.On).Must(Requests.IsDate).WithMessage(Requests.Date);
    }
}

/// <summary>A target revision's fields before the domain is asked.</summary>
public sealed class ReviseTargetRequestValidator : AbstractValidator<ReviseTargetRequest>
{
    /// <summary>A year, a value, an act, a date, a reason.</summary>
    public ReviseTargetRequestValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("indicare l'anno del target, es. 2019");
        RuleFor(r => r.Value).NotEmpty().WithMessage("indicare il nuovo target, es. 80% o 12 o 31/03/2019");
        RuleFor(r => r.Act).NotEmpty().WithMessage(Requests.Act);
        RuleFor(r => r.On).Must(Requests.IsDate).WithMessage(Requests.Date);
        RuleFor(r => r.Reason).NotEmpty().WithMessage(Requests.Reason);
    }
}

/// <summary>An amendment's reversal before the domain is asked.</summary>
public sealed class RevertAmendmentRequestValidator : AbstractValidator<RevertAmendmentRequest>
{
    /// <summary>An act, a date, a reason.</summary>
    public RevertAmendmentRequestValidator()
    {
        RuleFor(r => r.Act).NotEmpty().WithMessage(Requests.Act);
        RuleFor(r => r.On).Must(Requests.IsDate).WithMessage(Requests.Date);
        RuleFor(r => r.Reason).NotEmpty().WithMessage(Requests.Reason);
    }
}

/// <summary>A neutralisation before the domain is asked.</summary>
public sealed class NeutralizeRequestValidator : AbstractValidator<NeutralizeRequest>
{
    /// <summary>An act, a reason, a date if given.</summary>
    public NeutralizeRequestValidator()
    {
        RuleFor(r => r.Act).NotEmpty().WithMessage(Requests.Act);
        RuleFor(r => r.Reason).NotEmpty().WithMessage(Requests.Reason);
        RuleFor(r => r.On).Must(on => string.IsNullOrWhiteSpace(on) || Requests.IsDate(on))
            .WithMessage(Requests.Date);
    }
}

/// <summary>The messages the request validators share.</summary>
static class Requests
{
    public const string Act = "indicare l'atto, es. «Determinazione SG n. 115 del 15/05/2019»";
    public const string Date = "la data dell'atto è gg/mm/aaaa, es. 15/05/2019";
    public const string Reason = "indicare il motivo";

    public static bool IsDate(string? on) => ItalianFormat.TryParseDate(on ?? "", out _);
}
