namespace PerformancePlan.Host.Application.Views;

/// <summary>A recorded value as users write it: <c>29/03/2019</c>, <c>55,5%</c>, <c>12</c>.</summary>
public static class ResultText
{
    public static string Of(ResultValue v, Indicator? indicator = null) =>
        v.Date is { } d ? ItalianFormat.Date(d)
        : indicator?.Measure == MeasureKind.Percent ? ItalianFormat.Percent(v.Amount ?? 0)
        : ItalianFormat.Decimal(v.Amount ?? 0);
}
