using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>An integer within [Min, Max].</summary>
public sealed class IntKind(int min = int.MinValue, int max = int.MaxValue) : ValueKind
{
    public int Min { get; } = min;

    public int Max { get; } = max;

    public override string TypeName =>
        (Min, Max) switch
        {
            (int.MinValue, int.MaxValue) => "integer",
            (_, int.MaxValue) => $"integer ≥ {Min}",
            _ => $"integer in [{Min}, {Max}]",
        };

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "an integer", out var text, out var quoted);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (quoted || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return ParsedValue.Fail($"expected an integer, got '{text}'");
        }
        return Check(value);
    }

    private ParsedValue Check(int value)
    {
        if (value < Min || value > Max)
        {
            var range = Max == int.MaxValue ? $"at least {Min}" : $"in [{Min}, {Max}]";
            return ParsedValue.Fail($"must be {range}, got {value}");
        }
        return ParsedValue.Ok(value);
    }

    internal override string Format(object value) => YamlText.Int((int)value);
}
