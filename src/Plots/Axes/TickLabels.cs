using System.Globalization;

namespace ArithLab.Plots;

/// <summary>Tick label text: invariant culture, no floating-point noise, exponent form only for extreme magnitudes.</summary>
public static class TickLabels
{
    /// <summary>
    /// The label of a linear tick at <paramref name="value"/> on an axis stepping by <paramref name="step"/>:
    /// exactly as many decimals as the step needs, so 0.1 + 0.2 prints as 0.3 and a step of 0.25 is not used
    /// (nice steps are 1, 2 or 5 × 10^k).
    /// </summary>
    public static string Linear(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-6)
        {
            return "0";
        }
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e6 || step < 1e-4)
        {
            return Exponent(value, step);
        }
        var decimals = NiceTicks.Decimals(step);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A value outside any axis (cell text, bar labels): four significant digits, invariant.</summary>
    public static string Value(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture);

    // 2.5e-05 reads worse than 2.5e-5; keep the mantissa to the digits the step resolves.
    private static string Exponent(double value, double step)
    {
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9);
        var mantissa = value / Math.Pow(10, exponent);
        var mantissaDecimals = Math.Clamp(exponent - (int)Math.Floor(Math.Log10(step) + 1e-9), 0, 6);
        var m = Math.Round(mantissa, mantissaDecimals).ToString("F" + mantissaDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (m.Contains('.'))
        {
            m = m.TrimEnd('0').TrimEnd('.');
        }
        return $"{m}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
