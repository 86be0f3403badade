using System.Globalization;

namespace ArithLab.Plots.Layout;

/// <summary>
/// A resolved axis: its range, ticks and the data-to-pixel mapping. Pixel position is linear in the
/// axis transform t(v) = v or log10(v): p = p0 + (t(v) − t(min)) / (t(max) − t(min)) · (p1 − p0).
/// </summary>
internal sealed class Axis
{
    private Axis(AxisScale scale, double min, double max, IReadOnlyList<AxisTick> majors, IReadOnlyList<double> minors, bool grid)
    {
        Scale = scale;
        Min = min;
        Max = max;
        Majors = majors;
        Minors = minors;
        Grid = grid;
    }

    public AxisScale Scale { get; }

    public double Min { get; }

    public double Max { get; }

    public IReadOnlyList<AxisTick> Majors { get; }

    public IReadOnlyList<double> Minors { get; }

    public bool Grid { get; }

    public bool CanPlace(double v) => double.IsFinite(v) && (Scale == AxisScale.Linear || v > 0);

    public double Map(double v, double p0, double p1) =>
        p0 + (Transform(v) - Transform(Min)) / (Transform(Max) - Transform(Min)) * (p1 - p0);

    public double MaxLabelWidth(double fontSize) =>
        Majors.Count == 0 ? 0 : Majors.Max(t => t.Width(fontSize));

    private double Transform(double v) => Scale == AxisScale.Log10 ? Math.Log10(v) : v;

