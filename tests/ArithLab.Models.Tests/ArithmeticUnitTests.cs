using ArithLab.Models.Arithmetic;

namespace ArithLab.Models.Tests;

public class ArithmeticUnitTests
{
    private static void Load(Module module, params (string Name, double[] Values, long[] Shape)[] weights) =>
        module.LoadStateDict(weights.ToDictionary(w => w.Name, w => Tensor.From(w.Values, w.Shape)), strict: true);

    private static Tensor Row(params double[] values) => Tensor.From(values, 1, values.Length);

    [Fact]
    public void Nac_weight_is_tanh_times_sigmoid_of_its_two_matrices()
    {
        using var scope = DisposeScope.Begin();
        using var nac = new Nac(2, 1);
        nac.To(ScalarType.Float64);
        Load(nac, ("w_hat", new[] { 1.0, -2.0 }, new long[] { 1, 2 }), ("m_hat", new[] { 0.0, 3.0 }, new long[] { 1, 2 }));
        // tanh(1)·σ(0) = 0.7615941559557649·0.5; tanh(−2)·σ(3) = −0.9640275800758169·0.9525741268224334.
        var w0 = 0.7615941559557649 * 0.5;
        var w1 = -0.9640275800758169 * 0.9525741268224334;
        Assert.Equal(2 * w0 + 3 * w1, nac.Forward(Row(2, 3)).Item(), 12);
    }

    [Fact]
    public void Saturated_nac_subtracts_exactly()
    {
        using var scope = DisposeScope.Begin();
        using var nac = new Nac(2, 1);
        nac.To(ScalarType.Float64);
        Load(nac, ("w_hat", new[] { 30.0, -30.0 }, new long[] { 1, 2 }), ("m_hat", new[] { 30.0, 30.0 }, new long[] { 1, 2 }));
        Assert.Equal(1234.0 - 987.0, nac.Forward(Row(1234, 987)).Item(), 8);
    }

    [Theory]
    [InlineData(30.0, 7.0)]   // gate open: the additive path, 3 + 4
    [InlineData(-30.0, 12.0)] // gate shut: the multiplicative path, exp(log 3 + log 4)
    public void Nalu_gate_chooses_between_sum_and_product(double gate, double expected)
    {
        using var scope = DisposeScope.Begin();
        using var nalu = new Nalu(2, 1);
        nalu.To(ScalarType.Float64);
        Load(nalu, ("nac.w_hat", new[] { 30.0, 30.0 }, new long[] { 1, 2 }), ("nac.m_hat", new[] { 30.0, 30.0 }, new long[] { 1, 2 }),
             ("g", new[] { gate, gate }, new long[] { 1, 2 }));
        // ε = 1e-7 inside the logarithm shifts the product by about 1e-6.
        Assert.Equal(expected, nalu.Forward(Row(3, 4)).Item(), 5);
    }

    [Fact]
    public void Nau_uses_weights_clamped_to_plus_minus_one()
    {
        using var scope = DisposeScope.Begin();
        using var nau = new Nau(2, 1);
        nau.To(ScalarType.Float64);
        Load(nau, ("w", new[] { 1.5, -0.5 }, new long[] { 1, 2 }));
        Assert.Equal(2 * 1.0 - 0.5 * 4, nau.Forward(Row(2, 4)).Item(), 12);
        nau.ClampWeights();
        Assert.Equal(new[] { 1.0, -0.5 }, nau.W.ToArray<double>());
    }

    [Fact]
    public void Nau_sparsity_regularizer_is_the_mean_distance_to_minus_one_zero_or_one()
    {
        using var scope = DisposeScope.Begin();
        using var nau = new Nau(2, 2);
        nau.To(ScalarType.Float64);
        Load(nau, ("w", new[] { 0.25, -0.9, 1.0, 0.5 }, new long[] { 2, 2 }));
        // min(|w|, 1 − |w|): 0.25, 0.1, 0, 0.5 → mean 0.2125.
        Assert.Equal(0.2125, nau.SparsityRegularizer().Item(), 12);
        Load(nau, ("w", new[] { 1.0, -1.0, 0.0, 1.0 }, new long[] { 2, 2 }));
        Assert.Equal(0.0, nau.SparsityRegularizer().Item(), 12);
    }

    [Fact]
    public void Nmu_multiplies_the_selected_inputs()
    {
        using var scope = DisposeScope.Begin();
        using var nmu = new Nmu(3, 2);
        nmu.To(ScalarType.Float64);
        Load(nmu, ("w", new[] { 1.0, 0.0, 1.0, 1.0, 0.5, 0.0 }, new long[] { 2, 3 }));
        // Row 0 selects x0 and x2: 2·4 = 8. Row 1: (1·2)·(0.5·3 + 0.5)·1 = 4.
        Assert.Equal(new[] { 8.0, 4.0 }, nmu.Forward(Row(2, 3, 4)).ToArray<double>());
    }

    [Fact]
    public void Nmu_regularizer_and_clamp_keep_weights_in_zero_one()
    {
        using var scope = DisposeScope.Begin();
        using var nmu = new Nmu(2, 1);
        nmu.To(ScalarType.Float64);
        Load(nmu, ("w", new[] { 0.3, 0.9 }, new long[] { 1, 2 }));
        Assert.Equal((0.3 + 0.1) / 2, nmu.SparsityRegularizer().Item(), 12);
        Load(nmu, ("w", new[] { 1.7, -0.2 }, new long[] { 1, 2 }));
        nmu.ClampWeights();
        Assert.Equal(new[] { 1.0, 0.0 }, nmu.W.ToArray<double>());
    }

    [Fact]
    public void Initial_weights_lie_in_the_papers_ranges()
    {
        using var nau = new Nau(10, 10);
        using var nmu = new Nmu(10, 10);
        var r = Math.Min(0.5, Math.Sqrt(3) * Math.Sqrt(2.0 / 20));
        Assert.All(nau.W.ToArray<float>(), w => Assert.InRange(w, -r, r));
        Assert.All(nmu.W.ToArray<float>(), w => Assert.InRange(w, 0.25, 0.75));
    }

    public static TheoryData<string> Units() => new() { "nac", "nalu", "nau", "nmu" };

    [Theory]
    [MemberData(nameof(Units))]
    public void Gradients_match_finite_differences(string unit)
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(21);
        using Module module = unit switch
        {
            "nac" => new Nac(3, 2),
            "nalu" => new Nalu(3, 2),
            "nau" => new Nau(3, 2),
            _ => new Nmu(3, 2),
        };
        module.To(ScalarType.Float64);
        // Inputs away from 0 keep log|x| smooth for the NALU.
        var x = Tensor.From(new[] { 0.7, -1.3, 2.1, 1.1, 0.4, -0.6 }, 2, 3).RequiresGrad_();
        Func<Tensor> loss = module switch
        {
            Nac nac => () => (nac.Forward(x) * Tensor.From(new[] { 1.0, -2.0 })).Sum(),
            Nalu nalu => () => (nalu.Forward(x) * Tensor.From(new[] { 1.0, -2.0 })).Sum(),
            Nau nau => () => (nau.Forward(x) * Tensor.From(new[] { 1.0, -2.0 })).Sum() + nau.SparsityRegularizer() * 3.0,
            Nmu nmu => () => (nmu.Forward(x) * Tensor.From(new[] { 1.0, -2.0 })).Sum() + nmu.SparsityRegularizer() * 3.0,
            _ => throw new InvalidOperationException(),
        };
        var leaves = module.Parameters().Append(x).ToList();
        FiniteDifference.AssertGradients(loss, leaves);
        module.Dispose();
    }
}
