using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Units;

/// <summary>
/// One quantized tensor of a unit network (layer 1's weight, layer 2's input, …) under a recipe. The float64 values
/// are rounded to float32 and quantized by the lab's native quantizer (<see cref="FakeQuantize"/> with the
/// recipe's <see cref="QuantSpec"/>: per-tensor current or delayed scaling, or MX / NVFP4 blocks along the last
/// dimension), and the result is carried back in float64. Under delayed scaling it keeps the amax history (one
/// entry per training step, as Transformer Engine) and where the scaled values clipped, for the straight-through
/// estimator's mask.
/// </summary>
internal sealed class UnitRoleQuantizer
{
    private readonly QuantFormat _format;
    private readonly Rounding _rounding;
    private readonly PrecisionRecipe _terms;
    private readonly long _salt;
    private float[] _scratch = [];
    private double[] _values = [];
    private bool[] _clipped = [];
    private bool _masked;
    private float _stepAmax;
    private bool _touched;

    /// <param name="delayed">Delayed scaling's amax history for a per-tensor format (else current scaling).</param>
    /// <param name="salt">Tells this tensor's stochastic draws from the others' in the same step.</param>
    public UnitRoleQuantizer(QuantFormat format, Rounding rounding, bool delayed, PrecisionRecipe terms, long salt)
    {
        _format = format;
        _rounding = rounding;
        _terms = terms;
        _salt = salt;
        if (delayed && format.Element is { } element)
        {
            Delayed = new DelayedScaling(element, terms.AmaxHistory, terms.Margin);
        }
    }

    /// <summary>The amax history and scale, under delayed scaling of a per-tensor format; null otherwise.</summary>
    public DelayedScaling? Delayed { get; }

    /// <summary>
    /// x (rows, <paramref name="columns"/>) quantized, in a buffer this quantizer owns until its next call.
    /// <paramref name="record"/>: a training step, whose amax joins the history at <see cref="EndStep"/>.
    /// </summary>
    public double[] Quantize(ReadOnlySpan<double> x, int columns, long seed, bool record)
    {
        var n = x.Length;
        if (_values.Length != n)
        {
            _scratch = new float[n];
            _values = new double[n];
            _clipped = new bool[n];
        }
        float amax = 0;
        for (var i = 0; i < n; i++)
        {
            var f = (float)x[i];
            _scratch[i] = f;
            if (MathF.Abs(f) > amax)
            {
                amax = MathF.Abs(f);   // NaNs skipped, as the native amax does
            }
        }
        var spec = Spec(seed);
        _masked = spec is { Kind: QuantSpecKind.Tensor, CurrentScaling: false };
        if (_masked)
        {
            MarkClipped(spec);
        }
        using (var input = Tensor.FromSpan<float>(_scratch, [n / columns, columns], ScalarType.Float32))
        using (var quantized = FakeQuantize.Apply(input, spec, QuantSpec.None))
        {
            quantized.CopyTo<float>(_scratch);
        }
        for (var i = 0; i < n; i++)
        {
            _values[i] = _scratch[i];
        }
        if (record && Delayed is not null)
        {
            _stepAmax = MathF.Max(_stepAmax, amax);
            _touched = true;
        }
        return _values;
    }

    /// <summary>
    /// The straight-through estimator on the gradient with respect to the last quantized x: unchanged, but zero where a
    /// per-tensor format under a given (delayed) scale clipped x, as native/src/lowp_autograd.cpp's fake quantize does.
    /// </summary>
    public void PassGradient(Span<double> gradient)
    {
        if (!_masked)
        {
            return;
        }
        for (var i = 0; i < gradient.Length; i++)
        {
            if (_clipped[i])
            {
                gradient[i] = 0;
            }
        }
    }

    /// <summary>Extends the amax history with the largest amax of the step's training quantizations, if there were any.</summary>
    public void EndStep()
    {
        if (_touched)
        {
            Delayed!.Record(_stepAmax);
            _stepAmax = 0;
            _touched = false;
        }
    }

    private QuantSpec Spec(long seed)
    {
        QuantSpec perTensor;
        if (_format.Element is not { } element)
        {
            perTensor = QuantSpec.None;
        }
        else if (Delayed is null)
        {
            perTensor = QuantSpec.Current(element, _terms.Margin, _terms.PowerOfTwoScale);
        }
        else
        {
            var scale = Delayed.Scale;
            perTensor = QuantSpec.Scaled(element, _terms.PowerOfTwoScale ? MathF.ScaleB(1f, MathF.ILogB(scale)) : scale);
        }
        return _format.Spec(-1, perTensor) with { Rounding = _rounding, Seed = seed ^ _salt };
    }

    // The native rule (lowp_autograd.cpp, saturated()): |x·scale| past max by more than rounding moves a value,
    // half the top binade's step under round-to-nearest (E4M3 rounds 464 to 448 and clips above).
    private void MarkClipped(QuantSpec spec)
    {
        var f = spec.Format!;
        var nearest = spec.Rounding is Rounding.NearestEven or Rounding.NearestAway;
        var topStep = f.Kind == FormatKind.Integer ? MathF.ScaleB(1f, -f.MantissaBits) : MathF.ScaleB(1f, f.MaxExponent - f.MantissaBits);
        var limit = (float)f.MaxFinite + (nearest ? topStep / 2 : 0f);
        for (var i = 0; i < _scratch.Length; i++)
        {
            _clipped[i] = MathF.Abs(_scratch[i]) * spec.Scale > limit;
        }
    }
}
