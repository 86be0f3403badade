using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>`dynamic`, `none` or a fixed number &gt; 0.</summary>
public sealed class LossScaleKind : ValueKind
{
    public override string TypeName => "dynamic | none | number > 0";

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "dynamic, none or a number", out var text, out var quoted);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (!quoted && FloatKind.TryParseNumber(text, out var factor))
        {
            return factor > 0 && double.IsFinite(factor)
                ? ParsedValue.Ok(LossScale.Fixed(factor))
                : ParsedValue.Fail($"a fixed loss scale must be a finite number > 0, got '{text}'");
        }
        return text switch
        {
            "dynamic" => ParsedValue.Ok(LossScale.Dynamic),
            "none" => ParsedValue.Ok(LossScale.None),
            _ => ParsedValue.Fail($"expected dynamic, none or a number, got '{text}'", ClosestName.Find(text, ["dynamic", "none"])),
        };
    }

    internal override string Format(object value)
    {
        var scale = (LossScale)value;
        return scale.Mode switch
        {
            LossScaleMode.Dynamic => "dynamic",
            LossScaleMode.None => "none",
            _ => YamlText.Float(scale.Factor),
        };
    }
}
