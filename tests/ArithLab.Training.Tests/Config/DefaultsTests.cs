using ArithLab.Data.Batching;
using ArithLab.Data.Tasks;
using ArithLab.Data;
using ArithLab.Training.Config;
using StateInit = ArithLab.Models.Looped.StateInit;

namespace ArithLab.Training.Tests.Config;

public sealed class DefaultsTests
{
    [Fact]
    public void A_file_with_only_a_name_is_the_default_experiment()
    {
        Assert.Equal(ExperimentConfig.Default with { Name = "mine" }, Yaml.Load("name: mine\n"));
    }

    [Fact]
    public void Defaults_are_a_small_reversed_three_digit_addition_model()
    {
        var c = ExperimentConfig.Default;
        Assert.Equal(TaskName.Addition, c.Task.Name);
        Assert.Equal(DataFormat.Reversed, c.Data.Format);
        Assert.Equal(new DigitRange(1, 3), c.Data.DigitsA);
        Assert.Equal(new DigitRange(1, 3), c.Data.DigitsB);
        Assert.Equal(LossScope.Answer, c.Data.LossOn);
        Assert.Equal(0, c.Model.DModel % c.Model.Heads);
        Assert.False(c.Model.Looped.IsLooped);
        Assert.Equal(DType.Float32, c.Precision.DType);
        Assert.Equal("auto", c.Runtime.Device);
        Assert.Empty(ConfigValidator.Validate(c));
    }

    [Fact]
    public void A_looped_config_that_does_not_name_the_state_init_starts_from_zero()
    {
        // Run directories written before the key existed load this way too.
        var c = Yaml.Load("""
            name: looped
            model:
              looped: {block_layers: 2, recurrences: 4}
            """);
        Assert.Equal(StateInit.Zero, c.Model.Looped.StateInit);
        Assert.Equal("zero", ConfigKeys.Get("model.looped.state_init").DefaultText);
        Assert.Contains("    state_init: zero\n", ConfigWriter.Write(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_shown_by_explain_are_the_record_defaults()
    {
        Assert.Equal("4", ConfigKeys.Get("model.heads").DefaultText);
        Assert.Equal("0.001", ConfigKeys.Get("train.lr").DefaultText);
        Assert.Equal("reversed", ConfigKeys.Get("data.format").DefaultText);
        Assert.Equal("[learned]", ConfigKeys.Get("model.positional").DefaultText);
        Assert.Equal("none", ConfigKeys.Get("precision.loss_scale").DefaultText);
        Assert.Equal("100", ConfigKeys.Get("data.abacus_max_k").DefaultText);
    }

    [Fact]
    public void Digits_shorthand_sets_both_operands_and_a_per_operand_range_wins_whatever_the_order()
    {
        var c = Yaml.Load("""
            name: q
            data:
              digits:
                a: {max: 9}
                min: 2
                max: 5
            """);
        Assert.Equal(new DigitRange(2, 9), c.Data.DigitsA);
        Assert.Equal(new DigitRange(2, 5), c.Data.DigitsB);
    }

    [Fact]
    public void Booleans_accept_on_and_off()
    {
        Assert.False(Yaml.Load("name: q\nruntime:\n  progress: off\n").Runtime.Progress);
        Assert.True(Yaml.Load("name: q\ndata:\n  spaces: yes\n").Data.Spaces);
    }

    [Fact]
    public void Empty_file_reports_only_the_missing_name()
    {
        Assert.Equal("'name' at test.yaml:1:1: missing required key", Assert.Single(Yaml.Errors("")).ToString());
    }
}
