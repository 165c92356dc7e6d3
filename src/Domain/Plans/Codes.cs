using System.Text.RegularExpressions;

namespace PerformancePlan.Domain.Plans;

/// <summary>
/// Codes of the plan tree: areas <c>1</c>, strategic objectives <c>1.1</c>, operational objectives <c>1.1.1</c>,
/// indicators <c>S1.1.1-a</c> (strategic, of objective 1.1) and <c>O1.1.1-a</c> (operational, of 1.1.1).
/// </summary>
public static partial class Codes
{
    public const string EntityCode = "ENTE";

    public static bool IsArea(string code) => AreaRx().IsMatch(code);
    public static bool IsStrategicObjective(string code) => StrategicRx().IsMatch(code);
    public static bool IsOperationalObjective(string code) => OperationalRx().IsMatch(code);

    /// <summary>
    /// Reads an indicator code, accepting the digit zero where the letter O is meant (<c>01.2.4-a</c>);
    /// <paramref name="normalised"/> tells the caller that it had to correct it.
    /// </summary>
    public static bool TryParseIndicator(string raw, out IndicatorCode code, out bool normalised)
    {
        code = default!;
        normalised = false;
        var m = IndicatorRx().Match(raw.Trim());
        if (!m.Success) return false;
        var letter = char.ToUpperInvariant(m.Groups[1].Value[0]);
        if (letter == '0') { letter = 'O'; normalised = true; }
        var value = $"{letter}{m.Groups[2].Value}-{m.Groups[3].Value.ToLowerInvariant()}";
        normalised |= value != raw.Trim();
        code = new IndicatorCode(value, letter == 'S' ? Level.StrategicIndicator : Level.OperationalIndicator,
            m.Groups[2].Value);
        return true;
    }

    /// <summary>Reads a holder code; <c>P02</c> (zero for the letter O) is read as <c>PO2</c>.</summary>
    public static bool TryParseHolder(string raw, out string holder, out bool normalised)
    {
        holder = raw.Trim().ToUpperInvariant();
        normalised = false;
        if (holder == "SG") { normalised = raw.Trim() != holder; return true; }
        var m = HolderRx().Match(holder);
        if (!m.Success) return false;
        var fixedCode = "PO" + m.Groups[2].Value;
        normalised = raw.Trim() != fixedCode;
        holder = fixedCode;
        return true;
    }

    public static bool IsOffice(string code) => OfficeRx().IsMatch(code);

    /// <summary>
    /// Any code a plan may give a row: letters, digits, <c>.</c>, <c>-</c>, <c>_</c>, no spaces, starting with a letter
    /// or digit (<c>011.005</c>, <c>149.1</c>, <c>DAG</c>, <c>KPI01</c>; leading zeros are part of the code).
    /// </summary>
    public static bool IsPlanCode(string code) =>
        code.Trim().Length <= MaxCodeLength && PlanCodeRx().IsMatch(code.Trim());

    /// <summary>The longest code a plan may give a row (characters): codes are cited in tables and URLs.</summary>
    public const int MaxCodeLength = 64;

    [GeneratedRegex(@"^[0-9]+$")] private static partial Regex AreaRx();
    [GeneratedRegex(@"^[0-9]+\.[0-9]+$")] private static partial Regex StrategicRx();
    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$")] private static partial Regex OperationalRx();
    [GeneratedRegex(@"^([SsOo0])([0-9]+\.[0-9]+\.[0-9]+)-([A-Za-z0-9]+)$")] private static partial Regex IndicatorRx();
    [GeneratedRegex(@"^P([O0])([0-9]+)$")] private static partial Regex HolderRx();
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(\.[0-9]+)?$")] private static partial Regex OfficeRx();
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._\-]*$")] private static partial Regex PlanCodeRx();
}

/// <param name="Value">Normalised code, e.g. <c>O1.2.4-a</c>.</param>
/// <param name="Objective">The objective path the code names, e.g. <c>1.2.4</c>.</param>
public sealed record IndicatorCode(string Value, Level Level, string Objective)
{
    public override string ToString() => Value;
}
