namespace ArithLab.Torch.Nn;

// State dicts: saving and loading parameters and persistent buffers by name.
public abstract partial class Module
{
    /// <summary>
    /// Every parameter and persistent buffer by full name, in tree order, as new detached
    /// handles sharing the module's storage (the caller owns the handles, not the data).
    /// A parameter tied between two modules appears under both names.
    /// </summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var result = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in StateEntries())
        {
            result[name] = tensor.Detach();
        }
        return result;
    }

    /// <summary>
    /// Copies tensors into the parameters and persistent buffers of the same names (with
    /// dtype and device conversion, without recording gradients). A shape mismatch is always
    /// an error; keys missing from <paramref name="stateDict"/> or unknown to the module are
    /// errors when <paramref name="strict"/>. Every problem is reported at once, in one
    /// <see cref="StateDictException"/>, before anything is copied.
    /// </summary>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var expected = StateEntries().ToList();
        var expectedNames = new HashSet<string>(expected.Select(e => e.Name), StringComparer.Ordinal);
        var missing = new List<string>();
        var mismatched = new List<string>();
        foreach (var (name, target) in expected)
        {
            if (!stateDict.TryGetValue(name, out var source))
            {
                missing.Add(name);
            }
            else if (!source.Shape.SequenceEqual(target.Shape))
            {
                mismatched.Add($"{name}: checkpoint has shape [{string.Join(", ", source.Shape)}], module has [{string.Join(", ", target.Shape)}]");
            }
        }
        var unexpected = stateDict.Keys.Where(k => !expectedNames.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();

        if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            throw new StateDictException(GetType().Name, strict ? missing : new List<string>(), strict ? unexpected : new List<string>(), mismatched);
        }

        using (LibTorch.NoGrad())
        {
            foreach (var (name, target) in expected)
            {
                if (stateDict.TryGetValue(name, out var source))
                {
                    target.CopyFrom_(source);
                }
            }
        }
        return new LoadStateDictResult(missing, unexpected);
    }

    private IEnumerable<(string Name, Tensor Tensor)> StateEntries()
    {
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, parameter) in module.OwnParameters())
            {
                yield return (Join(prefix, name), parameter.Tensor);
            }
            foreach (var (name, buffer, persistent) in module.OwnBuffers())
            {
                if (persistent)
                {
                    yield return (Join(prefix, name), buffer);
                }
            }
        }
    }
}
