using System.Globalization;

namespace ArithLab.Torch.Optim;

/// <summary>
/// Updates parameter tensors from their gradients. Parameters are numbered across groups
/// in order, as in PyTorch; the optimizer owns its state tensors (disposing it frees them)
/// and never disposes the parameters.
/// </summary>
/// <remarks>
/// <see cref="StateDict"/> holds everything needed to resume, as tensors so that a
/// checkpoint can put it in one safetensors file:
/// <c>state.{i}.{name}</c> per parameter (the step count as a one-element int64 tensor)
/// and <c>param_groups.{g}.lr</c> / <c>param_groups.{g}.weight_decay</c> (float64 scalars).
/// </remarks>
public abstract class Optimizer : IDisposable
{
    /// <summary>The state name of the per-parameter update counter, kept as an int64 CPU tensor.</summary>
    public const string StepStateName = "step";

    private readonly ParamGroup[] _groups;
    private readonly Dictionary<string, Tensor>[] _state;
    private bool _disposed;

    private protected Optimizer(IEnumerable<ParamGroup> groups, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _groups = groups.ToArray();
        if (_groups.Length == 0)
        {
            throw new ArgumentException("an optimizer needs at least one parameter group", nameof(groups));
        }
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var group in _groups)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            group.ApplyDefaults(learningRate, weightDecay);
            foreach (var p in group.Params)
            {
                // Updating a tensor twice per step is never intended (PyTorch rejects it too).
                if (!seen.Add(p))
                {
                    throw new ArgumentException("a parameter appears in more than one place of the parameter groups", nameof(groups));
                }
                if (!p.DType.IsFloatingPoint())
                {
                    throw new ArgumentException($"parameter {p} is not floating point; optimizers update float tensors only", nameof(groups));
                }
            }
        }
        _state = new Dictionary<string, Tensor>[seen.Count];
        for (var i = 0; i < _state.Length; i++)
        {
            _state[i] = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<ParamGroup> ParamGroups => _groups;

    /// <summary>Every parameter, numbered as in the state dict.</summary>
    public IEnumerable<Tensor> Parameters => _groups.SelectMany(g => g.Params);

    /// <summary>The per-parameter state names this optimizer keeps (a parameter has all or none of them).</summary>
    protected abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        ThrowIfDisposed();
        var names = StateNames;
        var index = 0;
        foreach (var group in _groups)
        {
            var count = group.Params.Count;
            var parameters = new IntPtr[count];
            var state = new IntPtr[names.Count][];
            for (var j = 0; j < names.Count; j++)
            {
                state[j] = new IntPtr[count];
            }
            // The state tensors stay reachable until the native step has used their handles.
            var held = new Tensor?[count * names.Count];
            for (var k = 0; k < count; k++)
            {
                var p = group.Params[k];
                PrepareState(index + k, p);
                parameters[k] = p.Handle.DangerousGetHandle();
                for (var j = 0; j < names.Count; j++)
                {
                    // A parameter without state yet passes a null handle; the native step skips or creates it.
                    var t = GetState(index + k, names[j]);
                    held[names.Count * k + j] = t;
                    state[j][k] = t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle();
                }
            }
            StepGroup(group, index, parameters, state);
            GC.KeepAlive(group);
            GC.KeepAlive(held);
            index += count;
        }
    }

    /// <summary>Makes the state of parameter <paramref name="index"/> before its handles are gathered,
    /// where the optimizer creates state in managed code.</summary>
    private protected virtual void PrepareState(int index, Tensor parameter)
    {
    }

    /// <summary>
    /// Updates one group through the native fused step: <paramref name="parameters"/> are the group's
    /// handles, <paramref name="state"/>[j][k] the handle of state <see cref="StateNames"/>[j] of its
    /// k-th parameter (numbered <paramref name="firstIndex"/> + k), or zero where there is none yet.
    /// </summary>
    private protected abstract void StepGroup(ParamGroup group, int firstIndex, IntPtr[] parameters, IntPtr[][] state);

    /// <summary>Drops every parameter's gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Sets the learning rate of every group (what an LR schedule does each step).</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (var group in _groups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>
    /// The optimizer's state as new tensors the caller owns: parameter state shares storage
    /// with the live state (copy it before changing it), hyperparameters are fresh scalars.
    /// </summary>
    public Dictionary<string, Tensor> StateDict()
    {
        ThrowIfDisposed();
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (var i = 0; i < _state.Length; i++)
        {
            foreach (var (name, tensor) in _state[i])
            {
                result[StateKey(i, name)] = tensor.Alias();
            }
        }
        for (var g = 0; g < _groups.Length; g++)
        {
            result[$"param_groups.{g}.lr"] = Tensor.Scalar(_groups[g].LearningRate);
            result[$"param_groups.{g}.weight_decay"] = Tensor.Scalar(_groups[g].WeightDecay);
        }
        return result;
    }

    /// <summary>
    /// Replaces the state with copies of <paramref name="stateDict"/>'s tensors (moved to each
    /// parameter's dtype and device). Checks everything before changing anything: unknown or
    /// malformed keys, incomplete per-parameter state and shape mismatches are errors that list
    /// the offending keys.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        ThrowIfDisposed();
        var parameters = Parameters.ToArray();
        var perParameter = new Dictionary<int, Dictionary<string, Tensor>>();
        var groupValues = new List<(ParamGroup Group, bool IsLr, double Value)>();
        var problems = new List<string>();

        foreach (var (key, tensor) in stateDict.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('.');
            if (parts.Length == 3 && parts[0] == "state" && TryIndex(parts[1], parameters.Length, out var i) && StateNames.Contains(parts[2]))
            {
                var fits = parts[2] == StepStateName ? tensor.NumEl == 1 : tensor.Shape.SequenceEqual(parameters[i].Shape);
                if (!fits)
                {
                    var expected = parts[2] == StepStateName ? "one element" : $"[{string.Join(", ", parameters[i].Shape)}]";
                    problems.Add($"{key} has shape [{string.Join(", ", tensor.Shape)}] but expected {expected}");
                    continue;
                }
                if (!perParameter.TryGetValue(i, out var names))
                {
                    perParameter[i] = names = new Dictionary<string, Tensor>(StringComparer.Ordinal);
                }
                names[parts[2]] = tensor;
            }
            else if (parts.Length == 3 && parts[0] == "param_groups" && TryIndex(parts[1], _groups.Length, out var g)
                     && parts[2] is "lr" or "weight_decay" && tensor.NumEl == 1)
            {
                var value = tensor.Item();
                if (double.IsNaN(value) || value < 0)
                {
                    problems.Add($"{key} is {value}, not a non-negative number");
                    continue;
                }
                groupValues.Add((_groups[g], parts[2] == "lr", value));
            }
            else
            {
                problems.Add($"unexpected key {key}");
            }
        }
        foreach (var (i, names) in perParameter)
        {
            var missing = StateNames.Where(n => !names.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"parameter {i} lacks {string.Join(", ", missing.Select(n => StateKey(i, n)))}");
            }
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException($"cannot load {GetType().Name} state: {string.Join("; ", problems)}", nameof(stateDict));
        }

        ClearState();
        foreach (var (i, names) in perParameter)
        {
            foreach (var (name, source) in names)
            {
                var copy = name == StepStateName
                    ? source.To(ScalarType.Int64, Device.Cpu, copy: true)
                    : source.To(parameters[i].DType, parameters[i].Device, copy: true);
                SetState(i, name, copy);
            }
        }
        foreach (var (group, isLr, value) in groupValues)
        {
            if (isLr)
            {
                group.LearningRate = value;
            }
            else
            {
                group.WeightDecay = value;
            }
        }
    }

    /// <summary>Frees the state tensors; the parameters stay with their owner.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        ClearState();
        GC.SuppressFinalize(this);
    }

    /// <summary>The state tensor <paramref name="name"/> of parameter <paramref name="index"/>, or null.</summary>
    private protected Tensor? GetState(int index, string name) => _state[index].GetValueOrDefault(name);

    /// <summary>Stores a state tensor the optimizer now owns, taking it out of any dispose scope
    /// (state outlives the training step that created it).</summary>
    private protected void SetState(int index, string name, Tensor tensor)
    {
        tensor.Owner = null;
        if (_state[index].TryGetValue(name, out var old) && !ReferenceEquals(old, tensor))
        {
            old.Dispose();
        }
        _state[index][name] = tensor;
    }

    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void ClearState()
    {
        foreach (var names in _state)
        {
            foreach (var tensor in names.Values)
            {
                tensor.Dispose();
            }
            names.Clear();
        }
    }

    private static string StateKey(int index, string name) => $"state.{index}.{name}";

    private static bool TryIndex(string text, int count, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < count
        && index.ToString(CultureInfo.InvariantCulture) == text;
}
