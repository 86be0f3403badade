using ArithLab.Data.Positions;
using ArithLab.Data;
using ArithLab.Models.Positional;
using ArithLab.Training.Config;
using StateInit = ArithLab.Models.Looped.StateInit;

namespace ArithLab.Training.Tests.Config;

public sealed class CrossFieldTests
{
    [Fact]
    public void D_model_not_divisible_by_heads_is_blamed_on_the_heads_line()
    {
        const string yaml = """
            name: quick
            model:
              d_model: 100
              heads: 3
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.heads' at {Yaml.At(yaml, "3")}: model.d_model (100) must be divisible by model.heads (3)", error.ToString());
    }

    [Fact]
    public void Only_d_model_given_blames_d_model()
    {
        // The default 4 heads do not divide 30; the user wrote d_model, so that is the line to show.
        const string yaml = "name: quick\nmodel:\n  d_model: 30\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("model.d_model", error.KeyPath);
        Assert.Equal($"test.yaml:3:12", error.Source.ToString());
    }

    [Fact]
    public void Training_digits_min_above_max_is_an_error_for_each_operand()
    {
        const string yaml = """
            name: quick
            data:
              digits:
                a: {min: 5, max: 3}
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'data.digits.a.min' at {Yaml.At(yaml, "5")}: data.digits.a.min (5) must be ≤ data.digits.a.max (3)", error.ToString());
    }

    [Fact]
    public void Separate_training_ranges_for_a_and_b_load_for_multiplication()
    {
        var c = Yaml.Load("""
            name: n-by-2
            task: {name: multiplication}
            data:
              digits:
                a: {min: 1, max: 5}
                b: {min: 1, max: 2}
            """);
        Assert.Equal(new DigitRange(1, 5), c.Data.DigitsA);
        Assert.Equal(new DigitRange(1, 2), c.Data.DigitsB);
    }

