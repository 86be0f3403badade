using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>A YAML list whose items all have one kind; a single scalar is not silently promoted to a list.</summary>
public sealed class ListKind<T>(ValueKind item, int minCount = 0, int maxCount = int.MaxValue) : ValueKind
    where T : notnull
{
    public override string TypeName =>
        $"list of {item.TypeName}" + (minCount > 0 ? $" (at least {minCount})" : "");

    internal override ParsedValue Parse(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var scalar = Scalar(node, "a list like [a, b]", out var text, out _);
            return scalar.Failed ? scalar : ParsedValue.Fail($"expected a list like [{text}], got '{text}'");
        }
        var items = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var parsed = item.Parse(sequence.Children[i]);
            if (parsed.Failed)
            {
                return ParsedValue.Fail($"item {i + 1}: {parsed.Error}", parsed.Suggestion);
            }
            items.Add((T)parsed.Value!);
        }
        if (items.Count < minCount || items.Count > maxCount)
        {
            var want = minCount == maxCount ? $"exactly {minCount}" : maxCount == int.MaxValue ? $"at least {minCount}" : $"{minCount} to {maxCount}";
            return ParsedValue.Fail($"must have {want} items, got {items.Count}");
        }
        return ParsedValue.Ok(new ConfigList<T>(items));
    }

    internal override string Format(object value) =>
        "[" + string.Join(", ", ((ConfigList<T>)value).Select(v => item.Format(v))) + "]";
}
