using System.Numerics;
using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Fone;

/// <summary>
/// Fourier number embedding (Zhou et al. 2025, FoNE, §3.1): a number x becomes
/// [cos(2πx/T₁), sin(2πx/T₁), cos(2πx/T₂), sin(2πx/T₂), …] with periods Tᵢ = 10^i, i = 1..D —
/// the pair for Tᵢ encodes x mod 10^i —, zero-padded to C, optionally mixed by a C×C linear map
/// (the reference's add_linear), and added to the embedding of the [NUM] token that stands for
/// the number. State: <c>linear.weight</c> (C, C), <c>linear.bias</c> (C) when mixing.
/// </summary>
public sealed class FoneEmbedding : Module
{
    private readonly Linear? _linear;

    public FoneEmbedding(int dModel, int digits, bool addLinear = true)
    {
        if (2 * digits > dModel) throw new ArgumentException($"{digits} digits need {2 * digits} dimensions; d_model is {dModel}");
        DModel = dModel;
        Digits = digits;
        if (addLinear) _linear = new Linear(dModel, dModel);
    }

    public int DModel { get; }

    public int Digits { get; }

    /// <summary>The raw Fourier features of one number, before padding and mixing (2D values).</summary>
    public static double[] Features(double x, int digits)
    {
        var f = new double[2 * digits];
        for (var i = 0; i < digits; i++)
        {
            var period = Math.Pow(10, i + 1);
            f[2 * i] = Math.Cos(2 * Math.PI * x / period);
            f[2 * i + 1] = Math.Sin(2 * Math.PI * x / period);
        }
        return f;
    }

    /// <summary>
    /// The exact features of an integer of any size: the pair for 10^i only needs x mod 10^i,
    /// which <see cref="BigInteger"/> computes without the rounding a double of x would suffer.
    /// </summary>
    public static double[] ExactFeatures(BigInteger x, int digits)
    {
        var f = new double[2 * digits];
        for (var i = 0; i < digits; i++)
        {
            var period = BigInteger.Pow(10, i + 1);
            var turns = (double)BigInteger.Remainder(x, period) / (double)period;
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
        var (B, T) = (numbers.Size(0), numbers.Size(1));
        var freqs = Tensor.From(Enumerable.Range(1, Digits).Select(i => 2 * Math.PI / Math.Pow(10, i)).ToArray());
        var angles = numbers.To(ScalarType.Float64, Device.Cpu).Unsqueeze(-1) * freqs;                 // (B, T, D)
        var features = Tensor.Stack(new[] { angles.Cos(), angles.Sin() }, -1).Reshape(B, T, 2 * Digits); // (B, T, 2D) interleaved
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
        var flat = new double[batch * length * 2 * Digits];
        for (var n = 0; n < values.Count; n++)
        {
            if (isNumber[n]) ExactFeatures(values[n], Digits).CopyTo(flat, n * 2 * Digits);
        }
        var features = Tensor.From(flat, batch, length, 2 * Digits);
        var mask = Tensor.From(isNumber.ToArray(), batch, length);
        return scope.Keep(Embed(features, mask));
    }

    // features (B, T, 2D) in float64 on the CPU → padded, mixed and masked (B, T, C).
    private Tensor Embed(Tensor features, Tensor mask)
    {
        var device = _linear?.Weight.Device ?? mask.Device;
        var dtype = _linear?.Weight.DType ?? ScalarType.Float32;
        var (B, T) = (features.Size(0), features.Size(1));
        var padded = Tensor.Cat(new[] { features, Tensor.Zeros(new long[] { B, T, DModel - 2 * Digits }, ScalarType.Float64) }, -1)
                           .To(dtype, device);                                                          // (B, T, C)
        var mixed = _linear is null ? padded : _linear.Forward(padded);
        var keep = mask.To(dtype, device).Unsqueeze(-1);                                                // (B, T, 1)
        return mixed * keep;
    }
}
