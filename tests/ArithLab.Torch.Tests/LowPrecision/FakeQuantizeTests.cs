using ArithLab.Torch.LowPrecision;

namespace ArithLab.Torch.Tests.LowPrecision;

/// <summary>
/// Quantization inside autograd: the forward pass is the quantizer's, the gradient the
/// straight-through estimator's (unchanged where the forward did not saturate, zero where it clipped),
/// and a backward spec quantizes the gradient itself.
/// </summary>
public class FakeQuantizeTests
{
    private static readonly NumberFormat E4M3 = NumberFormat.E4M3.With(Overflow.Saturate);
    private static readonly NumberFormat E5M2 = NumberFormat.E5M2.With(Overflow.Saturate);

    [Fact]
    public void The_forward_pass_rounds_onto_the_grid_and_clips_at_max()
    {
        using var scope = DisposeScope.Begin();
        // E4M3 steps: 0.25 in [2, 4), 32 in [256, 448]; 464 is the tie between 448 and 480 (even: 448).
        var x = Tensor.From(new[] { 3.3f, -3.3f, 300f, 464f, 1000f, -1000f });
        var y = FakeQuantize.Apply(x, QuantSpec.Scaled(E4M3), QuantSpec.None);
        Assert.Equal([3.25f, -3.25f, 288f, 448f, 448f, -448f], y.ToArray<float>());
    }

