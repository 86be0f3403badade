using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>Free text, optionally checked by a rule that returns a problem or null.</summary>
public sealed class TextKind(bool allowEmpty = true, string typeName = "text", Func<string, string?>? rule = null) : ValueKind
{
    public override string TypeName { get; } = typeName;

    internal override ParsedValue Parse(YamlNode node)
    {
        if (node is YamlScalarNode s && (s.Value ?? "").Length == 0 && !IsNull(s) && allowEmpty)
        {
            return ParsedValue.Ok("");
        }
        var scalar = Scalar(node, "text", out var text, out _);
        if (scalar.Failed)
        {
            return scalar;
        }
        if (!allowEmpty && text.Trim().Length == 0)
        {
            return ParsedValue.Fail("must not be empty");
        }
        var problem = rule?.Invoke(text);
        return problem is null ? ParsedValue.Ok(text) : ParsedValue.Fail(problem);
    }

    internal override string Format(object value) => YamlText.Quoted((string)value);
}