    /// <summary>Checks fixed ends before any data is looked at, naming the axis in the message.</summary>
    public static void Validate(AxisOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Min is double lo && !double.IsFinite(lo))
        {
            throw new ArgumentException($"{name} axis: Min must be finite, got {lo}");
        }
        if (options.Max is double hi && !double.IsFinite(hi))
        {
            throw new ArgumentException($"{name} axis: Max must be finite, got {hi}");
        }
        if (options.Min is double a && options.Max is double b && !(b > a))
        {
            throw new ArgumentException($"{name} axis: Max ({b}) must be greater than Min ({a})");
        }
        if (options.Scale == AxisScale.Log10)
        {
            if (options.Min is double m && !(m > 0))
            {
                throw new ArgumentException($"{name} axis is log10, so Min must be > 0, got {m}");
            }
            if (options.Max is double M && !(M > 0))
            {
                throw new ArgumentException($"{name} axis is log10, so Max must be > 0, got {M}");
            }
        }
    }

    /// <summary>
    /// An axis for <paramref name="data"/> (values it cannot place are ignored) with at most about
    /// <paramref name="maxTicks"/> labels. Free ends round out to nice ticks, or, with a
    /// <paramref name="margin"/> (a fraction of the data span), sit that far beyond the data: scatter
    /// points then never touch the frame, where they would be cut in half.
    /// </summary>
    public static Axis Build(AxisOptions options, IEnumerable<double> data, int maxTicks, string name, double margin = 0)
    {
        Validate(options, name);
        maxTicks = Math.Max(2, maxTicks);
        return options.Scale == AxisScale.Log10
            ? BuildLog(options, data.Where(v => double.IsFinite(v) && v > 0), maxTicks, margin)
            : BuildLinear(options, data.Where(double.IsFinite), maxTicks, margin);
    }

    /// <summary>Categories at 0, 1, …, n − 1, each in the middle of its own band; ticks only at <paramref name="shown"/>.</summary>
    public static Axis Categories(IReadOnlyList<string> labels, IReadOnlyList<int> shown) =>
        new(AxisScale.Linear, -0.5, labels.Count - 0.5,
            shown.Select(i => new AxisTick(i, labels[i])).ToArray(), [], grid: false);

    private static Axis BuildLinear(AxisOptions o, IEnumerable<double> data, int maxTicks, double margin)
    {
        var values = data.ToArray();
        var lo = o.Min ?? (values.Length > 0 ? values.Min() : 0);
        var hi = o.Max ?? (values.Length > 0 ? values.Max() : 1);
        if (!(hi > lo))
        {
            // One distinct value (or a fixed end beyond the data): open a range around it on the free side(s).
            var pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;
            if (o.Min is null)
            {
                lo = hi - pad;
            }
            if (o.Max is null)
            {
                hi = lo + 2 * pad;
            }
        }
        if (margin > 0)
        {
            var span = hi - lo;
            lo = o.Min ?? lo - margin * span;
            hi = o.Max ?? hi + margin * span;
        }
        var nice = NiceTicks.Compute(lo, hi, maxTicks);
        if (o.Min is null && margin == 0)
        {
            lo = nice.Min;
        }
        if (o.Max is null && margin == 0)
        {
            hi = nice.Max;
        }
        var eps = nice.Step * 1e-9;
        var majors = nice.Ticks
            .Where(t => t >= lo - eps && t <= hi + eps)
            .Select(t => new AxisTick(t, TickLabels.Linear(t, nice.Step)))
            .ToArray();
        return new Axis(AxisScale.Linear, lo, hi, majors, [], o.Grid);
    }

    private static Axis BuildLog(AxisOptions o, IEnumerable<double> data, int maxTicks, double margin)
    {
        var values = data.ToArray();
        var lo = o.Min ?? (values.Length > 0 ? values.Min() : 1);
        var hi = o.Max ?? (values.Length > 0 ? values.Max() : 10);
        if (margin > 0 && hi > lo)
        {
            // The margin is a share of the span in decades, as the eye sees it.
            var span = Math.Log10(hi) - Math.Log10(lo);
            lo = o.Min ?? lo / Math.Pow(10, margin * span);
            hi = o.Max ?? hi * Math.Pow(10, margin * span);
        }
        else
        {
            // Free ends round out to whole decades, so the axis starts and ends on a labelled tick.
            if (o.Min is null)
            {
                lo = LogTicks.PowerOfTen((int)Math.Floor(Math.Log10(lo) + 1e-9));
            }
            if (o.Max is null)
            {
                hi = LogTicks.PowerOfTen((int)Math.Ceiling(Math.Log10(hi) - 1e-9));
            }
        }
        if (!(hi > lo))
        {
            if (o.Max is null)
            {
                hi = lo * 10;
            }
            else
            {
                lo = hi / 10;
            }
        }

        var decades = LogTicks.Decades(lo, hi);
        // Too many decades for the space: label every stride-th one and tick the rest as minors.
        var stride = (int)Math.Ceiling(decades.Count / (double)maxTicks);
        var labelled = decades.Where(k => stride <= 1 || k % stride == 0).ToList();
        var majors = labelled.Select(DecadeTick).ToList();
        var minors = new List<double>();
        if (stride > 1)
        {
            minors.AddRange(decades.Where(k => k % stride != 0).Select(LogTicks.PowerOfTen));
        }
        else if (decades.Count <= 8)
        {
            minors.AddRange(LogTicks.Minors(lo, hi));
        }

        if (majors.Count < 2)
        {
            // Less than a decade in view: label 2× and 5× too, or the axis would carry one number.
            foreach (var v in minors.Where(v => IsMantissa(v, 2) || IsMantissa(v, 5)).ToList())
            {
                majors.Add(new AxisTick(v, PlainLog(v)));
                minors.Remove(v);
            }
            majors.Sort((a, b) => a.Value.CompareTo(b.Value));
        }
        return new Axis(AxisScale.Log10, lo, hi, majors, minors, o.Grid);
    }

    private static AxisTick DecadeTick(int k) =>
        k is >= -3 and <= 4
            ? new AxisTick(LogTicks.PowerOfTen(k), PlainLog(LogTicks.PowerOfTen(k)))
            : new AxisTick(LogTicks.PowerOfTen(k), "1e" + k.ToString(CultureInfo.InvariantCulture), k);

    private static bool IsMantissa(double v, int m)
    {
        var k = Math.Floor(Math.Log10(v) + 1e-9);
        return Math.Abs(v / LogTicks.PowerOfTen((int)k) - m) < 1e-9;
    }

    // 0.002, 50, 2e-7: as many decimals as the leading digit needs, exponent form outside 1e-4..1e6.
    private static string PlainLog(double v)
    {
        var k = (int)Math.Floor(Math.Log10(v) + 1e-9);
        return TickLabels.Linear(v, LogTicks.PowerOfTen(k));
    }
}
