using ArithLab.Data.Tasks;
using ArithLab.Training.Config;
using Activation = ArithLab.Models.Activation;
using StateInit = ArithLab.Models.Looped.StateInit;

namespace ArithLab.Training.Tests.Config;

public sealed class RoundTripTests
{
    /// <summary>Every key set to a value other than its default, written by hand.</summary>
    internal const string EveryKeyChanged = """
        name: looped-abacus
        seed: 7
        description: "sums: 'quoted' \"and\" # not a comment"
        task:
          name: multi-addition
          operands: 3
          modulus: 113
        data:
          format: reversed-all
          spaces: true
          pad_width: 12
          digits:
            a: {min: 2, max: 20}
            b: {min: 2, max: 20}
          positions: abacus
          absolute_max_offset: 4
          abacus_max_k: 80
          abacus_k_per_example: true
          coupled_max_offset: 5
          loss_on: all
          test_fraction: 0.2
          split_seed: 11
          train_size: 2000
          lengths: values
        model:
          layers: 4
          d_model: 96
          heads: 6
          d_ff: 384
          activation: swiglu
          norm: rmsnorm
          norm_placement: post
          dropout: 0.1
          bias: false
          tie_embeddings: false
          positional: [abacus, rope]
          rope_base: 500000
          id_table: sinusoidal
          max_positions: 512
          looped:
            block_layers: 2
            recurrences: 8
            input_injection: false
            state_init: embedding
            backprop_passes: 4
            progressive_loss: {alpha: 0.5}
          fone:
            periods: [10, 100]
        train:
          steps: 20000
          batch_size: 128
          optimizer: sgd
          lr: 0.0003
          min_lr: 0.00001
          schedule: linear
          warmup_steps: 500
          weight_decay: 0.05
          betas: [0.8, 0.95]
          eps: 1e-6
          momentum: 0.5
          grad_clip: 0.5
          label_smoothing: 0.1
          eval_every: 250
        precision:
          dtype: float16
          autocast: true
          loss_scale: 128
          init_scale: 1024
          growth_interval: 100
          format: none
        eval:
          grid:
            a: {min: 2, max: 30}
            b: {min: 3, max: 40}
          per_cell: 50
          beyond: [50, 100]
          recurrences: [8, 16]
          batch_size: 64
          abacus_offset: 3
        runtime:
          device: cuda:1
          threads: 4
          log_format: csv
          log_every: 10
          checkpoint_every: 500
          keep_checkpoints: 0
          run_dir: "/tmp/runs here"
          progress: false
        """;

    [Fact]
    public void Hand_written_config_sets_every_key_to_the_value_written()
    {
        var c = Yaml.Load(EveryKeyChanged);
        Assert.Equal("looped-abacus", c.Name);
        Assert.Equal("sums: 'quoted' \"and\" # not a comment", c.Description);
        Assert.Equal(new TaskConfig { Name = TaskName.MultiAddition, Operands = 3, Modulus = 113 }, c.Task);
        Assert.Equal(new DigitRange(2, 20), c.Data.DigitsA);
        Assert.Equal(new DigitRange(2, 20), c.Data.DigitsB);
        Assert.Equal(ArithLab.Data.Sampling.LengthDistribution.Values, c.Data.Lengths);
        Assert.Equal(Activation.SwiGlu, c.Model.Activation);
        Assert.Equal(ArithLab.Models.Positional.IdTableKind.Sinusoidal, c.Model.IdTable);
        Assert.Equal(new LoopedConfig { BlockLayers = 2, Recurrences = 8, InputInjection = false, StateInit = StateInit.Embedding, BackpropPasses = 4, ProgressiveLoss = new() { Alpha = 0.5 } }, c.Model.Looped);
        Assert.Equal((0.8, 0.95), c.Train.Betas);
        Assert.Equal(1e-6, c.Train.Eps);
        Assert.Equal(LossScale.Fixed(128), c.Precision.LossScale);
        Assert.Equal(ConfigList.Of(50, 100), c.Eval.Beyond);
        Assert.Equal("/tmp/runs here", c.Runtime.RunDir);
    }

