namespace ArithLab.Models.Tests;

/// <summary>
/// Checks autograd against central finite differences in float64: every leaf (module weights
/// or inputs) is nudged in place by ±h and the scalar loss re-evaluated.
/// </summary>
internal static class FiniteDifference
{
    public static void AssertGradients(Func<Tensor> loss, IReadOnlyList<Tensor> leaves, double h = 1e-6, double tolerance = 1e-6)
    {
        foreach (var leaf in leaves)
        {
            Assert.Equal(ScalarType.Float64, leaf.DType);
            leaf.ZeroGrad();
        }
        using (var scope = DisposeScope.Begin())
        {
            loss().Backward();
        }
        for (var k = 0; k < leaves.Count; k++)
        {
            var leaf = leaves[k];
            using var grad = leaf.Grad;
            var analytic = grad?.ToArray<double>() ?? new double[leaf.NumEl];
            var values = leaf.ToArray<double>();
            for (var i = 0; i < values.Length; i++)
            {
                var numeric = (Evaluate(loss, leaf, values, i, h) - Evaluate(loss, leaf, values, i, -h)) / (2 * h);
                Set(leaf, values);
                if (Math.Abs(numeric - analytic[i]) > tolerance * Math.Max(1.0, Math.Abs(numeric)))
                {
                    Assert.Fail($"leaf {k} element {i}: autograd {analytic[i]:G10}, finite difference {numeric:G10}");
                }
            }
        }
    }

    private static double Evaluate(Func<Tensor> loss, Tensor leaf, double[] values, int i, double delta)
    {
        var shifted = (double[])values.Clone();
        shifted[i] += delta;
        Set(leaf, shifted);
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        return loss().Item();
    }

    private static void Set(Tensor leaf, double[] values)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        leaf.CopyFrom_(Tensor.From(values).Reshape(leaf.Shape));   // Reshape, not From(values, shape): a 0-d leaf has an empty shape
    }
}
