using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>AdamW's `[beta1, beta2]`, each in [0, 1).</summary>
public sealed class BetasKind : ValueKind
{
    private readonly ListKind<double> _list = new(new FloatKind(0, 1, maxExclusive: true), 2, 2);

    public override string TypeName => "[beta1, beta2], each in [0, 1)";

    internal override ParsedValue Parse(YamlNode node)
    {
        var parsed = _list.Parse(node);
        if (parsed.Failed)
        {
            return parsed;
        }
        var list = (ConfigList<double>)parsed.Value!;
        return ParsedValue.Ok((list[0], list[1]));
    }

    internal override string Format(object value)
    {
        var (b1, b2) = ((double, double))value;
        return $"[{YamlText.Float(b1)}, {YamlText.Float(b2)}]";
    }
}
