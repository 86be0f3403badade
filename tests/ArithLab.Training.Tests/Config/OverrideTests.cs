using ArithLab.Models.Positional;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed class OverrideTests
{
    private const string Base = """
        name: quick
        train:
          lr: 0.001
        """;

    [Fact]
    public void Override_replaces_the_value_from_the_file()
    {
        var config = Yaml.Load(Base, "train.lr=3e-4", "model.layers=6");
        Assert.Equal(3e-4, config.Train.Lr);
        Assert.Equal(6, config.Model.Layers);
    }

    [Fact]
    public void Later_override_of_the_same_key_wins()
    {
        Assert.Equal(8, Yaml.Load(Base, "model.layers=6", "model.layers=8").Model.Layers);
    }

    [Fact]
    public void Override_value_is_read_as_yaml_so_lists_and_mappings_work()
    {
        var config = Yaml.Load(Base, "model.positional=[rope, alibi]", "data.digits={min: 2, max: 7}", "runtime.progress=off");
        Assert.Equal(ConfigList.Of(PositionalScheme.Rope, PositionalScheme.Alibi), config.Model.Positional);
        Assert.Equal(new DigitRange(2, 7), config.Data.DigitsA);
        Assert.Equal(new DigitRange(2, 7), config.Data.DigitsB);
        Assert.False(config.Runtime.Progress);
    }

    [Fact]
    public void Override_with_a_wrong_type_names_the_override()
    {
        var error = Assert.Single(Yaml.Errors(Base, "train.lr=abc"));
        Assert.Equal("--set train.lr=abc: expected a number, got 'abc'", error.ToString());
    }

    [Fact]
    public void Override_out_of_range_names_the_override()
    {
        var error = Assert.Single(Yaml.Errors(Base, "model.heads=0"));
        Assert.Equal("--set model.heads=0: must be at least 1, got 0", error.ToString());
    }

    [Fact]
    public void Override_of_an_unknown_key_suggests_the_full_path()
    {
        var error = Assert.Single(Yaml.Errors(Base, "model.d_modle=64"));
        Assert.Equal("--set model.d_modle=64: unknown key 'model.d_modle'; did you mean 'model.d_model'?", error.ToString());
        var section = Assert.Single(Yaml.Errors(Base, "modle.layers=2"));
        Assert.Equal("--set modle.layers=2: unknown key 'modle.layers'; did you mean 'model.layers'?", section.ToString());
    }

    [Fact]
    public void Override_without_an_equals_sign_is_an_error()
    {
        var error = Assert.Single(Yaml.Errors(Base, "train.lr"));
        Assert.Equal("--set train.lr: expected key.path=value", error.ToString());
    }

    [Fact]
    public void Override_with_an_empty_value_is_a_missing_value()
    {
        var error = Assert.Single(Yaml.Errors(Base, "train.steps="));
        Assert.Equal("--set train.steps=: missing value; expected an integer", error.ToString());
    }

    [Fact]
    public void Override_can_break_a_cross_field_rule_and_is_then_blamed()
    {
        var error = Assert.Single(Yaml.Errors(Base, "model.heads=3"));
        Assert.Equal("--set model.heads=3: model.d_model (128) must be divisible by model.heads (3)", error.ToString());
    }

    [Fact]
    public void Override_can_fix_a_file_that_breaks_a_rule_on_its_own()
    {
        const string yaml = "name: q\nmodel:\n  heads: 3\n";
        Assert.Single(Yaml.Errors(yaml));
        Assert.Equal(96, Yaml.Load(yaml, "model.d_model=96").Model.DModel);
    }

    [Fact]
    public void File_errors_and_override_errors_are_reported_together()
    {
        var errors = Yaml.Errors("name: q\nmodel:\n  heads: x\n", "train.lr=abc", "train.stepz=1");
        Assert.Equal(
            [
                "'model.heads' at test.yaml:3:10: expected an integer, got 'x'",
                "--set train.lr=abc: expected a number, got 'abc'",
                "--set train.stepz=1: unknown key 'train.stepz'; did you mean 'train.steps'?",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Apply_overrides_a_config_already_loaded()
    {
        var config = ConfigLoader.Apply(ExperimentConfig.Default, ["train.steps=7", "train.warmup_steps=0"]);
        Assert.Equal(ExperimentConfig.Default with { Train = new TrainConfig { Steps = 7, WarmupSteps = 0 } }, config);
    }
}
