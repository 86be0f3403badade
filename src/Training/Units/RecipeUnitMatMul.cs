using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;

namespace ArithLab.Training.Units;

/// <summary>
/// One unit layer's multiplication by its weight under a low-precision recipe: the effective weight quantized onto the
/// weights' format (blocks along the inputs, the reduction dimension), and under lmul every product an L-Mul one from
/// the lab's native kernel (<see cref="LMul.MatMul"/>, float32 accumulation), whose gradient is the exact product's.
/// </summary>
public sealed class RecipeUnitMatMul : IUnitMatMul
{
    private readonly UnitLowPrecision _owner;
    private readonly int _layer;
    private readonly int _inputs;
    private readonly int _outputs;
    private readonly int? _lmulBits;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private double[] _outer = [];

    internal RecipeUnitMatMul(UnitLowPrecision owner, int layer, int inputs, int outputs)
    {
        _owner = owner;
        _layer = layer;
        _inputs = inputs;
        _outputs = outputs;
        _lmulBits = owner.Recipe.LinearLMul ? owner.Recipe.LMulBits : null;
    }

    public bool ExactProducts => _lmulBits is null;

    public double[] Weight(double[] effective) =>
        _owner.Quantizer(_layer, UnitTensorRole.Weights) is { } q ? q.Quantize(effective, _inputs, _owner.SeedOfStep, _owner.Training) : effective;

    public void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> y, int inputs, int outputs)
    {
        if (_lmulBits is not { } bits)
        {
            DenseMath.Forward(x, w, y, inputs, outputs);
            return;
        }
        var batch = x.Length / inputs;
        // x (B, I) · Wᵀ (I, O): every product an L-Mul.
        Resize(ref _a, x.Length);
        for (var k = 0; k < x.Length; k++)
        {
            _a[k] = (float)x[k];
        }
        Transposed(w, inputs, outputs);
        LMulInto(_a, [batch, inputs], _b, [inputs, outputs], y);
    }

    public void Products(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> products, int inputs, int outputs)
    {
        if (_lmulBits is null)
        {
            ExactUnitMatMul.Instance.Products(x, w, products, inputs, outputs);
            return;
        }
        var batch = x.Length / inputs;
        // One L-Mul per product W[o, i]·x[b, i], as a batch over i of outer products x[:, i] (B, 1) · W[:, i] (1, O): (I, B, O).
        Resize(ref _a, x.Length);
        for (var k = 0; k < x.Length; k++)
        {
            _a[k] = (float)x[(k % batch) * inputs + k / batch];   // xᵀ (I, B)
        }
        Transposed(w, inputs, outputs);
        if (_outer.Length != products.Length)
        {
            _outer = new double[products.Length];
        }
        var outer = _outer;
        LMulInto(_a, [inputs, batch, 1], _b, [inputs, 1, outputs], outer);
        for (var i = 0; i < inputs; i++)
        {
            for (var b = 0; b < batch; b++)
            {
                for (var o = 0; o < outputs; o++)
                {
                    products[(b * outputs + o) * inputs + i] = outer[(i * batch + b) * outputs + o];
                }
            }
        }
    }

    public void WeightGradient(Span<double> dw) => _owner.Quantizer(_layer, UnitTensorRole.Weights)?.PassGradient(dw);

    private void LMulInto(float[] a, long[] aShape, float[] b, long[] bShape, Span<double> into)
    {
        using var left = Tensor.FromSpan<float>(a, aShape, ScalarType.Float32);
        using var right = Tensor.FromSpan<float>(b, bShape, ScalarType.Float32);
        using var product = LMul.MatMul(left, right, _lmulBits!.Value);
        if (_c.Length != into.Length)
        {
            _c = new float[into.Length];
        }
        product.CopyTo<float>(_c);
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = _c[i];
        }
    }

    // Wᵀ (I, O) from W (O, I), in float32.
    private void Transposed(ReadOnlySpan<double> w, int inputs, int outputs)
    {
        Resize(ref _b, w.Length);
        for (var k = 0; k < w.Length; k++)
        {
            _b[k] = (float)w[(k % outputs) * inputs + k / outputs];
        }
    }

    private static void Resize(ref float[] buffer, int length)
    {
        if (buffer.Length != length)
        {
            buffer = new float[length];
        }
    }
}
