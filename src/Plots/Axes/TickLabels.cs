using System.Globalization;

namespace ArithLab.Plots;

/// <summary>Text of values written on a chart outside its axes (bar values), in the invariant culture.</summary>
public static class TickLabels
{
    /// <summary>Four significant digits, invariant: 0.1234, 12.35, 1.235E+05.</summary>
    public static string Value(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture);
}
