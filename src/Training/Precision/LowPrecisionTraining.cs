using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;

namespace ArithLab.Training.Precision;

/// <summary>
/// Training under a <see cref="PrecisionRecipe"/>: inside the forward region every linear layer's
/// input and weight are quantized (straight-through gradient), the gradient with respect to its
/// output is quantized on the way back, and attention's matmuls use the attention role's format or
/// L-Mul; after each optimizer step the optimizer's moments are rounded when the recipe says so.
/// Master weights, optimizer math, accumulation and everything outside matmuls (embeddings, norms,
/// softmax) stay float32. Delayed scaling keeps one amax history per matmul and tensor role, which a
/// step extends once with the largest amax it saw (as Transformer Engine updates once per iteration).
/// </summary>
public sealed class LowPrecisionTraining : IPrecisionPolicy, IMatMulPrecision, IDisposable
{
    private readonly PrecisionRecipe _recipe;
    private readonly int _seed;
    private readonly Dictionary<MatMulSite, int> _sites = [];
    private readonly Dictionary<(int Site, TensorRole Role), DelayedSlot> _delayed = [];
    private readonly Lock _lock = new();
    private Optimizer? _optimizer;
    private long _step;

    public LowPrecisionTraining(PrecisionRecipe recipe, int seed)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        _recipe = recipe;
        _seed = seed;
    }

    public PrecisionRecipe Recipe => _recipe;

    public string Description => _recipe.Description;

    public ScalarType ParameterDType => ScalarType.Float32;

    public double LossScale => 1.0;

    public IDisposable BeginForward() => MatMulPrecision.Enable(this);

    public Tensor ScaleLoss(Tensor loss) => loss;

    public bool UnscaleGradients(IReadOnlyList<Tensor> parameters) => true;

    public void Attach(Module model, Optimizer optimizer) => _optimizer = optimizer;

    public void EndStep(bool gradientsFinite)
    {
        if (gradientsFinite && _recipe.OptimizerState is { } format && _optimizer is not null)
        {
            QuantizeOptimizerState(_optimizer, format);
        }
        foreach (var slot in _delayed.Values)
        {
            slot.EndStep();
        }
        _step++;
    }

    public Tensor Linear(Tensor input, Tensor weight, Tensor? bias, MatMulSite site)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (_recipe.LinearLMul)
        {
            var product = LMul.MatMulWithGradient(input, weight.T(), _recipe.LMulBits);   // (…, out)
            return bias is null ? product : product + bias;
        }
        var index = SiteIndex(site);
        var x = Quantize(input, _recipe.Activations, dim: -1, index, TensorRole.Activations);
        var w = Quantize(weight, _recipe.Weights, dim: -1, index, TensorRole.Weights);
        var y = Functional.Linear(x, w, bias);
        if (_recipe.Gradients is not { } g)
        {
            return y;
        }
        // Identity forward; the gradient entering this layer's backward matmuls is quantized, in
        // blocks along the output features (the reduction dimension of dX = dY·W).
        var spec = Spec(g, -1, index, TensorRole.Gradients, out var amax);
        return FakeQuantize.Apply(y, QuantSpec.None, spec, backwardAmax: amax);
    }

    public Tensor MatMul(Tensor a, Tensor b, MatMulSite site)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (_recipe.AttentionLMul)
        {
            return LMul.MatMulWithGradient(a, b, _recipe.LMulBits);
        }
        if (_recipe.Attention is not { } format)
        {
            return Tensor.MatMul(a, b);
        }
        var index = SiteIndex(site);
        // a (…, M, K) · b (…, K, N): blocks along K, a's last dimension and b's second-to-last.
        return Tensor.MatMul(
            Quantize(a, format, dim: -1, index, TensorRole.AttentionLeft),
            Quantize(b, format, dim: -2, index, TensorRole.AttentionRight));
    }

    public IReadOnlyDictionary<string, double> State()
    {
        var state = new Dictionary<string, double> { ["lowp_step"] = _step };
        foreach (var ((site, role), slot) in _delayed)
        {
            var history = slot.Scaling.AmaxHistory;
            for (var i = 0; i < history.Count; i++)
            {
                state[$"amax.{site}.{(int)role}.{i}"] = history[i];
            }
        }
        return state;
    }

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _step = state.TryGetValue("lowp_step", out var step) ? (long)step : 0;
        // Sites are numbered in the order the forward pass meets them, the same in every process.
        foreach (var (key, value) in state.Where(kv => kv.Key.StartsWith("amax.", StringComparison.Ordinal))
                     .OrderBy(kv => int.Parse(kv.Key.Split('.')[3], System.Globalization.CultureInfo.InvariantCulture)))
        {
            var parts = key.Split('.');
            var slotKey = (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), (TensorRole)int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            Slot(slotKey, FormatOf(slotKey.Item2)).Scaling.Record((float)value);
        }
    }

    /// <summary>Frees the amax slots.</summary>
    public void Dispose()
    {
        foreach (var slot in _delayed.Values)
        {
            slot.Dispose();
        }
        _delayed.Clear();
    }

    private Tensor Quantize(Tensor x, QuantFormat? format, int dim, int site, TensorRole role)
    {
        if (format is null)
        {
            return x;
        }
        var spec = Spec(format, dim, site, role, out var amax);
        return FakeQuantize.Apply(x, spec, QuantSpec.None, forwardAmax: amax);
    }

    /// <summary>The quantizer of one role at one matmul, and the amax slot it records into (delayed scaling, while training).</summary>
    private QuantSpec Spec(QuantFormat format, int dim, int site, TensorRole role, out Tensor? amax)
    {
        amax = null;
        var rounding = role == TensorRole.Gradients ? _recipe.GradientRounding : _recipe.Rounding;
        // Stochastic draws differ per step, matmul and role, and repeat on resume.
        var seed = Setup.Seeds.Step(_seed, _step) ^ (((long)site << 8) + (long)role) * 0x9E3779B97F4A7C1;
        QuantSpec perTensor;
        if (format.Element is not { } element)
        {
            perTensor = QuantSpec.None;
        }
        else if (!_recipe.DelayedScaling)
        {
            perTensor = QuantSpec.Current(element, _recipe.Margin, _recipe.PowerOfTwoScale);
        }
        else
        {
            var slot = Slot((site, role), format);
            var scale = slot.Scaling.Scale;
            perTensor = QuantSpec.Scaled(element, _recipe.PowerOfTwoScale ? MathF.ScaleB(1f, MathF.ILogB(scale)) : scale);
            // Only training steps extend the history; evaluation reads the scale alone.
            amax = LibTorch.GradEnabled ? slot.Touch() : null;
        }
        return format.Spec(dim, perTensor) with { Rounding = rounding, Seed = seed };
    }

    private QuantFormat FormatOf(TensorRole role) => role switch
    {
        TensorRole.Weights => _recipe.Weights,
        TensorRole.Activations => _recipe.Activations,
        TensorRole.Gradients => _recipe.Gradients,
        _ => _recipe.Attention,
    } ?? throw new InvalidOperationException($"the recipe quantizes no {role}");

    private DelayedSlot Slot((int Site, TensorRole Role) key, QuantFormat format)
    {
        lock (_lock)
        {
            if (!_delayed.TryGetValue(key, out var slot))
            {
                slot = new DelayedSlot(new DelayedScaling(format.ElementFormat, _recipe.AmaxHistory, _recipe.Margin));
                _delayed[key] = slot;
            }
            return slot;
        }
    }

    private int SiteIndex(MatMulSite site)
    {
        lock (_lock)
        {
            if (!_sites.TryGetValue(site, out var index))
            {
                index = _sites.Count;
                _sites[site] = index;
            }
            return index;
        }
    }

    private void QuantizeOptimizerState(Optimizer optimizer, QuantFormat format)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        foreach (var (name, state) in optimizer.StateDict())
        {
            if (name.EndsWith("." + Optimizer.StepStateName, StringComparison.Ordinal) || state.DType != ScalarType.Float32)
            {
                continue;
            }
            var spec = format.Spec(-1, QuantSpec.Current(format.ElementFormat, _recipe.Margin, _recipe.PowerOfTwoScale)) with { Rounding = _recipe.Rounding, Seed = Setup.Seeds.Step(_seed, _step) };
            state.CopyFrom_(FakeQuantize.Apply(state, spec, QuantSpec.None));
        }
    }

    /// <summary>The roles a matmul quantizes, numbered for the checkpoint's state keys.</summary>
    private enum TensorRole
    {
        Activations = 0,
        Weights = 1,
        Gradients = 2,
        AttentionLeft = 3,
        AttentionRight = 4,
    }

    /// <summary>One delayed-scaling history and the amax slot the native quantizers fill during a step.</summary>
    private sealed class DelayedSlot(DelayedScaling scaling) : IDisposable
    {
        private readonly Tensor _amax = DisposeScope.Escape(Tensor.Zeros([1]));
        private bool _touched;

        public DelayedScaling Scaling { get; } = scaling;

        public Tensor Touch()
        {
            _touched = true;
            return _amax;
        }

        /// <summary>Extends the history with the step's largest amax, if the step used this slot.</summary>
        public void EndStep()
        {
            if (!_touched)
            {
                return;
            }
            using (LibTorch.NoGrad())
            {
                Scaling.Record((float)_amax.Item());
                _amax.Zero_();
            }
            _touched = false;
        }

        public void Dispose() => _amax.Dispose();
    }
}
