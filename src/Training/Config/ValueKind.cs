using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>
/// The type of one config key: how a YAML node becomes a value (with the range check), how the
/// value is written back as canonical YAML, and how the type reads in `config explain`.
/// </summary>
public abstract class ValueKind
{
    /// <summary>The type as shown to people: "integer ≥ 1", "gelu | relu".</summary>
    public abstract string TypeName { get; }

    /// <summary>Turns a node into a value or says what is wrong with it.</summary>
    internal abstract ParsedValue Parse(YamlNode node);

    /// <summary>The value as canonical YAML (a scalar or a flow sequence).</summary>
    internal abstract string Format(object value);

    /// <summary>The scalar text, or an error saying why the node is not a usable scalar.</summary>
    internal static ParsedValue Scalar(YamlNode node, string expected, out string text, out bool quoted)
    {
        text = "";
        quoted = false;
        switch (node)
        {
            case YamlScalarNode scalar when IsNull(scalar):
                return ParsedValue.Fail("missing value; expected " + expected);
            case YamlScalarNode scalar:
                text = scalar.Value ?? "";
                quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;
                return ParsedValue.Ok(text);
            case YamlSequenceNode:
                return ParsedValue.Fail($"expected {expected}, got a list");
            default:
                return ParsedValue.Fail($"expected {expected}, got a mapping");
        }
    }

    /// <summary>An empty or `~`/`null` plain scalar: YAML's null, which no key accepts as a value.</summary>
    internal static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");
}
