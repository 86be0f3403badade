namespace ArithLab.Torch.Tests;

/// <summary>The core natives that the other tests reach only indirectly, each checked on its own.</summary>
[Collection(GlobalStateCollection.Name)]
public class CoreNativeTests
{
    [Fact]
    public void Format_prints_the_values_as_libtorch_does()
    {
        using var t = Tensor.From(new long[] { 1, 2, 3 });
        var text = t.Format();
        Assert.Contains("1", text);
        Assert.Contains("3", text);
        Assert.Contains("[ CPULongType{3} ]", text);
    }

    [Fact]
    public void Thread_count_can_be_set_and_read_back()
    {
        var before = LibTorch.Threads;
        try
        {
            LibTorch.Threads = 1;
            Assert.Equal(1, LibTorch.Threads);
            Assert.Throws<ArgumentOutOfRangeException>(() => LibTorch.Threads = 0);
        }
        finally
        {
            LibTorch.Threads = before;
        }
    }

    [Fact]
    public void Retained_gradient_of_an_intermediate_is_kept_after_backward()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        var y = x * x;            // dL/dy = 3 for L = sum(3y)
        y.RetainGrad();
        (y * Tensor.From(new double[] { 3, 3 })).Sum().Backward();
        Assert.Equal(new double[] { 3, 3 }, y.Grad!.ToArray<double>());
        Assert.Equal(new double[] { 6, 12 }, x.Grad!.ToArray<double>());   // 3 · 2x
    }

    [Fact]
    public void Without_retain_grad_an_intermediate_has_no_gradient()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        var y = x * x;
        y.Sum().Backward();
        Assert.Null(y.Grad);
    }

    [Fact]
    public void Enable_grad_inside_no_grad_records_and_restores()
    {
        using (LibTorch.NoGrad())
        {
            Assert.False(LibTorch.GradEnabled);
            using (LibTorch.EnableGrad())
            {
                Assert.True(LibTorch.GradEnabled);
            }
            Assert.False(LibTorch.GradEnabled);
        }
        Assert.True(LibTorch.GradEnabled);
    }
}
