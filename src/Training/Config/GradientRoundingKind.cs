using ArithLab.Torch.LowPrecision;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>`auto` or a rounding mode name (<see cref="PrecisionKeys.Roundings"/>).</summary>
public sealed class GradientRoundingKind : ValueKind
{
    public override string TypeName => "auto | " + PrecisionKeys.Roundings.TypeName;

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "auto or a rounding mode", out var text, out _);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (text == "auto")
        {
            return ParsedValue.Ok(GradientRounding.Auto);
        }
        var mode = PrecisionKeys.Roundings.Parse(node);
        return mode.Failed
            ? ParsedValue.Fail($"unknown value '{text}'; expected auto or one of {string.Join(", ", PrecisionKeys.Roundings.Names)}", mode.Suggestion)
            : ParsedValue.Ok(new GradientRounding((Rounding)mode.Value!));
    }

    internal override string Format(object value) =>
        ((GradientRounding)value).Mode is { } mode ? PrecisionKeys.Roundings.NameOf(mode) : "auto";
}
