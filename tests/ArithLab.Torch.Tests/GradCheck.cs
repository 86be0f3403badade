namespace ArithLab.Torch.Tests;

/// <summary>
/// Compares autograd's gradient with central finite differences in float64, as PyTorch's
/// gradcheck does: for each input element, (f(x + h) − f(x − h)) / 2h of a random
/// projection of the output against the backward pass of the same projection.
/// </summary>
public static class GradCheck
{
    /// <summary>Asserts that autograd's gradients of <paramref name="function"/> match finite differences.</summary>
    /// <param name="function">Maps the inputs (float64, requires-grad) to one output tensor.</param>
    /// <param name="inputs">float64 input values; each becomes a leaf requiring grad.</param>
    public static void Assert(Func<Tensor[], Tensor> function, params Tensor[] inputs) =>
        Assert(function, inputs, eps: 1e-6, tolerance: 1e-5);

    public static void Assert(Func<Tensor[], Tensor> function, Tensor[] inputs, double eps, double tolerance)
    {
        using var scope = DisposeScope.Begin();
        var leaves = inputs.Select(i => i.To(ScalarType.Float64).Detach().RequiresGrad_()).ToArray();
        var output = function(leaves);
        Xunit.Assert.Equal(ScalarType.Float64, output.DType);
        // A fixed random projection makes the check cover every output element at once.
        var random = new Random(1234);
        var weights = Enumerable.Range(0, (int)output.NumEl).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        // FromSpan keeps zero-dimensional shapes (From with no shape means one dimension).
        var projection = Tensor.FromSpan<double>(weights, output.Shape, ScalarType.Float64);
        (output * projection).Sum().Backward();

        for (var k = 0; k < leaves.Length; k++)
        {
            var analytic = leaves[k].Grad?.ToArray<double>() ?? new double[leaves[k].NumEl];
            var values = leaves[k].ToArray<double>();
            var shape = leaves[k].Shape;
            for (var i = 0; i < values.Length; i++)
            {
                var numeric = (Evaluate(function, leaves, k, values, shape, i, eps, projection)
                             - Evaluate(function, leaves, k, values, shape, i, -eps, projection)) / (2 * eps);
                var error = Math.Abs(numeric - analytic[i]);
                if (error > tolerance * Math.Max(1.0, Math.Abs(numeric)))
                {
                    Xunit.Assert.Fail($"gradient of input {k} element {i}: autograd {analytic[i]:G10}, finite difference {numeric:G10}");
                }
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> function, Tensor[] leaves, int k, double[] values,
                                   long[] shape, int i, double delta, Tensor projection)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        var shifted = (double[])values.Clone();
        shifted[i] += delta;
        var args = (Tensor[])leaves.Clone();
        args[k] = Tensor.FromSpan<double>(shifted, shape, ScalarType.Float64);
        return (function(args) * projection).Sum().Item();
    }
}
