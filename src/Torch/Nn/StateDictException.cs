using System.Text;

namespace ArithLab.Torch.Nn;

/// <summary>
/// A state dict that does not fit a module. The message lists every missing, unexpected and
/// mis-shaped key, and for an unexpected key the closest missing one (a renamed member).
/// </summary>
public sealed class StateDictException : TorchException
{
    public StateDictException(string moduleName, IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys, IReadOnlyList<string> shapeMismatches)
        : base(Describe(moduleName, missingKeys, unexpectedKeys, shapeMismatches))
    {
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        ShapeMismatches = shapeMismatches;
    }

    public IReadOnlyList<string> MissingKeys { get; }

    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>One line per mis-shaped key: "name: checkpoint has shape [...], module has [...]".</summary>
    public IReadOnlyList<string> ShapeMismatches { get; }

    private static string Describe(string moduleName, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
    {
        var text = new StringBuilder($"Error(s) in loading state dict for {moduleName}:");
        if (missing.Count > 0)
        {
            text.Append($"\n  Missing key(s) ({missing.Count}): ").AppendJoin(", ", missing);
        }
        if (unexpected.Count > 0)
        {
            text.Append($"\n  Unexpected key(s) ({unexpected.Count}): ").AppendJoin(", ", unexpected.Select(k => Hint(k, missing)));
        }
        if (mismatched.Count > 0)
        {
            text.Append($"\n  Size mismatch(es) ({mismatched.Count}):");
            foreach (var line in mismatched)
            {
                text.Append("\n    ").Append(line);
            }
        }
        return text.ToString();
    }

    private static string Hint(string key, IReadOnlyList<string> missing)
    {
        var best = ClosestName.Find(key, missing);
        return best is null ? key : $"{key} (did you mean {best}?)";
    }
}
