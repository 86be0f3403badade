using ArithLab.Data.Sampling;
using ArithLab.Data.Units;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;
using ArithLab.Training.Config;
using ArithLab.Training.Precision;
using ArithLab.Training.Runs;
using ArithLab.Training.Tests.Training;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>
/// Unit networks under the lab's low-precision recipes: what the forward computes (against the lab's quantizer applied
/// by hand and a worked E4M3 example), the straight-through gradient (against finite differences), every family
/// under every recipe, reproducible stochastic rounding, resume under delayed scaling, and the config's errors.
/// </summary>
[Collection(TrainingStateCollection.Name)]
public sealed class UnitLowPrecisionTests : IDisposable
{
    private static readonly NumberFormat E4M3 = NumberFormat.E4M3.With(Overflow.Saturate);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-units-lowp-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> FamiliesAndRecipes()
    {
        var data = new TheoryData<string, string>();
        foreach (var unit in new[] { "nau", "nmu", "nac-add", "nac-mul", "nalu", "linear" })
        {
            foreach (var recipe in new[] { "fp8-current", "fp8-delayed", "mxfp8", "mxfp6", "mxfp4", "nvfp4", "lmul", "custom", "none" })
            {
                data.Add(unit, recipe);
            }
        }
        return data;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndRecipes))]
    public void Every_unit_family_trains_under_every_recipe_with_finite_falling_loss(string unit, string recipe)
    {
        // Each family in its network of experiments/units (NMU after a NAU, NAC• after a NAC₊) on 100 inputs, so the
        // first layer's MX blocks are 32, 32, 32 and 4 wide; × for the multiplying units.
        var (op, first) = unit switch
        {
            "nmu" => ("mul", "nau"),
            "nac-mul" => ("mul", "nac-add"),
            _ => ("add", unit),
        };
        string[] custom = recipe == "custom" ? ["precision.weights=e2m3", "precision.gradients=e5m2", "precision.optimizer_state=e4m3", "precision.rounding=stochastic"] : [];
        var trainer = new UnitsTrainer(Config($"name: t\ntask: {{operation: {op}}}\nmodel: {{first: {first}, second: {unit}}}",
            ["train.iterations=600", "train.eval_every=600", "train.lr=0.01", $"precision.format={recipe}", .. custom]));
        Assert.Equal(recipe != "none", trainer.LowPrecision is not null);
        // The loss the recipe trains: the network's MSE as it computes under the recipe, on 1,000 fixed training-range rows.
        var x = new double[1000 * 100];
        var t = new double[1000];
        trainer.Task.Fill(x, t, InputRange.Uniform(1, 2), new SeededRandom(77));
        var start = trainer.Network.RecipeMeanSquaredError(x, t);
        Assert.True(trainer.Run());
        var end = trainer.Network.RecipeMeanSquaredError(x, t);
        Assert.True(double.IsFinite(trainer.LastLoss) && double.IsFinite(end), $"loss {trainer.LastLoss}, MSE {end}");
        Assert.True(end < 0.5 * start, $"MSE under {recipe} {start} at step 0, {end} at step 600");
    }

    [Fact]
    public void Forward_under_fp8_current_is_the_float64_dot_product_of_the_hand_quantized_weight_and_input()
    {
        var layer = new NauLayer(4, 2, new SeededRandom(1));
        double[] w = [0.3, -0.5, 0.1, 0.45, -0.2, 0.25, 0.05, -0.35];
        w.CopyTo(layer.Parameters[0].Values, 0);
        double[] x = [1.25, 1.9, 1.01, 1.6, 1.33, 1.5, 1.75, 1.2];   // (2, 4)
        var lowp = new UnitLowPrecision(Recipe("fp8-current"), seed: 0);
        layer.MatMul = lowp.MatMulFor(0, layer);
        var y = new double[4];
        layer.Forward(lowp.Input(0, x, 4), y);

        // A worked example: amax 0.5 gives the scale 448 / 0.5 = 896, and 0.3·896 = 268.8 lies between the E4M3
        // neighbours 256 (code 0x78, 1.000·2⁸) and 288, nearer 256: the weight 0.3 enters the dot product as 256 / 896.
        var wq = ByHand(w, 2, 4);
        Assert.Equal(256.0 / 896, wq[0], 1e-7);
        var xq = ByHand(x, 2, 4);
        for (var b = 0; b < 2; b++)
        {
            for (var o = 0; o < 2; o++)
            {
                double dot = 0;
                for (var i = 0; i < 4; i++)
                {
                    dot += wq[o * 4 + i] * xq[b * 4 + i];
                }
                Assert.Equal(dot, y[b * 2 + o]);
            }
        }
        Assert.NotEqual(DenseDot(w, x, 0, 0), y[0]);

        // The lab's quantizer under current scaling: TensorScaling's two passes (amax, then quantize).
        static double[] ByHand(double[] values, int rows, int columns)
        {
            using var t = Tensor.FromSpan<float>(values.Select(v => (float)v).ToArray(), [rows, columns], ScalarType.Float32);
            using var q = TensorScaling.Quantize(t, E4M3, out _);
            return q.ToArray<float>().Select(v => (double)v).ToArray();
        }
    }

    [Fact]
    public void Under_lmul_every_product_is_the_papers_l_mul()
    {
        // Luo & Sun 2024, eq. 3 with m = 3, l(3) = 3: 1.5 · 1.5 ≈ (1 + 0.5 + 0.5 + 2⁻³) · 2⁰ = 2.125 (exact 2.25);
        // 1.25 · 0.75 = 1.25 · 1.5·2⁻¹ ≈ (1 + 0.25 + 0.5 + 2⁻³) · 2⁻¹ = 0.9375.
        var layer = new LinearLayer(2, 1, new SeededRandom(1));
        double[] w = [1.5, 0.75];
        w.CopyTo(layer.Parameters[0].Values, 0);
        var lowp = new UnitLowPrecision(Recipe("lmul"), seed: 0);
        layer.MatMul = lowp.MatMulFor(0, layer);
        var y = new double[2];
        layer.Forward(new double[] { 1.5, 0, 0, 1.25 }, y);
        Assert.Equal([2.125, 0.9375], y);

        // The NMU's products W·x: the same L-Mul, one per product.
        var nmu = new NmuLayer(2, 1, new SeededRandom(1));
        double[] wn = [0.75, 0.5];
        wn.CopyTo(nmu.Parameters[0].Values, 0);
        nmu.MatMul = lowp.MatMulFor(1, nmu);
        var z = new double[1];
        nmu.Forward(new double[] { 1.25, 1.5 }, z);
        // (L(0.75, 1.25) + 1 − 0.75) · (L(0.5, 1.5) + 1 − 0.5), with L(0.5, 1.5) = (1 + 0 + 0.5 + 2⁻³) · 2⁻¹ = 0.8125.
        Assert.Equal((0.9375 + 0.25) * (0.8125 + 0.5), z[0]);
    }

    [Theory]
    [InlineData("nau")]
    [InlineData("linear")]
    public void Straight_through_gradient_equals_finite_differences_of_the_dequantized_function(string unit)
    {
        // The STE treats each quantizer as the identity plus a constant error: the loss as a function of layer 1's
        // weight W is L(W) = mean(((x̂ Wᵀ + (ĥ − h)) Ŵ₂ᵀ − t)²), with x̂, Ŵ₂ and the hidden error ĥ − h frozen at the
        // values the lab's quantizer gives. Where nothing clips, the network's gradient at W = Ŵ is this L's.
        var kind = unit == "nau" ? UnitKind.Nau : UnitKind.Linear;
        var random = new SeededRandom(5);
        var network = UnitNetwork.Create(kind, kind, 6, 2, 8, new SeededRandom(9));
        network.UseRecipe(new UnitLowPrecision(Recipe("custom", "precision.weights=e4m3", "precision.activations=e4m3"), seed: 0));
        var x = Enumerable.Range(0, 8 * 6).Select(_ => 1 + random.NextDouble()).ToArray();
        var t = Enumerable.Range(0, 8).Select(_ => 3 + random.NextDouble()).ToArray();
        network.LossAndGradients(x, t, lambda: 0);
        var analytic = network.Gradients[0];

        var w1 = Dequantized(network.Parameters[0].Values, 6);
        var w2 = Dequantized(network.Parameters[1].Values, 2);
        var xq = Dequantized(x, 6);
        var h = new double[8 * 2];
        for (var b = 0; b < 8; b++)
        {
            for (var o = 0; o < 2; o++)
            {
                h[b * 2 + o] = Enumerable.Range(0, 6).Sum(i => xq[b * 6 + i] * w1[o * 6 + i]);
            }
        }
        var hq = Dequantized(h, 2);
        double Loss(double[] w) => Enumerable.Range(0, 8).Average(b =>
        {
            var y = Enumerable.Range(0, 2).Sum(o => (Enumerable.Range(0, 6).Sum(i => xq[b * 6 + i] * w[o * 6 + i]) + hq[b * 2 + o] - h[b * 2 + o]) * w2[o]);
            return (y - t[b]) * (y - t[b]);
        });
        const double step = 1e-6;
        for (var k = 0; k < w1.Length; k++)
        {
            var up = (double[])w1.Clone();
            var down = (double[])w1.Clone();
            up[k] += step;
            down[k] -= step;
            Assert.Equal((Loss(up) - Loss(down)) / (2 * step), analytic[k], 1e-6);
        }
        Assert.Contains(analytic, g => Math.Abs(g) > 1e-2);

        static double[] Dequantized(double[] values, int columns)
        {
            using var tensor = Tensor.FromSpan<float>(values.Select(v => (float)v).ToArray(), [values.Length / columns, columns], ScalarType.Float32);
            using var q = FakeQuantize.Apply(tensor, QuantSpec.Current(E4M3), QuantSpec.None);
            return q.ToArray<float>().Select(v => (double)v).ToArray();
        }
    }

    [Fact]
    public void Under_a_delayed_scale_the_gradient_is_zero_exactly_where_the_value_clipped()
    {
        // Scale 448 / 1 from an amax history of [1]: 1.2 → 537.6 and −2 → −896 clip (past 448 + 16, half E4M3's top
        // step), 1.03 → 461.4 rounds to 448 without clipping, 0.5 is inside; as native/src/lowp_autograd.cpp's mask.
        var quantizer = new UnitRoleQuantizer(QuantFormat.Of(E4M3), Rounding.NearestEven, delayed: true, Recipe("fp8-delayed"), salt: 0);
        quantizer.Delayed!.Record(1f);
        var q = quantizer.Quantize(new double[] { 0.5, 1.2, -2, 1.03 }, 4, seed: 0, record: true);
        Assert.Equal([0.5, 1, -1, 1], q);
        var gradient = new double[] { 1, 1, 1, 1 };
        quantizer.PassGradient(gradient);
        Assert.Equal([1.0, 0, 0, 1], gradient);
        quantizer.EndStep();
        Assert.Equal([1f, 2f], quantizer.Delayed.AmaxHistory);
    }

    [Fact]
    public void Stochastic_rounding_repeats_for_the_same_run_seed_and_differs_for_another()
    {
        // mxfp4 rounds its gradients stochastically.
        string yaml(int seed) => $"name: t\nseed: {seed}\ntask: {{operation: add, input_size: 20, subsets: '0..5 3..9'}}\nmodel: {{first: nau, second: nau}}";
        IEnumerable<double> Curve(int seed)
        {
            var trainer = new UnitsTrainer(Config(yaml(seed), ["train.iterations=300", "train.eval_every=100", "precision.format=mxfp4"]));
            trainer.Run();
            return trainer.Evaluations.Select(e => e.ValidMse);
        }
        Assert.Equal(Curve(1), Curve(1));
        var trainer = new UnitsTrainer(Config(yaml(1), ["train.iterations=300", "train.eval_every=100", "precision.format=mxfp4", "precision.gradient_rounding=nearest-even"]));
        trainer.Run();
        Assert.NotEqual(Curve(1), trainer.Evaluations.Select(e => e.ValidMse));
    }

    [Fact]
    public void A_run_under_fp8_delayed_stopped_and_resumed_continues_the_same_curve_and_keeps_native_tensors_flat()
    {
        var config = Config($"name: t\nseed: 2\ntask: {{operation: add, input_size: 20}}\nmodel: {{first: nau, second: nau}}\nruntime: {{run_dir: '{_folder}'}}",
            ["train.iterations=4000", "runtime.checkpoint_every=1000", "precision.format=fp8-delayed", "precision.amax_history=16"]);
        var live = LibTorch.SettledLiveTensors;
        var whole = UnitsRun.Train(config, Path.Combine(_folder, "whole"), resume: false, TextWriter.Null, default);
        Assert.Equal(live, LibTorch.SettledLiveTensors);

        using var stop = new CancellationTokenSource();
        using var stopper = new StopAfter("step      2000/", stop);
        Assert.Null(UnitsRun.Train(config, Path.Combine(_folder, "split"), resume: false, stopper, stop.Token));
        var resumed = UnitsRun.Train(config, Path.Combine(_folder, "split"), resume: true, TextWriter.Null, default);
        var a = MetricsLog.Read(Path.Combine(_folder, "whole", "metrics.jsonl"));
        var b = MetricsLog.Read(Path.Combine(_folder, "split", "metrics.jsonl"));
        Assert.Equal(5, a.Count);
        Assert.Equal(a.Select(r => (r["step"], r["loss"], r["valid_mse"], r["test_mse"])), b.Select(r => (r["step"], r["loss"], r["valid_mse"], r["test_mse"])));
        Assert.Equal(whole, resumed);
    }

    [Fact]
    public void Format_none_written_out_runs_the_same_curve_and_hash_as_no_precision_keys()
    {
        const string yaml = "name: t\ntask: {operation: sub, input_size: 20}\nmodel: {first: nau, second: nau}";
        var plain = Config(yaml, ["train.iterations=500", "train.eval_every=100"]);
        var none = Config(yaml + "\nprecision: {format: none, dtype: float64}", ["train.iterations=500", "train.eval_every=100"]);
        Assert.Equal(UnitsConfigLoader.ScienceHash(plain), UnitsConfigLoader.ScienceHash(none));
        var (p, n) = (new UnitsTrainer(plain), new UnitsTrainer(none));
        Assert.Null(n.LowPrecision);
        p.Run();
        n.Run();
        Assert.Equal(p.Evaluations, n.Evaluations);
        Assert.NotEqual(UnitsConfigLoader.ScienceHash(plain), UnitsConfigLoader.ScienceHash(Config(yaml, ["precision.format=fp8-current"])));
    }

    [Fact]
    public void Roles_a_unit_network_has_not_are_errors_naming_file_line_and_key()
    {
        string Error(string yaml, params string[] overrides) =>
            Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse(yaml, "u.yaml", overrides)).Message;
        Assert.Contains("'precision.attention' at u.yaml:4:3: a unit network has no attention",
            Error("name: x\nprecision:\n  format: fp8-current\n  attention: e4m3\n"));
        Assert.Contains("'precision.lmul_matmuls' at u.yaml:4:3: under precision.format: lmul every dot product",
            Error("name: x\nprecision:\n  format: lmul\n  lmul_matmuls: all\n"));
        Assert.Contains("--set precision.autocast=true: unit networks run in float64 or float32", Error("name: x\n", "precision.autocast=true"));
        Assert.Contains("'precision.weights' at u.yaml:4:3: lmul is a multiplication, not a number format",
            Error("name: x\nprecision:\n  format: custom\n  weights: lmul\n"));
        // The experiments' own rules, at the line of the key they blame.
        Assert.Contains("'precision.amax_history' at u.yaml:4:3: precision.amax_history is delayed scaling's",
            Error("name: x\nprecision:\n  format: fp8-current\n  amax_history: 16\n"));
        Assert.Contains("'precision.weights' at u.yaml:3:3: precision.weights belongs to a low-precision recipe, but precision.format is none",
            Error("name: x\nprecision:\n  weights: e4m3\n"));
        Assert.Contains("'precision.format' at u.yaml:2:21: unknown value 'fp7'; expected one of none, fp8-current", Error("name: x\nprecision: {format: fp7}\n"));
    }

    [Fact]
    public void The_recipe_keys_take_the_experiments_values_and_resolve_to_the_experiments_recipe()
    {
        var config = UnitsConfigLoader.Parse("name: x\nprecision:\n  format: custom\n  weights: mxfp4\n  gradients: e5m2\n  scaling: delayed\n  margin: 1\n", "u.yaml");
        var recipe = PrecisionRecipe.Resolve(config.Precision.AsExperiment());
        Assert.Equal("mxfp4", recipe.Weights!.Name);
        Assert.Null(recipe.Activations);
        Assert.True(recipe.DelayedScaling);
        Assert.Equal(1, recipe.Margin);
        var lmul = PrecisionRecipe.Resolve(UnitsConfigLoader.Parse("name: x\nprecision: {format: lmul, lmul_bits: 4}\n", "u.yaml").Precision.AsExperiment());
        Assert.True(lmul.LinearLMul);
        Assert.Equal(4, lmul.LMulBits);
        var again = UnitsConfigLoader.Parse(UnitsConfigLoader.Write(config), "resolved.yaml");
        Assert.Equal(UnitsConfigLoader.ScienceHash(config), UnitsConfigLoader.ScienceHash(again));
    }

    private static double DenseDot(double[] w, double[] x, int o, int b) => Enumerable.Range(0, 4).Sum(i => w[o * 4 + i] * x[b * 4 + i]);

    private static PrecisionRecipe Recipe(string format, params string[] keys) =>
        PrecisionRecipe.Resolve(UnitsConfigLoader.Parse("name: x\n", "u.yaml", [$"precision.format={format}", .. keys]).Precision.AsExperiment());

    private static UnitsConfig Config(string yaml, string[] overrides) => UnitsConfigLoader.Parse(
        yaml, "test.yaml", ["task.valid_size=1000", "task.test_size=1000", "success.threshold_samples=20000", .. overrides]);
}
