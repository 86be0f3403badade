using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>true/false; on/off and yes/no are accepted too because people write `progress: off`.</summary>
public sealed class BoolKind : ValueKind
{
    public override string TypeName => "bool";

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "true or false", out var text, out var quoted);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (!quoted)
        {
            switch (text.ToLowerInvariant())
            {
                case "true" or "on" or "yes":
                    return ParsedValue.Ok(true);
                case "false" or "off" or "no":
                    return ParsedValue.Ok(false);
            }
        }
        return ParsedValue.Fail($"expected true or false, got '{text}'");
    }

    internal override string Format(object value) => YamlText.Bool((bool)value);
}
