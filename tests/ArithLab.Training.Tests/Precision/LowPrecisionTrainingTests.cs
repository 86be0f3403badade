using ArithLab.Data;
using ArithLab.Torch;
using ArithLab.Torch.LowPrecision;
using ArithLab.Torch.Nn;
using ArithLab.Training.Config;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;
using ArithLab.Training.Tests.Training;

namespace ArithLab.Training.Tests.Precision;

/// <summary>Every model family trains under every recipe; delayed scaling keeps its history; nothing leaks.</summary>
[Collection(TrainingStateCollection.Name)]
public sealed class LowPrecisionTrainingTests
{
    public static TheoryData<string, string> Recipes()
    {
        string[] recipes =
        [
            "fp8-current", "fp8-delayed", "mxfp8", "mxfp6", "mxfp4", "nvfp4", "lmul", "lmul-all",
            "custom",  // attention operands in MXFP8 and optimizer state in bf16
        ];
        var data = new TheoryData<string, string>();
        foreach (var family in new[] { "transformer", "looped", "fone" })
        {
            foreach (var recipe in recipes)
            {
                data.Add(family, recipe);
            }
        }
        return data;
    }

    private static PrecisionConfig Recipe(string name) => name switch
    {
        "lmul-all" => new PrecisionConfig { Format = LowPrecisionFormat.LMul, LowPrecision = new() { LMulMatMuls = LMulScope.All } },
        "custom" => new PrecisionConfig
        {
            Format = LowPrecisionFormat.Custom,
            LowPrecision = new() { Attention = RoleFormat.Parse("mxfp8"), OptimizerState = RoleFormat.Parse("bf16") },
        },
        _ => ConfigLoader.Parse($"name: q\nprecision:\n  format: {name}\n", "recipe.yaml").Precision,
    };

    private static ExperimentConfig Family(ExperimentConfig c, string family) => family switch
    {
        "looped" => c with { Model = c.Model with { Layers = 2, Looped = new ArithLab.Training.Config.LoopedConfig { BlockLayers = 1, Recurrences = 2 } } },
        "fone" => c with
        {
            Data = c.Data with { Format = DataFormat.Fone },
            Model = c.Model with { Fone = new FoneConfig { Periods = ConfigList.Of(10, 100, 1000) } },
        },
        _ => c,
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Every_model_family_trains_under_every_recipe_with_finite_falling_loss(string family, string recipe)
    {
        using var tiny = new TinyRun(c => Family(c, family) with { Precision = Recipe(recipe), Train = c.Train with { Steps = 24 } });
        var run = tiny.Create();
        var outcome = tiny.Train(run, heldOut: 20);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var losses = tiny.Losses(run).Select(l => l.Loss).ToList();
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        var (first, last) = (losses.Take(4).Average(), losses.TakeLast(4).Average());
        Assert.True(last < first, $"{family} under {recipe}: loss went from {first:0.000} to {last:0.000}");
    }

    [Fact]
    public void Live_tensor_count_stays_flat_under_delayed_scaling_and_optimizer_state_rounding()
    {
        var precision = new PrecisionConfig
        {
            Format = LowPrecisionFormat.Fp8Delayed,
            LowPrecision = new() { OptimizerState = RoleFormat.Parse("e4m3"), Attention = RoleFormat.Parse("e5m2") },
        };
        using var tiny = new TinyRun(c => c with { Precision = precision, Train = c.Train with { Steps = 12, EvalEvery = 4 } });
        var run = tiny.Create();
        var counts = new List<long>();
        tiny.Train(run, afterStep: (_, _) => counts.Add(LibTorch.SettledLiveTensors), heldOut: 20);
        // The first step makes the optimizer state and the amax slots; after that nothing may accumulate.
        Assert.All(counts.Skip(1), c => Assert.Equal(counts[1], c));
    }

    private static readonly NumberFormat E4M3 = NumberFormat.E4M3.With(Overflow.Saturate);

    /// <summary>A policy quantizing only linear inputs, in E4M3 under delayed scaling with an amax history of two steps.</summary>
    private static LowPrecisionTraining DelayedInputs() => new(PrecisionRecipe.Resolve(new PrecisionConfig
    {
        Format = LowPrecisionFormat.Custom,
        LowPrecision = new() { Activations = RoleFormat.Parse("e4m3"), Scaling = ScalingChoice.Delayed, AmaxHistory = 2 },
    }), seed: 0);

    private static Tensor Input(float amax) => Tensor.From(new[] { 0.3f * amax, -0.71f * amax, amax }).View(1, 3);

    [Fact]
    public void Delayed_scaling_quantizes_with_the_scale_of_the_history_max_and_rolls_the_window()
    {
        using var scope = DisposeScope.Begin();
        LibTorch.ManualSeed(1);
        using var linear = new Linear(3, 2);
        using var policy = DelayedInputs();
        // Step k sees inputs of amax a_k; its scale comes from the steps before it (1 at the start, as Transformer Engine).
        float[] amaxes = [1f, 4f, 2f, 1f, 0.5f];
        float[] scales = [1f, 448f / 1, 448f / 4, 448f / 4, 448f / 2];   // window of two: max(1), max(1,4), max(4,2), max(2,1)
        for (var step = 0; step < amaxes.Length; step++)
        {
            var x = Input(amaxes[step]);
            Tensor y;
            using (policy.BeginForward())
            {
                y = linear.Forward(x);
            }
            using (LibTorch.NoGrad())
            {
                var expected = Functional.Linear(Quantizer.QuantizeScaled(x, E4M3, scales[step]), linear.Weight, linear.Bias);
                Assert.Equal(expected.ToArray<float>(), y.ToArray<float>());
            }
            y.Sum().Backward();
            policy.EndStep(gradientsFinite: true);
        }
        var state = policy.State();
        Assert.Equal(0.5, state["amax.0.0.1"]);   // the newest two amaxes, oldest first
        Assert.Equal(1.0, state["amax.0.0.0"]);
        Assert.False(state.ContainsKey("amax.0.0.2"));
    }

    [Fact]
    public void A_step_records_the_largest_amax_of_all_its_uses_and_evaluation_records_nothing()
    {
        using var scope = DisposeScope.Begin();
        using var linear = new Linear(3, 2);
        using var policy = DelayedInputs();
        using (policy.BeginForward())
        {
            linear.Forward(Input(3f));
            linear.Forward(Input(5f));     // a looped block uses one layer several times in a step
            using (LibTorch.NoGrad())
            {
                linear.Forward(Input(100f));   // held-out evaluation
            }
        }
        policy.EndStep(gradientsFinite: true);
        Assert.Equal(5.0, policy.State()["amax.0.0.0"]);
    }

    [Fact]
    public void A_resumed_policy_continues_with_the_same_scales()
    {
        using var scope = DisposeScope.Begin();
        using var linear = new Linear(3, 2);
        using var first = DelayedInputs();
        foreach (var amax in new[] { 6f, 3f })
        {
            using (first.BeginForward())
            {
                linear.Forward(Input(amax));
            }
            first.EndStep(gradientsFinite: true);
        }
        using var resumed = DelayedInputs();
        resumed.LoadState(first.State());
        Tensor a, b;
        using (first.BeginForward())
        {
            a = linear.Forward(Input(2f));
        }
        using (resumed.BeginForward())
        {
            b = linear.Forward(Input(2f));
        }
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        Assert.Equal(first.State(), resumed.State());
    }
}
