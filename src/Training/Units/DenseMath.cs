using System.Numerics;
using System.Runtime.InteropServices;

namespace ArithLab.Training.Units;

/// <summary>The three products of a bias-free dense layer y = x Wᵀ, on row-major spans, SIMD where it pays.</summary>
internal static class DenseMath
{
    /// <summary>y (B, O) = x (B, I) · Wᵀ, W (O, I).</summary>
    public static void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> y, int inputs, int outputs)
    {
        var batch = y.Length / outputs;
        for (var b = 0; b < batch; b++)
        {
            var row = x.Slice(b * inputs, inputs);
            for (var o = 0; o < outputs; o++)
            {
                y[b * outputs + o] = Dot(row, w.Slice(o * inputs, inputs));
            }
        }
    }

    /// <summary>dW (O, I) += dyᵀ (O, B) · x (B, I).</summary>
    public static void AccumulateWeightGrad(ReadOnlySpan<double> dy, ReadOnlySpan<double> x, Span<double> dw, int inputs, int outputs)
    {
        var batch = dy.Length / outputs;
        for (var b = 0; b < batch; b++)
        {
            var row = x.Slice(b * inputs, inputs);
            for (var o = 0; o < outputs; o++)
            {
                Axpy(dy[b * outputs + o], row, dw.Slice(o * inputs, inputs));
            }
        }
    }

    /// <summary>dx (B, I) += dy (B, O) · W (O, I).</summary>
    public static void AccumulateInputGrad(ReadOnlySpan<double> dy, ReadOnlySpan<double> w, Span<double> dx, int inputs, int outputs)
    {
        var batch = dy.Length / outputs;
        for (var b = 0; b < batch; b++)
        {
            var row = dx.Slice(b * inputs, inputs);
            for (var o = 0; o < outputs; o++)
            {
                Axpy(dy[b * outputs + o], w.Slice(o * inputs, inputs), row);
            }
        }
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var k = 0; k < va.Length; k++)
            {
                sum += va[k] * vb[k];
            }
            i = va.Length * Vector<double>.Count;
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    /// <summary>y += alpha · x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var va = new Vector<double>(alpha);
            for (var k = 0; k < vx.Length; k++)
            {
                vy[k] += va * vx[k];
            }
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
