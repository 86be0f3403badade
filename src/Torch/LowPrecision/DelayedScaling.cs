namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// Delayed per-tensor scaling for FP8, as Transformer Engine's <c>DelayedScaling</c> recipe: a
/// tensor is quantized with the scale computed from the amax history of earlier tensors of the
/// same role; then its own amax joins the history (a rolling window of
/// <see cref="HistoryLength"/>) and the scale is recomputed as (max / amax_h) / 2^margin.
/// One instance per tensor role (e.g. one layer's weight). Starts at scale 1.
/// </summary>
public sealed class DelayedScaling
{
    private readonly float[] _history;
    private int _count;
    private int _next;

    public DelayedScaling(NumberFormat format, int historyLength = 1024, int margin = 0, AmaxCompute compute = AmaxCompute.Max)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        Format = format;
        Margin = margin;
        Compute = compute;
        _history = new float[historyLength];
    }

    public NumberFormat Format { get; }
    public int Margin { get; }
    public AmaxCompute Compute { get; }
    public int HistoryLength => _history.Length;

    /// <summary>The scale the next <see cref="Quantize"/> uses.</summary>
    public float Scale { get; private set; } = 1f;

    /// <summary>The recorded amaxes, oldest first.</summary>
    public IReadOnlyList<float> AmaxHistory =>
        Enumerable.Range(0, _count).Select(i => _history[(_next - _count + i + _history.Length) % _history.Length]).ToArray();

    /// <summary>Quantizes x with the current scale, then records x's amax (read in the same native pass) and updates the scale.</summary>
    public Tensor Quantize(Tensor x, Rounding rounding = Rounding.NearestEven, long seed = 0)
    {
        var result = Quantizer.QuantizeScaled(x, Format, Scale, rounding, seed, out var amax);
        Record(amax);
        return result;
    }

    /// <summary>Adds an amax to the history and recomputes the scale; a 0, Inf or NaN amax keeps the old scale.</summary>
    public void Record(float amax)
    {
        _history[_next] = amax;
        _next = (_next + 1) % _history.Length;
        _count = Math.Min(_count + 1, _history.Length);
        var windowAmax = Compute == AmaxCompute.MostRecent ? amax : AmaxHistory.Max();
        if (windowAmax > 0 && float.IsFinite(windowAmax))
        {
            Scale = TensorScaling.ScaleFor(windowAmax, Format, Margin);
        }
    }
}
