using ArithLab.Data.Positions;
using ArithLab.Models.Positional;
using ArithLab.Models;
using ArithLab.Models.Looped;
using ArithLab.Torch;
using ArithLab.Torch.Optim;
using ArithLab.Training.Config;
using ArithLab.Training.Setup;

namespace ArithLab.Training.Tests.Training;

[Collection(TrainingStateCollection.Name)]
public sealed class SetupTests
{
    [Fact]
    public void Weight_decay_applies_to_linear_weights_only()
    {
        using var tiny = new TinyRun(c => c with { Model = c.Model with { TieEmbeddings = false } });
        using var experiment = Experiment.Create(tiny.Config);
        var names = new Dictionary<Tensor, string>(ReferenceEqualityComparer.Instance);
        foreach (var p in experiment.Model.NamedParameters())
        {
            names[p.Tensor] = p.Name;
        }
        var decayed = experiment.Optimizer.ParamGroups.Where(g => g.WeightDecay > 0).SelectMany(g => g.Params).Select(p => names[p]).Order().ToList();
        var kept = experiment.Optimizer.ParamGroups.Where(g => g.WeightDecay == 0).SelectMany(g => g.Params).Select(p => names[p]).ToList();

        Assert.Equal(["blocks.0.attn.proj.weight", "blocks.0.attn.qkv.weight", "blocks.0.mlp.fc_in.weight", "blocks.0.mlp.fc_out.weight", "lm_head.weight"], decayed);
        Assert.Contains("tok_embed.weight", kept);
        Assert.Contains("pos_embed.weight", kept);
        Assert.Contains("blocks.0.ln_1.weight", kept);
        Assert.Contains("blocks.0.attn.qkv.bias", kept);
        Assert.All(experiment.Optimizer.ParamGroups.Where(g => g.WeightDecay > 0), g => Assert.Equal(0.1, g.WeightDecay));
    }

    [Fact]
    public void The_model_follows_the_config()
    {
        using var tiny = new TinyRun(c => c with
        {
            Model = c.Model with { Layers = 3, DModel = 48, Heads = 3, Activation = Activation.SwiGlu, Norm = NormKind.RmsNorm, Positional = ConfigList.Of(PositionalScheme.Rope, PositionalScheme.Alibi) },
        });
        using var experiment = Experiment.Create(tiny.Config);
        var model = Assert.IsType<Transformer>(experiment.Model);
        Assert.Equal(3, model.Config.Layers);
        Assert.Equal(48, model.Config.DModel);
        Assert.Equal(ArithLab.Models.Activation.SwiGlu, model.Config.Activation);
        Assert.Equal(ArithLab.Models.NormKind.RmsNorm, model.Config.Norm);
        Assert.Equal("rope+alibi", model.Config.Positional);
        Assert.Equal(experiment.Data.Vocabulary.Count, model.Config.VocabSize);
        Assert.Equal(Device.Cpu, experiment.Device);
    }

    [Fact]
    public void A_looped_config_builds_a_looped_model_around_its_block()
    {
        using var tiny = new TinyRun(c => c with
        {
            Model = c.Model with { Layers = 3, Looped = new ArithLab.Training.Config.LoopedConfig { BlockLayers = 1, Recurrences = 4, ProgressiveLoss = new ProgressiveLossConfig { Alpha = 0.5 } } },
        });
        using var experiment = Experiment.Create(tiny.Config);
        var looped = Assert.IsType<LoopedTransformer>(experiment.Model);
        Assert.Equal(1, looped.Config.Transformer.Layers);
        Assert.Equal(1, looped.Config.PreludeLayers);
        Assert.Equal(1, looped.Config.CodaLayers);
        Assert.Equal(4, looped.Config.MaxRecurrence);
        Assert.Equal(InjectionKind.Add, looped.Config.Injection);
        Assert.Equal(ArithLab.Models.Looped.StateInit.Zero, looped.Config.StateInit);
        Assert.Equal(0.5, looped.Config.Alpha);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(4, 4)]
    [InlineData(1, 1)]
    public void Backprop_passes_truncate_the_looped_models_backprop(int configured, int maxBackprop)
    {
        var data = new ExperimentData(ExperimentConfig.Default);
        var model = new ModelConfig { Layers = 1, Looped = new ArithLab.Training.Config.LoopedConfig { BlockLayers = 1, Recurrences = 8, BackpropPasses = configured } };
        var built = ModelFactory.LoopedConfig(model, data);
        Assert.Equal(maxBackprop, built.EffectiveMaxBackprop);
        // Without the progressive term the loss runs the first 8 − K passes without gradient.
        Assert.Equal(8, built.MaxRecurrence);
    }

    [Theory]
    [InlineData(ArithLab.Models.Looped.StateInit.Embedding, ArithLab.Models.Looped.StateInit.Embedding)]
    [InlineData(ArithLab.Models.Looped.StateInit.Noise, ArithLab.Models.Looped.StateInit.Noise)]
    public void The_state_init_reaches_the_looped_model(ArithLab.Models.Looped.StateInit configured, ArithLab.Models.Looped.StateInit built)
    {
        var model = new ModelConfig { Layers = 1, Looped = new ArithLab.Training.Config.LoopedConfig { BlockLayers = 1, StateInit = configured } };
        var data = new ExperimentData(ExperimentConfig.Default with { Name = "state-init", Model = model });
        Assert.Equal(built, ModelFactory.LoopedConfig(model, data).StateInit);
    }

