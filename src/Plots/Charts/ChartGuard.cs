using System.Globalization;

namespace ArithLab.Plots;

/// <summary>Guard clauses shared by the chart types.</summary>
internal static class ChartGuard
{
    public static void Size(double width, double height)
    {
        if (!(width >= 100) || !(height >= 100) || !double.IsFinite(width) || !double.IsFinite(height))
        {
            throw new ArgumentException($"chart size must be at least 100 × 100 pixels and finite, got {width} × {height}");
        }
    }

    public static void Axis(AxisOptions axis, string name)
    {
        ArgumentNullException.ThrowIfNull(axis, name);
        if (axis.Min is double lo && !double.IsFinite(lo) || axis.Max is double hi && !double.IsFinite(hi))
        {
            throw new ArgumentException($"{name} axis: Min and Max must be finite, got Min = {axis.Min}, Max = {axis.Max}");
        }
        if (axis.Min is double a && axis.Max is double b && !(b > a))
        {
            throw new ArgumentException($"{name} axis: Max ({b}) must be greater than Min ({a})");
        }
        if (axis.Scale == AxisScale.Log10 && (axis.Min is <= 0 || axis.Max is <= 0))
        {
            throw new ArgumentException($"{name} axis: on a log axis Min must be > 0 and Max must be > 0, got Min = {axis.Min}, Max = {axis.Max}");
        }
    }

    /// <summary>
    /// A log axis cannot place zero or a negative value. Drawing the rest would hide that some data
    /// is missing from the figure, so such a value is refused, naming the series and the point.
    /// NaN (a missing value) is allowed: it leaves a gap.
    /// </summary>
    public static void PositiveOnLogAxis(AxisOptions axis, string name, string series, IReadOnlyList<double> values)
    {
        if (axis.Scale != AxisScale.Log10)
        {
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] <= 0)
            {
                throw new ArgumentException(
                    $"series '{series}': {name}[{i}] = {values[i].ToString(CultureInfo.InvariantCulture)} cannot be drawn on the log {name} axis, "
                    + "which needs values > 0; leave such points out (NaN leaves a gap) or use a linear axis");
            }
        }
    }

    public static void SameLength<TA, TB>(string series, IReadOnlyList<TA> a, string aName, IReadOnlyList<TB> b, string bName)
    {
        ArgumentNullException.ThrowIfNull(a, aName);
        ArgumentNullException.ThrowIfNull(b, bName);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"series '{series}': {aName} has {a.Count} values but {bName} has {b.Count}");
        }
    }
}
