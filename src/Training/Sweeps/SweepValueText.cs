using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Sweeps;

/// <summary>A sweep value as short flow text for tables and legends: `rope`, `[abacus, rope]`, `{min: 1, max: 8}`; a one-item list shows its item.</summary>
public static class SweepValueText
{
    public static string Of(YamlNode node) => node switch
    {
        YamlSequenceNode { Children.Count: 1 } one => Flow(one.Children[0]),
        _ => Flow(node),
    };

    private static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Flow)) + "]",
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children.Select(p => Flow(p.Key) + ": " + Flow(p.Value))) + "}",
        _ => node.ToString(),
    };
}