    [Fact]
    public void Hard_alibi_windows_reach_the_model_and_default_to_half_the_heads_masked()
    {
        const string yaml = "name: windows\ntask: {name: addition}\ndata: {format: turing, digits: {min: 1, max: 3}}\nmodel: {layers: 1, d_model: 32, heads: 4, d_ff: 64, positional: [hard-alibi]}\neval: {grid: {a: {min: 1, max: 3}, b: {min: 1, max: 3}}}\n";
        var set = ConfigLoader.Parse(yaml, "windows.yaml", ["model.hard_alibi_windows=[2, 0, 5, 1]"]);
        var built = ModelFactory.TransformerConfig(set.Model, new ExperimentData(set));
        Assert.Equal([2, 0, 5, 1], built.HardAlibiWindows!);
        Assert.Equal([2, 0, 5, 1], new HardAlibi(built.Heads, built.HardAlibiWindows).Windows);
        var unset = ConfigLoader.Parse(yaml, "windows.yaml");
        var plain = ModelFactory.TransformerConfig(unset.Model, new ExperimentData(unset));
        Assert.Null(plain.HardAlibiWindows);
        Assert.Equal([1, 2, 0, 0], new HardAlibi(plain.Heads, plain.HardAlibiWindows).Windows);
        // One window per head, and only where there are Hard-ALiBi heads: config errors naming the key.
        var count = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "windows.yaml", ["model.hard_alibi_windows=[1, 0]"]));
        Assert.Contains("--set model.hard_alibi_windows", count.Message);
        Assert.Contains("2 windows for 4 heads", count.Message);
        var without = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "windows.yaml", ["model.positional=[nope]", "model.hard_alibi_windows=[1, 0, 0, 0]"]));
        Assert.Contains("without hard-alibi in model.positional", without.Message);
    }

    [Theory]
    [InlineData("pre-post")]
    [InlineData("pre_post")]
    public void Pre_post_norm_placement_loads_from_an_override_and_builds_the_post_norms(string name)
    {
        var config = ConfigLoader.Parse("name: pre-post\nmodel:\n  norm: rmsnorm\n", "test.yaml", [$"model.norm_placement={name}"]);
        Assert.Equal(NormPlacement.PrePost, config.Model.NormPlacement);
        using var scope = DisposeScope.Begin();
        using var model = ModelFactory.Create(config.Model, new ExperimentData(config), Device.Cpu);
        var names = model.StateDict().Keys.ToList();
        Assert.Contains("blocks.0.ln_1_post.weight", names);
        Assert.Contains("blocks.1.ln_2_post.weight", names);
        Assert.Contains("ln_f.weight", names);
    }

    [Fact]
    public void The_schedule_warms_up_then_decays_to_min_lr()
    {
        var schedule = OptimizerFactory.Schedule(new TrainConfig { Steps = 110, Lr = 1e-3, MinLr = 1e-4, WarmupSteps = 10 });
        Assert.Equal(1e-4, schedule.LearningRate(0), 12);      // (0 + 1) / 10 of the peak
        Assert.Equal(1e-3, schedule.LearningRate(9), 12);
        Assert.Equal(0.55e-3, schedule.LearningRate(60), 12);  // half way down the cosine: the mean of lr and min_lr
        Assert.Equal(1e-4, schedule.LearningRate(110), 12);
        Assert.Equal(1e-3, OptimizerFactory.Schedule(new TrainConfig { Schedule = LrSchedule.Constant, Steps = 100, Lr = 1e-3, WarmupSteps = 10 }).LearningRate(50), 12);
    }

    [Fact]
    public void A_random_absolute_start_moves_training_examples_and_the_learned_table_follows_the_ids()
    {
        using var tiny = new TinyRun(c => c with { Data = c.Data with { Positions = PositionScheme.Absolute, AbsoluteMaxOffset = 20 } });
        using var experiment = Experiment.Create(tiny.Config);
        Assert.True(Assert.IsType<Transformer>(experiment.Model).Config.LearnedFromIds);

        var train = experiment.Data.TrainStream(tiny.Config.Seed).Next();
        var starts = Enumerable.Range(0, train.Size).Select(b => train.Row(train.PositionIds, b)[0]).ToHashSet();
        Assert.True(starts.Count > 5, $"training starts {string.Join(", ", starts)}");
        Assert.All(starts, s => Assert.InRange(s, 0, 20));

        var heldOut = experiment.Data.Pack(experiment.Data.HeldOutProblems(10));
        Assert.All(Enumerable.Range(0, heldOut.Size), b => Assert.Equal(
            Enumerable.Range(0, heldOut.Lengths[b]), heldOut.Row(heldOut.PositionIds, b)[..heldOut.Lengths[b]].ToArray()));
    }

    [Fact]
    public void Training_and_held_out_problems_never_meet()
    {
        using var tiny = new TinyRun();
        var data = new ExperimentData(tiny.Config);
        var heldOut = data.HeldOutProblems(200).Select(p => string.Join(',', p.Operands)).ToHashSet();
        var stream = data.TrainStream(tiny.Config.Seed);
        var tokenizer = data.Tokenizer;
        for (var i = 0; i < 20; i++)
        {
            var batch = stream.Next();
            for (var b = 0; b < batch.Size; b++)
            {
                var text = string.Concat(batch.Row(batch.TokenIds, b)[1..(batch.PromptLengths[b] + 1)].ToArray().Select(id => data.Vocabulary.Token(id)));
                var operands = text.Trim('$', '=').Split('+');
                Assert.DoesNotContain(string.Join(',', operands.Select(o => o.TrimStart('0').Length == 0 ? "0" : o.TrimStart('0'))), heldOut);
            }
        }
        Assert.NotNull(tokenizer);
        Assert.True(heldOut.Count > 100);
    }
}
