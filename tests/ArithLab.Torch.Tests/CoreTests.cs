namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class CoreTests
{
    [Fact]
    public void Array_round_trips_through_a_tensor_with_its_shape()
    {
        using var t = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal(new long[] { 2, 3 }, t.Shape);
        Assert.Equal(ScalarType.Float32, t.DType);
        Assert.Equal(Device.Cpu, t.Device);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray<float>());
    }

    [Fact]
    public void CopyTo_fills_a_span_of_exactly_the_tensors_length_and_refuses_others()
    {
        using var t = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var into = new float[6];
        t.CopyTo<float>(into);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, into);
        Assert.Throws<ArgumentException>(() => t.CopyTo<float>(new float[5]));
        Assert.Throws<InvalidOperationException>(() => t.CopyTo<double>(new double[6]));
    }

    [Fact]
    public void Matmul_matches_hand_computed_product()
    {
        using var a = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);
        using var b = Tensor.From(new double[] { 5, 6, 7, 8 }, 2, 2);
        using var c = Tensor.MatMul(a, b);
        Assert.Equal(new double[] { 19, 22, 43, 50 }, c.ToArray<double>());
    }

    [Fact]
    public void Integer_plus_integer_scalar_stays_integer_as_in_pytorch()
    {
        using var a = Tensor.From(new long[] { 1, 2 });
        using var b = Tensor.Add(a, 2L);
        using var c = Tensor.Add(a, 0.5);
        Assert.Equal(ScalarType.Int64, b.DType);
        Assert.Equal(new long[] { 3, 4 }, b.ToArray<long>());
        Assert.Equal(ScalarType.Float32, c.DType);
    }

    [Fact]
    public void Shape_mismatch_is_a_TorchException_without_backtrace()
    {
        using var a = Tensor.Zeros(2, 3);
        using var b = Tensor.Zeros(4, 5);
        var e = Assert.Throws<TorchException>(() => Tensor.MatMul(a, b));
        Assert.Contains("cannot be multiplied", e.Message);
        Assert.DoesNotContain("Exception raised from", e.Message);
        Assert.DoesNotContain("frame #", e.Message);
    }

    [Fact]
    public void Dispose_scope_frees_what_it_collected_and_keeps_what_is_kept()
    {
        var before = LibTorch.SettledLiveTensors;
        Tensor kept;
        using (var scope = DisposeScope.Begin())
        {
            var a = Tensor.Zeros(3);
            var b = a + 1.0;
            kept = scope.Keep(b + 1.0);
            Assert.Equal(before + 3, LibTorch.SettledLiveTensors);
        }
        Assert.Equal(before + 1, LibTorch.SettledLiveTensors);
        Assert.Equal(new float[] { 2, 2, 2 }, kept.ToArray<float>());
        kept.Dispose();
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }

    [Fact]
    public void Backward_of_sum_of_product_gives_the_other_factor()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2, 3 }).RequiresGrad_();
        var y = Tensor.From(new double[] { 4, 5, 6 });
        (x * y).Sum().Backward();
        Assert.Equal(new double[] { 4, 5, 6 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Gradcheck_matmul()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[] { 0.1, -0.2, 0.3, 0.4, 0.5, -0.6 }, 2, 3);
        var b = Tensor.From(new double[] { 0.7, 0.8, -0.9, 1.0, 1.1, 1.2 }, 3, 2);
        GradCheck.Assert(x => Tensor.MatMul(x[0], x[1]), a, b);
    }
}

[Collection(GlobalStateCollection.Name)]
public class SettledCountTests
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DropWithoutDispose() => _ = Tensor.Zeros(4);

    [Fact]
    public void Settled_count_releases_tensors_dropped_without_dispose()
    {
        var before = LibTorch.SettledLiveTensors;
        DropWithoutDispose();
        Assert.Equal(before + 1, LibTorch.LiveTensors);
        Assert.Equal(before, LibTorch.SettledLiveTensors);
    }
}