    [Fact]
    public void Every_key_in_the_hand_written_config_differs_from_its_default()
    {
        // Proves the round trip below exercises every key, not just the defaults.
        var c = Yaml.Load(EveryKeyChanged);
        var unchanged = ConfigKeys.All
            .Where(k => !k.IsShorthand && k.ValueText(c) == k.DefaultText)
            .Select(k => k.Path)
            .ToList();
        // precision.format and the recipe keys beside it: a recipe runs on float32, and this config is float16
        // (PrecisionRecipeConfigTests round-trips them); eval.beyond_b: multi-addition has no operand b;
        // data.coupled_max_position: refused beside coupled_max_offset (the N×2 round trip below sets both);
        // model.hard_alibi_windows: needs hard-alibi, and this config's positional is [abacus, rope] (SetupTests sets it).
        Assert.Equal(["data.coupled_max_position", "model.hard_alibi_windows", .. PrecisionKeys.RecipeKeys.Select(k => k.Path), "eval.beyond_b"], unchanged);
    }

    [Fact]
    public void Resolved_yaml_of_a_config_with_every_key_changed_reads_back_equal()
    {
        var config = Yaml.Load(EveryKeyChanged);
        var written = ConfigWriter.Write(config);
        Assert.Equal(config, ConfigLoader.Parse(written, "config.resolved.yaml"));
    }

    [Fact]
    public void Resolved_yaml_keeps_separate_ranges_for_a_and_b_apart()
    {
        // The every-key config is multi-addition, whose operands share one range; N×2 multiplication has two.
        var config = Yaml.Load("""
            name: n-by-2
            task: {name: multiplication}
            data:
              digits:
                a: {min: 2, max: 20}
                b: {min: 3, max: 19}
              coupled_max_position: 60
            eval:
              beyond: [40]
              beyond_b: 4
            """);
        var back = ConfigLoader.Parse(ConfigWriter.Write(config), "config.resolved.yaml");
        Assert.Equal(new DigitRange(2, 20), back.Data.DigitsA);
        Assert.Equal(new DigitRange(3, 19), back.Data.DigitsB);
        Assert.Equal(4, back.Eval.BeyondB);
        Assert.Equal(60, back.Data.CoupledMaxPosition);
        Assert.Equal(config, back);
    }

    [Fact]
    public void Resolved_yaml_of_the_defaults_reads_back_equal()
    {
        var written = ConfigWriter.Write(ExperimentConfig.Default);
        Assert.Equal(ExperimentConfig.Default, ConfigLoader.Parse(written, "config.resolved.yaml"));
    }

    [Fact]
    public void Resolved_yaml_writes_every_key_with_its_value()
    {
        var written = ConfigWriter.Write(ExperimentConfig.Default);
        var lines = written.Split('\n');
        Assert.Contains("name: \"quickstart\"", lines);
        Assert.Contains("  d_model: 128", lines);
        Assert.Contains("  betas: [0.9, 0.98]", lines);
        Assert.Contains("  eps: 1e-08", lines);
        Assert.Contains("  positional: [learned]", lines);
        Assert.Contains("      alpha: 0.0", lines);
        // One "key:" line per key: leaves plus the mappings that hold them.
        var leafLines = lines.Count(l => l.Contains(": ", StringComparison.Ordinal));
        Assert.Equal(ConfigKeys.All.Count(k => !k.IsShorthand), leafLines);
    }

    [Fact]
    public void Doubles_round_trip_exactly()
    {
        var config = ExperimentConfig.Default with { Train = new TrainConfig { Lr = 0.1 + 0.2, MinLr = 1e-300, WarmupSteps = 0 } };
        var back = ConfigLoader.Parse(ConfigWriter.Write(config), "r.yaml");
        Assert.Equal(0.30000000000000004, back.Train.Lr);
        Assert.Equal(1e-300, back.Train.MinLr);
    }

    [Fact]
    public void Save_writes_a_file_that_loads_back_equal()
    {
        var config = Yaml.Load(EveryKeyChanged);
        var dir = Directory.CreateTempSubdirectory("arithlab-config-");
        try
        {
            var path = Path.Combine(dir.FullName, "config.resolved.yaml");
            ConfigWriter.Save(config, path);
            Assert.Equal(config, ConfigLoader.Load(path));
            Assert.Equal(["config.resolved.yaml"], dir.GetFiles().Select(f => f.Name));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
