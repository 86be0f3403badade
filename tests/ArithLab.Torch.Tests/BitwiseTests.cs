namespace ArithLab.Torch.Tests;

public class BitwiseTests
{
    private static Tensor I(params int[] values) => Tensor.From(values);

    [Fact]
    public void And_or_xor_of_tensors_and_scalars()
    {
        using var scope = DisposeScope.Begin();
        var a = I(0b1100, 0b1010);
        var b = I(0b1010, 0b0110);
        Assert.Equal(new[] { 0b1000, 0b0010 }, Tensor.BitwiseAnd(a, b).ToArray<int>());
        Assert.Equal(new[] { 0b1110, 0b1110 }, Tensor.BitwiseOr(a, b).ToArray<int>());
        Assert.Equal(new[] { 0b0110, 0b1100 }, Tensor.BitwiseXor(a, b).ToArray<int>());
        Assert.Equal(new[] { 0b0100, 0b0000 }, Tensor.BitwiseAnd(a, 0b0101L).ToArray<int>());
        Assert.Equal(new[] { 0b1101, 0b1011 }, Tensor.BitwiseOr(a, 1L).ToArray<int>());
        Assert.Equal(new[] { 0b0011, 0b0101 }, Tensor.BitwiseXor(a, 0b1111L).ToArray<int>());
        Assert.Equal(new[] { 0b1000, 0b0010 }, (a & b).ToArray<int>());
        Assert.Equal(new[] { 0b1110, 0b1110 }, (a | b).ToArray<int>());
        Assert.Equal(new[] { 0b0110, 0b1100 }, (a ^ b).ToArray<int>());
        Assert.Equal(ScalarType.Int32, (a & 1L).DType);
    }

    [Fact]
    public void Not_complements_integers_and_negates_bools()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new[] { -1, ~5 }, I(0, 5).BitwiseNot().ToArray<int>());
        Assert.Equal(new[] { false, true }, (~Tensor.From(new[] { true, false })).ToArray<bool>());
    }

    [Fact]
    public void Shifts_by_scalar_and_by_tensor_with_arithmetic_right_shift()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(new[] { 4, 12 }, Tensor.BitwiseLeftShift(I(1, 3), 2L).ToArray<int>());
        Assert.Equal(new[] { 2, 12 }, Tensor.BitwiseLeftShift(I(1, 3), I(1, 2)).ToArray<int>());
        // Signed right shift keeps the sign (PyTorch 1.13: tensor([-16, 16]) >> 2 == [-4, 4]).
        Assert.Equal(new[] { -4, 4 }, Tensor.BitwiseRightShift(I(-16, 16), 2L).ToArray<int>());
        Assert.Equal(new[] { -8, 1 }, Tensor.BitwiseRightShift(I(-16, 16), I(1, 4)).ToArray<int>());
        Assert.Equal(new[] { 16, 48 }, (I(1, 3) << 4).ToArray<int>());
        Assert.Equal(new[] { 0, 1 }, (I(1, 3) >> 1).ToArray<int>());
    }

    [Fact]
    public void Bitwise_ops_on_floats_are_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var f = Tensor.From(new float[] { 1, 2 });
        Assert.Throws<TorchException>(() => Tensor.BitwiseAnd(f, f));
        Assert.Throws<TorchException>(() => f.BitwiseNot());
        Assert.Throws<TorchException>(() => Tensor.BitwiseXor(I(1, 2), I(1, 2, 3)));
    }

    [Fact]
    public void Float32_bits_read_as_IEEE_754_patterns_and_back()
    {
        using var scope = DisposeScope.Begin();
        var f = Tensor.From(new float[] { 1.0f, -2.0f, 0.1f });
        var bits = f.ViewAs(ScalarType.Int32);
        Assert.Equal(ScalarType.Int32, bits.DType);
        Assert.Equal(new long[] { 3 }, bits.Shape);
        Assert.Equal(new[] { 0x3F800000, unchecked((int)0xC0000000), 0x3DCCCCCD }, bits.ToArray<int>());
        var back = Tensor.From(new[] { 0x40490FDB }).ViewAs(ScalarType.Float32);
        Assert.Equal(3.14159274f, back.ToArray<float>()[0]);
    }

    [Fact]
    public void BFloat16_and_float16_bits_read_as_int16()
    {
        using var scope = DisposeScope.Begin();
        // bfloat16 is the top half of float32: 1.0 = 0x3F80, −2.0 = 0xC000, 0.5 = 0x3F00.
        var bf = Tensor.From(new float[] { 1.0f, -2.0f, 0.5f }).To(ScalarType.BFloat16).ViewAs(ScalarType.Int16);
        Assert.Equal(ScalarType.Int16, bf.DType);
        Assert.Equal(new short[] { 0x3F80, unchecked((short)0xC000), 0x3F00 }, bf.ToArray<short>());
        // float16: 1.0 = 0x3C00, −2.0 = 0xC000, 65504 (largest finite) = 0x7BFF.
        var h = Tensor.From(new float[] { 1.0f, -2.0f, 65504f }).To(ScalarType.Float16).ViewAs(ScalarType.Int16);
        Assert.Equal(new short[] { 0x3C00, unchecked((short)0xC000), 0x7BFF }, h.ToArray<short>());
    }

    [Fact]
    public void Int16_bits_become_bfloat16_values()
    {
        using var scope = DisposeScope.Begin();
        var bits = Tensor.FromSpan<short>(new short[] { 0x3F80, 0x4040 }, new long[] { 2 }, ScalarType.Int16);
        var values = bits.ViewAs(ScalarType.BFloat16).To(ScalarType.Float32);
        Assert.Equal(new float[] { 1.0f, 3.0f }, values.ToArray<float>());
    }

    [Fact]
    public void Masking_the_low_mantissa_bits_truncates_float32_to_bfloat16_precision()
    {
        using var scope = DisposeScope.Begin();
        // 1 + 2^-10 needs more than bfloat16's 7 mantissa bits; clearing the low 16 bits drops it.
        var f = Tensor.From(new float[] { 1f + 1f / 1024, 3.0f });
        var truncated = Tensor.BitwiseAnd(f.ViewAs(ScalarType.Int32), unchecked((int)0xFFFF0000)).ViewAs(ScalarType.Float32);
        Assert.Equal(new float[] { 1.0f, 3.0f }, truncated.ToArray<float>());
    }

    [Fact]
    public void Viewing_as_a_wider_dtype_needs_a_divisible_last_dim()
    {
        using var scope = DisposeScope.Begin();
        var bytes = Tensor.From(new byte[] { 1, 0, 0, 0, 2, 0, 0, 0 });
        Assert.Equal(new[] { 1, 2 }, bytes.ViewAs(ScalarType.Int32).ToArray<int>()); // little-endian
        Assert.Throws<TorchException>(() => Tensor.From(new byte[] { 1, 2, 3 }).ViewAs(ScalarType.Int32));
    }
}
