namespace ArithLab.Torch.Tests;

public sealed class AutocastTests
{
    [Fact]
    public void Matmuls_run_in_bfloat16_inside_a_cpu_region_and_in_float32_after_it()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Ones(2, 3);
        var b = Tensor.Ones(3, 4);
        using (Autocast.Enable(DeviceType.Cpu, ScalarType.BFloat16))
        {
            Assert.True(Autocast.IsEnabled(DeviceType.Cpu));
            var inside = Tensor.MatMul(a, b);
            Assert.Equal(ScalarType.BFloat16, inside.DType);
            Assert.Equal(3.0, inside[0, 0].Item());
        }
        Assert.False(Autocast.IsEnabled(DeviceType.Cpu));
        Assert.Equal(ScalarType.Float32, Tensor.MatMul(a, b).DType);
    }

    [Fact]
    public void Regions_nest_and_restore_the_state_before_them()
    {
        using (Autocast.Enable(DeviceType.Cpu, ScalarType.BFloat16))
        {
            using (Autocast.Disable(DeviceType.Cpu))
            {
                Assert.False(Autocast.IsEnabled(DeviceType.Cpu));
            }
            Assert.True(Autocast.IsEnabled(DeviceType.Cpu));
        }
        Assert.False(Autocast.IsEnabled(DeviceType.Cpu));
    }

    [Fact]
    public void Unsupported_pairs_are_refused_with_a_message()
    {
        Assert.False(Autocast.IsSupported(DeviceType.Cpu, ScalarType.Float32));
        var error = Assert.Throws<NotSupportedException>(() => Autocast.Enable(DeviceType.Cpu, ScalarType.Float64));
        Assert.Contains("float64", error.Message, StringComparison.Ordinal);
        if (LibTorch.Version < new Version(2, 4))
        {
            Assert.False(Autocast.IsSupported(DeviceType.Cpu, ScalarType.Float16));
        }
    }
}