    [Fact]
    public void The_gradient_passes_unchanged_where_the_forward_did_not_saturate_and_is_zero_where_it_clipped()
    {
        using var scope = DisposeScope.Begin();
        // Scale 2: |x| · 2 beyond 448 + 16 clips, so |x| > 232 saturates; 230 · 2 = 460 rounds to 448 without clipping.
        float[] values = [0.013f, -1.7f, 3.3f, 100f, 230f, -230f, 240f, -500f, 1e6f];
        bool[] clipped = [false, false, false, false, false, false, true, true, true];
        var x = Tensor.From(values).RequiresGrad_();
        float[] upstream = [0.5f, -1.25f, 3f, 0.1f, 7f, -2f, 4f, 1f, -9f];
        var y = FakeQuantize.Apply(x, QuantSpec.Scaled(E4M3, scale: 2f), QuantSpec.None);
        (y * Tensor.From(upstream)).Sum().Backward();

        var grad = x.Grad!.ToArray<float>();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(clipped[i] ? 0f : upstream[i], grad[i]);
        }
    }

    [Fact]
    public void Through_a_matmul_the_gradient_is_the_matmuls_at_the_quantized_values()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(3);
        var x = Tensor.Randn(4, 8).RequiresGrad_();
        var w = Tensor.Randn(8, 5);
        var target = Tensor.Randn(4, 5);
        var spec = QuantSpec.Current(E4M3);
        ((Tensor.MatMul(FakeQuantize.Apply(x, spec, QuantSpec.None), w) - target).Pow(2).Sum()).Backward();

        // The same loss at a leaf holding the quantized values: its exact gradient is what the STE passes on.
        var q = TensorScaling.Quantize(x.Detach(), E4M3, out _).RequiresGrad_();
        ((Tensor.MatMul(q, w) - target).Pow(2).Sum()).Backward();
        Assert.Equal(q.Grad!.ToArray<float>(), x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Current_scaling_maps_amax_to_max_and_clips_nothing()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new[] { 0.001f, -0.07f, 0.5f }).RequiresGrad_();
        var y = FakeQuantize.Apply(x, QuantSpec.Current(E4M3), QuantSpec.None);
        var expected = TensorScaling.Quantize(x.Detach(), E4M3, out var scale);
        Assert.Equal(448f / 0.5f, scale);
        Assert.Equal(expected.ToArray<float>(), y.ToArray<float>());
        Assert.Equal(0.5f, y.ToArray<float>()[2]);
        y.Sum().Backward();
        Assert.Equal([1f, 1f, 1f], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void A_backward_spec_leaves_the_forward_alone_and_rounds_the_gradient()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new[] { 0.1f, 0.2f, 0.3f }).RequiresGrad_();
        var y = FakeQuantize.Apply(x, QuantSpec.None, QuantSpec.Scaled(E5M2));
        Assert.Equal(x.Detach().ToArray<float>(), y.ToArray<float>());
        // E5M2 steps: 0.0625 in [0.25, 0.5) and 0.125 in [0.5, 1): 0.3 → 0.3125, 0.7 → 0.75, 1.9 → 2.
        (y * Tensor.From(new[] { 0.3f, 0.7f, 1.9f })).Sum().Backward();
        Assert.Equal([0.3125f, 0.75f, 2f], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Block_formats_pass_every_gradient_even_where_a_block_max_is_rounded_down()
    {
        using var scope = DisposeScope.Begin();
        // amax 7 gives MXFP4 the scale 2^(2 - 2) = 1, so 7 becomes E2M1's max 6: a block's own scale, not an overflow.
        var x = Tensor.From(new[] { 7f, 1f, -0.5f, 2.9f }).RequiresGrad_();
        var y = FakeQuantize.Apply(x, QuantSpec.Blocks(MxFormat.Mxfp4, dim: 0), QuantSpec.None);
        Assert.Equal([6f, 1f, -0.5f, 3f], y.ToArray<float>());
        (y * Tensor.From(new[] { 2f, 3f, 4f, 5f })).Sum().Backward();
        Assert.Equal([2f, 3f, 4f, 5f], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Amax_slots_collect_the_largest_magnitude_of_every_call_and_of_the_gradient()
    {
        using var scope = DisposeScope.Begin();
        var forward = Tensor.Zeros(1);
        var backward = Tensor.Zeros(1);
        var a = Tensor.From(new[] { 0.5f, -3f }).RequiresGrad_();
        var b = Tensor.From(new[] { -2f, 1f }).RequiresGrad_();
        var ya = FakeQuantize.Apply(a, QuantSpec.Scaled(E4M3), QuantSpec.Scaled(E5M2), forward, backward);
        var yb = FakeQuantize.Apply(b, QuantSpec.Scaled(E4M3), QuantSpec.Scaled(E5M2), forward, backward);
        Assert.Equal(3f, forward.Item<float>());
        ((ya * Tensor.From(new[] { 1f, -6f })).Sum() + (yb * 4).Sum()).Backward();
        Assert.Equal(6f, backward.Item<float>());
    }

    [Fact]
    public void Nvfp4_and_stochastic_gradients_follow_their_quantizers()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(5);
        var x = Tensor.Randn(4, 32);
        var y = FakeQuantize.Apply(x, QuantSpec.Nvfp4(-1), QuantSpec.None);
        Assert.Equal(Nvfp4Quantizer.Quantize(x).ToArray<float>(), y.ToArray<float>());

        var leaf = Tensor.Zeros(64).RequiresGrad_();
        var g = Tensor.Randn(64);
        var spec = QuantSpec.Scaled(E5M2) with { Rounding = Rounding.Stochastic, Seed = 11 };
        (FakeQuantize.Apply(leaf, QuantSpec.None, spec) * g).Sum().Backward();
        Assert.Equal(Quantizer.Quantize(g, E5M2, Rounding.Stochastic, seed: 11).ToArray<float>(), leaf.Grad!.ToArray<float>());
    }

    [Fact]
    public void Lmul_with_gradient_computes_lmul_forward_and_the_exact_matmuls_gradient()
    {
        using var scope = DisposeScope.Begin();
        // 1.75 · 1.75 under L-Mul with m = 2: (1 + 0.75 + 0.75 + 2^-2) = 2.75 (docs/precision.md).
        var a = Tensor.From(new[] { 1.75f, 2f }).View(1, 2).RequiresGrad_();
        var b = Tensor.From(new[] { 1.75f, 0.5f }).View(2, 1).RequiresGrad_();
        var c = LMul.MatMulWithGradient(a, b, 2);
        // 2 · 0.5 = 2^1 · 2^-1 · (1 + 0 + 0 + 0.25) = 1.25
        Assert.Equal(2.75f + 1.25f, c.Item<float>());
        (c * 3).Sum().Backward();
        Assert.Equal([3 * 1.75f, 3 * 0.5f], a.Grad!.ToArray<float>());   // dA = dC · Bᵀ
        Assert.Equal([3 * 1.75f, 3 * 2f], b.Grad!.ToArray<float>());     // dB = Aᵀ · dC
    }

    [Fact]
    public void Lmul_with_gradient_sums_broadcast_batch_dimensions_back()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(9);
        var a = Tensor.Randn(3, 2, 4).RequiresGrad_();
        var w = Tensor.Randn(4, 5).RequiresGrad_();
        LMul.MatMulWithGradient(a, w, 4).Sum().Backward();
        var a2 = a.Detach().RequiresGrad_();
        var w2 = w.Detach().RequiresGrad_();
        Tensor.MatMul(a2, w2).Sum().Backward();
        // The same sums in another order: equal up to float32 rounding.
        Assert.Equal(w2.Grad!.ToArray<float>(), w.Grad!.ToArray<float>(), (p, q) => MathF.Abs(p - q) <= 1e-5f * MathF.Max(1f, MathF.Abs(p)));
        Assert.Equal(a2.Grad!.ToArray<float>(), a.Grad!.ToArray<float>(), (p, q) => MathF.Abs(p - q) <= 1e-5f * MathF.Max(1f, MathF.Abs(p)));
    }

    [Fact]
    public void A_bad_input_is_an_exception()
    {
        using var scope = DisposeScope.Begin();
        var ints = Tensor.From(new[] { 1L, 2L });
        Assert.Throws<TorchException>(() => FakeQuantize.Apply(ints, QuantSpec.Scaled(E4M3), QuantSpec.None));
        Assert.Throws<TorchException>(() => FakeQuantize.Apply(Tensor.Zeros(2), QuantSpec.Scaled(E4M3), QuantSpec.None, forwardAmax: Tensor.Zeros(2)));
    }
}
