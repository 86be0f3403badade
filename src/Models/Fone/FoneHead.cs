using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Fone;

/// <summary>
/// FoNE's digit-wise decoding (Zhou et al. 2025, §3.2): the last hidden state h (C) is layer
/// normalised; digit i (10^i) is read from the pair (h[2i], h[2i+1]) by its dot product with
/// (cos 2πd/10, sin 2πd/10) for each d = 0..9, giving ten logits per digit. The loss is the
/// cross-entropy of every digit, summed over digits and averaged over numbers.
/// State: <c>norm.weight</c> (C), <c>norm.bias</c> (C).
/// </summary>
public sealed class FoneHead : Module
{
    private readonly LayerNorm _norm;

    public FoneHead(int dModel, int digits)
    {
        if (2 * digits > dModel) throw new ArgumentException($"{digits} digits need {2 * digits} dimensions; d_model is {dModel}");
        Digits = digits;
        _norm = new LayerNorm(dModel, eps: 1e-5);
    }

    public int Digits { get; }

    /// <summary>The (2, 10) matrix of digit directions: column d is (cos 2πd/10, sin 2πd/10).</summary>
    public static double[] DigitDirections()
    {
        var m = new double[20];
        for (var d = 0; d < 10; d++)
        {
            m[d] = Math.Cos(2 * Math.PI * d / 10);
            m[10 + d] = Math.Sin(2 * Math.PI * d / 10);
        }
        return m;
    }

    /// <summary>hidden (N, C) → digit logits (N, D, 10), digit i weighing 10^i.</summary>
    public Tensor Logits(Tensor hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        using var scope = DisposeScope.Begin();
        var h = _norm.Forward(hidden);                                                  // (N, C)
        var pairs = h.Narrow(-1, 0, 2 * Digits).Reshape(h.Size(0), Digits, 2);          // (N, D, 2)
        var directions = Tensor.From(DigitDirections(), 2, 10).To(h.DType, h.Device);   // (2, 10)
        return scope.Keep(Tensor.MatMul(pairs, directions));                            // (N, D, 10)
    }

    /// <summary>The digits of non-negative integers, least significant first: (N, D).</summary>
    public long[] DigitLabels(IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var labels = new long[values.Count * Digits];
        for (var n = 0; n < values.Count; n++)
        {
            var v = values[n];
            if (v < 0) throw new ArgumentException($"FoNE decodes non-negative integers, got {v}");
            for (var i = 0; i < Digits; i++, v /= 10)
            {
                labels[n * Digits + i] = v % 10;
            }
        }
        return labels;
    }

    /// <summary>Σ over digits of the cross-entropy, averaged over the N numbers.</summary>
    public Tensor Loss(Tensor hidden, IReadOnlyList<long> values)
    {
        using var scope = DisposeScope.Begin();
        return scope.Keep(Loss(hidden, Tensor.From(DigitLabels(values), values.Count, Digits)));
    }

    /// <summary>The same loss from digit labels (N, D), least significant first — what the data layer's FoNE digits give for numbers of any size.</summary>
    public Tensor Loss(Tensor hidden, Tensor digitLabels)
    {
        ArgumentNullException.ThrowIfNull(digitLabels);
        using var scope = DisposeScope.Begin();
        var logits = Logits(hidden);                                                     // (N, D, 10)
        var labels = digitLabels.To(ScalarType.Int64, logits.Device).Reshape(-1);      // (N·D)
        var mean = Functional.CrossEntropy(logits.Reshape(-1, 10), labels);             // mean over N·D
        return scope.Keep(mean * Digits);
    }

    /// <summary>The decoded numbers: Σᵢ argmax(logits of digit i)·10^i.</summary>
    public long[] Predict(Tensor hidden)
    {
        using var scope = DisposeScope.Begin();
        var digits = Logits(hidden).ArgMax(-1).ToArray<long>();                         // (N, D)
        var result = new long[digits.Length / Digits];
        for (var n = 0; n < result.Length; n++)
        {
            long value = 0;
            for (var i = Digits - 1; i >= 0; i--)
            {
                value = value * 10 + digits[n * Digits + i];
            }
            result[n] = value;
        }
        return result;
    }
}
