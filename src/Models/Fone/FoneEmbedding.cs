using System.Numerics;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Fone;

/// <summary>
/// Fourier number embedding (Zhou et al. 2025, FoNE, §3.1): a number x becomes
/// [cos(2πx/T₁), sin(2πx/T₁), cos(2πx/T₂), sin(2πx/T₂), …] for periods T₁, T₂, … — by default
/// Tᵢ = 10^i, i = 1..D, so the pair for Tᵢ encodes x mod 10^i —, zero-padded to C, optionally
/// mixed by a C×C linear map (the reference's add_linear), and added to the embedding of the
/// [NUM] token that stands for the number. State: <c>linear.weight</c> (C, C), <c>linear.bias</c> (C) when mixing.
/// </summary>
public sealed class FoneEmbedding : Module
{
    private readonly Linear? _linear;

    /// <summary>Periods 10, 100, …, 10^digits: one cos/sin pair per decimal digit.</summary>
    public FoneEmbedding(int dModel, int digits, bool addLinear = true)
        : this(dModel, DecimalPeriods(digits), addLinear)
    {
    }

    public FoneEmbedding(int dModel, IReadOnlyList<long> periods, bool addLinear = true)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0 || periods.Any(p => p < 1)) throw new ArgumentException("FoNE needs at least one period, each ≥ 1");
        if (2 * periods.Count > dModel) throw new ArgumentException($"{periods.Count} periods need {2 * periods.Count} dimensions; d_model is {dModel}");
        DModel = dModel;
        Periods = periods.ToArray();
        if (addLinear) _linear = new Linear(dModel, dModel);
    }

    public int DModel { get; }

    public IReadOnlyList<long> Periods { get; }

    public static long[] DecimalPeriods(int digits) => Enumerable.Range(1, digits).Select(i => (long)Math.Pow(10, i)).ToArray();

    /// <summary>The raw Fourier features of one number for periods 10..10^digits, before padding and mixing.</summary>
    public static double[] Features(double x, int digits) => Features(x, DecimalPeriods(digits));

    /// <summary>The raw Fourier features of one number, before padding and mixing (2 per period).</summary>
    public static double[] Features(double x, IReadOnlyList<long> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var f = new double[2 * periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            f[2 * i] = Math.Cos(2 * Math.PI * x / periods[i]);
            f[2 * i + 1] = Math.Sin(2 * Math.PI * x / periods[i]);
        }
        return f;
    }

    public static double[] ExactFeatures(BigInteger x, int digits) => ExactFeatures(x, DecimalPeriods(digits));

    /// <summary>
    /// The exact features of an integer of any size: the pair for period T only needs x mod T,
    /// which <see cref="BigInteger"/> computes without the rounding a double of x would suffer.
    /// </summary>
    public static double[] ExactFeatures(BigInteger x, IReadOnlyList<long> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var f = new double[2 * periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            var turns = (double)BigInteger.Remainder(x, periods[i]) / periods[i];
            f[2 * i] = Math.Cos(2 * Math.PI * turns);
            f[2 * i + 1] = Math.Sin(2 * Math.PI * turns);
        }
        return f;
    }

    /// <summary>numbers (B, T) and mask (B, T), non-zero at [NUM] tokens → (B, T, C), zero elsewhere.
    /// Angles are taken in float64, exact while the numbers have at most 15 digits; use the
    /// <see cref="BigInteger"/> overload beyond.</summary>
    public Tensor Forward(Tensor numbers, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(mask);
        using var scope = DisposeScope.Begin();
        var (B, T, P) = (numbers.Size(0), numbers.Size(1), Periods.Count);
        var freqs = Tensor.From(Periods.Select(p => 2 * Math.PI / p).ToArray());                         // (P)
        var angles = numbers.To(ScalarType.Float64, Device.Cpu).Unsqueeze(-1) * freqs;                 // (B, T, P)
        var features = Tensor.Stack(new[] { angles.Cos(), angles.Sin() }, -1).Reshape(B, T, 2 * P);   // (B, T, 2P) interleaved
        return scope.Keep(Embed(features, mask));
    }

    /// <summary>values and isNumber, row-major (B, T) → (B, T, C), exact for integers of any size.</summary>
    public Tensor Forward(IReadOnlyList<BigInteger> values, IReadOnlyList<bool> isNumber, int batch, int length)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(isNumber);
        if (values.Count != batch * length || isNumber.Count != batch * length)
            throw new ArgumentException($"expected {batch * length} values and flags for ({batch}, {length}), got {values.Count} and {isNumber.Count}");
        using var scope = DisposeScope.Begin();
        var width = 2 * Periods.Count;
        var flat = new double[batch * length * width];
        for (var n = 0; n < values.Count; n++)
        {
            if (isNumber[n]) ExactFeatures(values[n], Periods).CopyTo(flat, n * width);
        }
        var features = Tensor.From(flat, batch, length, width);
        var mask = Tensor.From(isNumber.ToArray(), batch, length);
        return scope.Keep(Embed(features, mask));
    }

    // features (B, T, 2P) in float64 on the CPU → padded, mixed and masked (B, T, C).
    private Tensor Embed(Tensor features, Tensor mask)
    {
        var device = _linear?.Weight.Device ?? mask.Device;
        var dtype = _linear?.Weight.DType ?? ScalarType.Float32;
        var (B, T) = (features.Size(0), features.Size(1));
        var padded = Tensor.Cat(new[] { features, Tensor.Zeros(new long[] { B, T, DModel - 2 * Periods.Count }, ScalarType.Float64) }, -1)
                           .To(dtype, device);                                                          // (B, T, C)
        var mixed = _linear is null ? padded : _linear.Forward(padded);
        var keep = mask.To(dtype, device).Unsqueeze(-1);                                                // (B, T, 1)
        return mixed * keep;
    }
}
