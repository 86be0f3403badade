using ArithLab.Torch.Nn;

namespace ArithLab.Torch.Tests;

[Collection(GlobalStateCollection.Name)]
public class NnLayerTests
{
    private static double StdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    [Fact]
    public void Linear_default_init_is_uniform_within_one_over_root_fan_in()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var linear = new Linear(64, 256);
        var bound = 1 / Math.Sqrt(64);
        var w = linear.Weight.Tensor.ToArray<float>().Select(v => (double)v).ToArray();
        var b = linear.Bias!.Tensor.ToArray<float>().Select(v => (double)v).ToArray();
        Assert.Equal(new long[] { 256, 64 }, linear.Weight.Shape);
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.All(b, v => Assert.InRange(v, -bound, bound));
        // U(−b, b) has standard deviation b/√3; 16384 draws pin it to about 0.5%.
        Assert.Equal(bound / Math.Sqrt(3), StdDev(w), 0.003);
        Assert.True(w.Max() > 0.95 * bound && w.Min() < -0.95 * bound);
    }

    [Fact]
    public void Linear_with_a_seed_draws_the_same_weights_as_pytorch_nn_Linear()
    {
        LibTorch.ManualSeed(5);
        using var linear = new Linear(4, 3);
        // PyTorch 1.13: torch.manual_seed(5); nn.Linear(4, 3).weight, .bias (CPU generator).
        float[] weight = { 0.33025187253952026f, -0.37388908863067627f, 0.4074696898460388f, 0.31992703676223755f, 0.42010343074798584f, -0.3833547830581665f, -0.33560848236083984f, 0.2379193902015686f, -0.4667353630065918f, 0.4941847324371338f, 0.10642856359481812f, 0.06457126140594482f };
        float[] bias = { -0.4275878071784973f, 0.15933895111083984f, 0.2150057554244995f };
        Assert.Equal(weight, linear.Weight.Tensor.ToArray<float>());
        Assert.Equal(bias, linear.Bias!.Tensor.ToArray<float>());
    }

    [Fact]
    public void Embedding_with_a_seed_draws_the_same_weights_as_pytorch_nn_Embedding()
    {
        LibTorch.ManualSeed(5);
        using var embedding = new Embedding(3, 2);
        // PyTorch 1.13: torch.manual_seed(5); nn.Embedding(3, 2).weight (CPU generator).
        float[] weight = { -0.4867807626724243f, -0.6038215756416321f, -0.5580962300300598f, 0.6675242781639099f, -0.19741509854793549f, 1.9427834749221802f };
        Assert.Equal(weight, embedding.Weight.Tensor.ToArray<float>());
    }

    [Fact]
    public void Linear_without_bias_has_one_parameter()
    {
        using var linear = new Linear(3, 2, bias: false);
        Assert.Null(linear.Bias);
        Assert.Equal(new[] { "weight" }, linear.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Linear_forward_and_backward_give_hand_computed_values_and_gradients()
    {
        using var linear = new Linear(2, 1);
        using var scope = DisposeScope.Begin();
        linear.LoadStateDict(new Dictionary<string, Tensor>
        {
            ["weight"] = Tensor.From(new float[] { 2, -1 }, 1, 2),
            ["bias"] = Tensor.From(new float[] { 0.5f }),
        });
        var x = Tensor.From(new float[] { 1, 2, 3, 4 }, 2, 2);
        var y = linear.Forward(x);
        Assert.Equal(new float[] { 0.5f, 2.5f }, y.ToArray<float>());
        y.Sum().Backward();
        // d(sum)/dW = Σ rows of x = (4, 6); d(sum)/db = batch size.
        Assert.Equal(new float[] { 4, 6 }, linear.Weight.Grad!.ToArray<float>());
        Assert.Equal(new float[] { 2 }, linear.Bias!.Grad!.ToArray<float>());
    }

    [Fact]
    public void Linear_in_float64_on_the_requested_dtype()
    {
        using var linear = new Linear(2, 3, dtype: ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, linear.Weight.DType);
        Assert.Equal(ScalarType.Float64, linear.Bias!.DType);
    }

    [Fact]
    public void Embedding_init_is_standard_normal_and_forward_looks_up_rows()
    {
        // Seeded so that the statistical bounds below are checked on fixed draws.
        LibTorch.ManualSeed(1);
        using var embedding = new Embedding(100, 100);
        using var scope = DisposeScope.Begin();
        var w = embedding.Weight.Tensor.ToArray<float>().Select(v => (double)v).ToArray();
        // 10000 draws: the mean is within 4·0.01 of 0 and the deviation within 0.03 of 1.
        Assert.InRange(w.Average(), -0.04, 0.04);
        Assert.InRange(StdDev(w), 0.97, 1.03);
        var y = embedding.Forward(Tensor.From(new long[] { 7, 7, 3 }, 1, 3));
        Assert.Equal(new long[] { 1, 3, 100 }, y.Shape);
        Assert.Equal(w.Skip(700).Take(100).Select(v => (float)v).ToArray(), y.ToArray<float>().Skip(100).Take(100).ToArray());
    }

    [Fact]
    public void LayerNorm_starts_as_weight_one_bias_zero_and_normalizes_each_row()
    {
        using var norm = new LayerNorm(4);
        using var scope = DisposeScope.Begin();
        Assert.Equal(new float[] { 1, 1, 1, 1 }, norm.Weight!.Tensor.ToArray<float>());
        Assert.Equal(new float[] { 0, 0, 0, 0 }, norm.Bias!.Tensor.ToArray<float>());
        var y = norm.Forward(Tensor.From(new float[] { 1, 2, 3, 4 }, 1, 4)).ToArray<float>();
        // Mean 2.5, biased variance 1.25: (x − 2.5)/√(1.25 + 1e-5).
        var s = Math.Sqrt(1.25 + 1e-5);
        Assert.Equal(new[] { -1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s }, y.Select(v => (double)v).ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void LayerNorm_without_affine_or_bias_has_only_the_parameters_asked_for()
    {
        using var plain = new LayerNorm(4, elementwiseAffine: false);
        using var noBias = new LayerNorm(4, bias: false);
        Assert.Empty(plain.NamedParameters());
        Assert.Equal(new[] { "weight" }, noBias.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void RmsNorm_starts_as_weight_one_and_divides_by_root_mean_square()
    {
        using var norm = new RmsNorm(2, eps: 0);
        using var scope = DisposeScope.Begin();
        Assert.Equal(new float[] { 1, 1 }, norm.Weight!.Tensor.ToArray<float>());
        // rms(3, 4) = √12.5.
        var y = norm.Forward(Tensor.From(new float[] { 3, 4 }, 1, 2)).ToArray<float>();
        Assert.Equal(3 / Math.Sqrt(12.5), y[0], 6);
        Assert.Equal(4 / Math.Sqrt(12.5), y[1], 6);
    }

    [Fact]
    public void Sequential_applies_modules_in_order_and_frees_intermediates()
    {
        using var a = new Linear(2, 3);
        using var b = new Linear(3, 1);
        using var seq = new Sequential(a, new Dropout(0.0), b);
        using var x = Tensor.From(new float[] { 1, -1 }, 1, 2);
        float[] expected;
        using (var scope = DisposeScope.Begin())
        {
            expected = b.Forward(a.Forward(x)).ToArray<float>();
        }
        var live = LibTorch.SettledLiveTensors;
        using var y = seq.Forward(x);
        // Only the output is new: the two intermediates were disposed.
        Assert.Equal(live + 1, LibTorch.SettledLiveTensors);
        Assert.Equal(expected, y.ToArray<float>());
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, seq.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Backward_through_sequential_reaches_the_first_layer_after_intermediates_are_freed()
    {
        using var seq = new Sequential(new Linear(2, 3), new Linear(3, 1));
        using var scope = DisposeScope.Begin();
        seq.Forward(Tensor.From(new float[] { 1, -1 }, 1, 2)).Sum().Backward();
        Assert.All(seq.Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void Empty_sequential_returns_a_new_handle_of_its_input()
    {
        using var seq = new Sequential();
        using var x = Tensor.From(new float[] { 1, 2 });
        using var y = seq.Forward(x);
        Assert.NotSame(x, y);
        Assert.Equal(new float[] { 1, 2 }, y.ToArray<float>());
    }

    [Fact]
    public void Module_list_indexes_its_items_and_names_them_by_position()
    {
        using var list = new ModuleList<Linear>(new Linear(1, 2), new Linear(2, 3));
        list.Add(new Linear(3, 4, bias: false));
        Assert.Equal(3, list.Count);
        Assert.Equal(3, list[2].InFeatures);
        Assert.Equal(new[] { 1L, 2, 3 }, list.Select(l => l.InFeatures).ToArray());
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "2.weight" }, list.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Moving_a_module_to_cuda_when_one_is_present_keeps_parameter_identity()
    {
        // On a machine without CUDA this checks that moving to the CPU it is on changes nothing.
        var device = LibTorch.CudaIsAvailable ? Device.Cuda(0) : Device.Cpu;
        using var linear = new Linear(3, 2);
        var weight = linear.Weight.Tensor;
        var values = weight.ToArray<float>();
        linear.To(device);
        Assert.Same(weight, linear.Weight.Tensor);
        Assert.Equal(device.Type, linear.Weight.Device.Type);
        Assert.Equal(values, linear.Weight.Tensor.ToArray<float>());
        using var scope = DisposeScope.Begin();
        var y = linear.Forward(Tensor.From(new float[] { 1, 2, 3 }, 1, 3).To(device));
        Assert.Equal(device.Type, y.Device.Type);
    }
}
