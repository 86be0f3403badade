using ArithLab.Torch.Safetensors;

namespace ArithLab.Torch.Tests;

/// <summary>Each failure kind the engine promises becomes a TorchException with a useful message.</summary>
public class ErrorKindTests
{
    [Fact]
    public void Missing_safetensors_file_is_a_TorchException_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "arithlab-no-such-" + Guid.NewGuid().ToString("N") + ".safetensors");
        var e = Assert.Throws<TorchException>(() => SafetensorsFile.Load(path));
        Assert.Contains(path, e.Message);
        Assert.IsAssignableFrom<IOException>(e.InnerException);
    }

    [Fact]
    public void Malformed_safetensors_file_is_caught_as_a_TorchException()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
            var e = Assert.ThrowsAny<TorchException>(() => SafetensorsFile.Load(path));
            Assert.IsType<SafetensorsFormatException>(e);
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Index_out_of_range_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var t = Tensor.Zeros(3);
        var e = Assert.Throws<TorchException>(() => t.IndexSelect(0, Tensor.From(new long[] { 5 })));
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void Dtype_mismatch_in_matmul_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Zeros(new long[] { 2, 2 }, ScalarType.Float32);
        var b = Tensor.Zeros(new long[] { 2, 2 }, ScalarType.Float64);
        var e = Assert.Throws<TorchException>(() => Tensor.MatMul(a, b));
        Assert.Contains("expected scalar type Float but found Double", e.Message);
    }
}
