using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>A finite number within a range whose ends may be open (a learning rate must be &gt; 0, a beta &lt; 1).</summary>
public sealed class FloatKind(double min = double.MinValue, double max = double.MaxValue, bool minExclusive = false, bool maxExclusive = false) : ValueKind
{
    public double Min { get; } = min;

    public double Max { get; } = max;

    public bool MinExclusive { get; } = minExclusive;

    public bool MaxExclusive { get; } = maxExclusive;

    public override string TypeName => "number" + RangeText;

    private string RangeText =>
        (Min == double.MinValue, Max == double.MaxValue) switch
        {
            (true, true) => "",
            (false, true) => (MinExclusive ? " > " : " ≥ ") + YamlText.Float(Min),
            (true, false) => (MaxExclusive ? " < " : " ≤ ") + YamlText.Float(Max),
            _ => $" in {(MinExclusive ? "(" : "[")}{YamlText.Float(Min)}, {YamlText.Float(Max)}{(MaxExclusive ? ")" : "]")}",
        };

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "a number", out var text, out var quoted);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (quoted || !TryParseNumber(text, out var value))
        {
            return ParsedValue.Fail($"expected a number, got '{text}'");
        }
        return Check(value);
    }

    private ParsedValue Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return ParsedValue.Fail($"must be a finite number, got {YamlText.Float(value)}");
        }
        var belowMin = MinExclusive ? value <= Min : value < Min;
        var aboveMax = MaxExclusive ? value >= Max : value > Max;
        if (belowMin || aboveMax)
        {
            return ParsedValue.Fail($"must be a number{RangeText}, got {YamlText.Float(value)}");
        }
        return ParsedValue.Ok(value);
    }

    /// <summary>Decimal or exponent notation; YAML's `.inf`/`.nan` parse so the range check can name them.</summary>
    internal static bool TryParseNumber(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or "+.inf" or ".Inf" or ".INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               && !text.Contains("Infinity", StringComparison.OrdinalIgnoreCase)
               && !text.Contains("NaN", StringComparison.OrdinalIgnoreCase);
    }

    internal override string Format(object value) => YamlText.Float((double)value);
}