    [Fact]
    public void Separate_training_ranges_for_sorting_are_an_error_naming_both_ranges()
    {
        const string yaml = """
            name: sort
            task: {name: sorting, operands: 4}
            data:
              digits:
                min: 1
                max: 3
                b: {max: 2}
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        var at = Yaml.At(yaml, "2}");
        Assert.Equal(
            $"'data.digits.b.max' at {at}: data.digits.a (1..3) and data.digits.b (1..2) differ, but sorting has no operand a and b: " +
            "every number's length comes from one range; set both with data.digits.min and data.digits.max " +
            "(separate ranges apply to addition, subtraction, signed-subtraction and multiplication)",
            error.ToString());
    }

    [Fact]
    public void Separate_training_ranges_for_modular_addition_say_it_draws_residues()
    {
        const string yaml = """
            name: mod
            task: {name: modular-addition}
            data:
              format: plain
              digits:
                a: {max: 2}
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("data.digits.a.max", error.KeyPath);
        Assert.StartsWith("data.digits.a (1..2) and data.digits.b (1..3) differ, but modular-addition draws residues below task.modulus, not lengths", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtraction_with_b_always_longer_than_a_is_an_error()
    {
        const string yaml = """
            name: sub
            task: {name: subtraction}
            data:
              digits:
                a: {min: 1, max: 2}
                b: {min: 3, max: 4}
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("data.digits.b.min", error.KeyPath);
        Assert.StartsWith("subtraction keeps a ≥ b, so operand a cannot be shorter than b: data.digits.a.max (2) must be ≥ data.digits.b.min (3)", error.Problem, StringComparison.Ordinal);
        Assert.Equal(new DigitRange(3, 4), Yaml.Load(yaml.Replace("name: subtraction", "name: signed-subtraction", StringComparison.Ordinal)).Data.DigitsB);
    }

    [Fact]
    public void Eval_grid_min_above_max_is_an_error()
    {
        const string yaml = """
            name: quick
            eval:
              grid:
                b:
                  min: 12
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'eval.grid.b.min' at {Yaml.At(yaml, "12")}: eval.grid.b.min (12) must be ≤ eval.grid.b.max (10)", error.ToString());
    }

    [Fact]
    public void A_looped_model_without_input_injection_must_start_from_the_embedding()
    {
        const string yaml = """
            name: quick
            model:
              looped:
                block_layers: 2
                input_injection: false
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.looped.input_injection' at {Yaml.At(yaml, "false")}: without input injection the state must start from the embedding, " +
            "or the block never reads the input; set model.looped.state_init: embedding (got zero)", error.ToString());
        Assert.Equal(StateInit.Embedding, Yaml.Load(yaml + "\n    state_init: embedding").Model.Looped.StateInit);
    }

    [Fact]
    public void Looped_block_cannot_have_more_layers_than_the_model()
    {
        const string yaml = """
            name: quick
            model:
              layers: 2
              looped:
                block_layers: 4
                recurrences: 8
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.looped.block_layers' at {Yaml.At(yaml, "4")}: model.looped.block_layers (4) must be ≤ model.layers (2)", error.ToString());
    }

    [Fact]
    public void Abacus_positions_need_a_digit_format()
    {
        const string yaml = """
            name: quick
            data:
              format: scratchpad
              positions: abacus
            model:
              positional: [abacus]
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("data.positions", error.KeyPath);
        Assert.Equal(Yaml.At(yaml, "abacus"), error.Source.ToString());
        Assert.StartsWith("abacus positions number digits, so they need a digit format (plain, reversed,", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("not scratchpad", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_random_absolute_start_without_a_learned_table_is_an_error()
    {
        const string yaml = """
            name: quick
            data:
              positions: absolute
              absolute_max_offset: 32
            model:
              positional: [rope]
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'data.absolute_max_offset' at {Yaml.At(yaml, "32")}: data.absolute_max_offset moves the ids a learned table looks up; without learned in model.positional nothing reads them", error.ToString());
        Assert.Equal(32, Yaml.Load(yaml.Replace("[rope]", "[learned, rope]", StringComparison.Ordinal)).Data.AbsoluteMaxOffset);
    }

    [Fact]
    public void A_sinusoidal_id_table_without_abacus_or_coupled_ids_is_an_error()
    {
        const string yaml = """
            name: quick
            model:
              positional: [rope]
              id_table: sinusoidal
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.id_table' at {Yaml.At(yaml, "sinusoidal")}: model.id_table chooses the table of Abacus or coupled ids; without abacus or coupled in model.positional there is none", error.ToString());
        var coupled = yaml.Replace("[rope]", "[coupled]", StringComparison.Ordinal).Replace("name: quick", "name: quick\ndata:\n  positions: coupled", StringComparison.Ordinal);
        Assert.Equal(IdTableKind.Sinusoidal, Yaml.Load(coupled).Model.IdTable);
    }

    [Fact]
    public void Abacus_embedding_without_abacus_position_ids_is_an_error()
    {
        const string yaml = """
            name: quick
            model:
              positional: [abacus]
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.positional' at {Yaml.At(yaml, "[abacus]")}: model.positional has abacus exactly when data.positions is abacus (the model embeds the ids the data emits)", error.ToString());
    }

    [Fact]
    public void Abacus_with_reversed_digits_and_matching_embedding_loads()
    {
        var config = Yaml.Load("""
            name: abacus
            data:
              format: reversed
              positions: abacus
              abacus_max_k: 50
            model:
              positional: [abacus, rope]
            """);
        Assert.Equal(PositionScheme.Abacus, config.Data.Positions);
        Assert.Equal(ConfigList.Of(PositionalScheme.Abacus, PositionalScheme.Rope), config.Model.Positional);
        Assert.Equal(50, config.Data.AbacusMaxK);
    }

    [Fact]
    public void Binary_tasks_take_exactly_two_operands_and_multi_addition_more()
    {
        var binary = Assert.Single(Yaml.Errors("name: q\ntask:\n  name: addition\n  operands: 3\n"));
        Assert.Equal("'task.operands' at test.yaml:4:13: addition takes 2 operands, got 3; only multi-addition and sorting take more", binary.ToString());
        Assert.Equal(5, Yaml.Load("name: q\ntask:\n  name: multi-addition\n  operands: 5\n").Task.Operands);
    }

    [Fact]
    public void Rope_needs_an_even_head_size()
    {
        var error = Assert.Single(Yaml.Errors("name: q\nmodel:\n  d_model: 12\n  heads: 4\n  positional: [rope]\n"));
        Assert.Equal("model.positional", error.KeyPath);
        Assert.Equal("rope rotates pairs of dimensions, so the head size d_model/heads must be even, got 12/4", error.Problem);
    }

    [Fact]
    public void Loss_scaling_is_only_for_float16()
    {
        const string yaml = "name: q\nprecision:\n  dtype: bfloat16\n  loss_scale: dynamic\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("precision.loss_scale", error.KeyPath);
        Assert.Equal(Yaml.At(yaml, "dynamic"), error.Source.ToString());
    }

    [Fact]
    public void Min_lr_above_lr_and_warmup_beyond_steps_are_both_reported()
    {
        const string yaml = """
            name: quick
            train:
              steps: 50
              lr: 0.001
              min_lr: 0.01
            """;
        var errors = Yaml.Errors(yaml);
        Assert.Equal(
            [
                $"'train.min_lr' at {Yaml.At(yaml, "0.01")}: train.min_lr (0.01) must be ≤ train.lr (0.001)",
                $"'train.steps' at {Yaml.At(yaml, "50")}: train.warmup_steps (100) must be ≤ train.steps (50)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Test_time_recurrences_need_a_looped_model()
    {
        var error = Assert.Single(Yaml.Errors("name: q\neval:\n  recurrences: [4, 8]\n"));
        Assert.Equal("eval.recurrences", error.KeyPath);
        var looped = Yaml.Load("name: q\nmodel:\n  looped: {block_layers: 1, recurrences: 4}\neval:\n  recurrences: [4, 8]\n");
        Assert.Equal(ConfigList.Of(4, 8), looped.Eval.Recurrences);
    }

    [Fact]
    public void A_fixed_b_beyond_the_grid_needs_a_task_with_operand_b_and_a_at_least_b_under_subtraction()
    {
        const string multi = "name: q\ntask:\n  name: multi-addition\n  operands: 3\neval:\n  beyond: [20]\n  beyond_b: 2\n";
        var error = Assert.Single(Yaml.Errors(multi));
        Assert.Equal("eval.beyond_b", error.KeyPath);
        Assert.Contains("multi-addition has no operand a and b", error.ToString(), StringComparison.Ordinal);

        const string subtraction = "name: q\ntask:\n  name: subtraction\neval:\n  beyond: [1, 20]\n  beyond_b: 2\n";
        error = Assert.Single(Yaml.Errors(subtraction));
        Assert.Equal($"'eval.beyond' at {Yaml.At(subtraction, "[1, 20]")}: subtraction keeps a ≥ b, so every eval.beyond length must be ≥ eval.beyond_b (2), got [1, 20]", error.ToString());

        var product = Yaml.Load("name: q\ntask:\n  name: multiplication\neval:\n  beyond: [20]\n  beyond_b: 2\n");
        Assert.Equal(2, product.Eval.BeyondB);
    }

    [Fact]
    public void Backprop_passes_fit_within_the_recurrences_of_a_looped_model()
    {
        const string yaml = "name: q\nmodel:\n  looped:\n    block_layers: 1\n    recurrences: 4\n    backprop_passes: 6\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.looped.backprop_passes' at {Yaml.At(yaml, "6")}: model.looped.backprop_passes (6) must be ≤ model.looped.recurrences (4)", error.ToString());
        Assert.Equal("model.looped.backprop_passes", Assert.Single(Yaml.Errors("name: q\nmodel:\n  looped:\n    backprop_passes: 1\n")).KeyPath);
        Assert.Equal(2, Yaml.Load("name: q\nmodel:\n  looped:\n    block_layers: 1\n    recurrences: 4\n    backprop_passes: 2\n").Model.Looped.BackpropPasses);
    }

    [Fact]
    public void Value_errors_and_cross_field_errors_are_reported_together()
    {
        const string yaml = """
            name: quick
            model:
              d_model: 100
              heads: 3
              layers: x
            """;
        var errors = Yaml.Errors(yaml);
        Assert.Equal(["model.layers", "model.heads"], errors.Select(e => e.KeyPath));
    }

    [Fact]
    public void A_rule_on_a_rejected_value_is_skipped_rather_than_judged_on_the_default()
    {
        // heads is rejected; judging d_model 30 against the default 4 heads would blame the wrong line.
        var errors = Yaml.Errors("name: q\nmodel:\n  d_model: 30\n  heads: three\n");
        Assert.Equal("model.heads", Assert.Single(errors).KeyPath);
    }

    [Fact]
    public void Validate_checks_a_config_built_in_code()
    {
        var config = ExperimentConfig.Default with { Model = new ModelConfig { DModel = 10, Heads = 4 } };
        var error = Assert.Single(ConfigValidator.Validate(config));
        Assert.Equal("'model.heads' (default): model.d_model (10) must be divisible by model.heads (4)", error.ToString());
        Assert.Empty(ConfigValidator.Validate(ExperimentConfig.Default));
    }

    [Fact]
    public void Format_must_write_the_task()
    {
        // Turing programs (Hou et al. 2024) are written for addition only.
        const string yaml = "name: q\ntask:\n  name: multiplication\ndata:\n  format: turing\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'data.format' at {Yaml.At(yaml, "turing")}: the turing format does not write multiplication problems", error.ToString());
    }

    [Fact]
    public void Per_example_padding_is_refused_for_subtraction_which_the_reference_does_not_pad()
    {
        const string yaml = "name: q\ntask:\n  name: subtraction\ndata:\n  format: reversed-padded\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'data.format' at {Yaml.At(yaml, "reversed-padded")}: the reversed-padded format does not write subtraction problems", error.ToString());
        Assert.Equal(DataFormat.ReversedPadded, Yaml.Load("name: q\ndata:\n  format: reversed-padded\n  positions: coupled\nmodel:\n  positional: [coupled]\n").Data.Format);
    }

    [Fact]
    public void Modular_addition_needs_an_unreversed_format()
    {
        // The default format is reversed, which writes residues it cannot reverse meaningfully.
        const string yaml = "name: q\ntask:\n  name: modular-addition\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'task.name' at {Yaml.At(yaml, "modular-addition")}: the reversed format does not write modular-addition problems", error.ToString());
        Assert.Equal(97, Yaml.Load(yaml + "data:\n  format: plain\n").Task.Modulus);
    }
}
