using ArithLab.Torch.LowPrecision;
using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>A <see cref="RoleFormat"/>: auto, none, a format name, or lmul.</summary>
public sealed class RoleFormatKind : ValueKind
{
    private static readonly string[] s_names =
        ["auto", "none", "lmul", "e4m3", "e5m2", "e3m2", "e2m3", "e2m1", "bf16", "fp16", "int8", "mxfp8", "mxfp8-e5m2", "mxfp6", "mxfp6-e2m3", "mxfp4", "mxint8", "nvfp4"];

    public override string TypeName => "auto | none | " + QuantFormat.Known + " | lmul";

    internal override ParsedValue Parse(YamlNode node)
    {
        var scalar = Scalar(node, "auto, none, a format name or lmul", out var text, out _);
        if (scalar.Failed)
        {
            return scalar;
        }
        try
        {
            return ParsedValue.Ok(RoleFormat.Parse(text));
        }
        catch (ArgumentException e)
        {
            var reason = e.Message.StartsWith("unknown", StringComparison.Ordinal)
                ? $"unknown format '{text}'; expected auto, none, lmul or a format: {QuantFormat.Known}"
                : e.Message;
            return ParsedValue.Fail(reason, ClosestName.Find(text, s_names));
        }
    }

    internal override string Format(object value) => ((RoleFormat)value).Name;
}
