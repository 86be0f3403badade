using ArithLab.Models.Positional;
using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed class KeyErrorTests
{
    [Fact]
    public void Unknown_key_names_file_line_column_path_and_closest_key()
    {
        const string yaml = """
            name: quick
            model:
              layers: 2
              d_modle: 64
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"unknown key 'model.d_modle' at {Yaml.At(yaml, "d_modle")}; did you mean 'd_model'?", error.ToString());
        Assert.Equal("test.yaml:4:3", Yaml.At(yaml, "d_modle"));
        Assert.Equal("model.d_modle", error.KeyPath);
        Assert.True(error.IsUnknownKey);
    }

    [Fact]
    public void Unknown_key_in_the_wrong_section_suggests_its_full_path()
    {
        const string yaml = """
            name: quick
            lr: 0.001
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"unknown key 'lr' at {Yaml.At(yaml, "lr:")}; did you mean 'train.lr'?", error.ToString());
    }

    [Fact]
    public void Unknown_key_with_nothing_close_gets_no_suggestion()
    {
        const string yaml = """
            name: quick
            train:
              zzzzzzzz: 1
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Null(error.Suggestion);
        Assert.Equal($"unknown key 'train.zzzzzzzz' at {Yaml.At(yaml, "zzzzzzzz")}", error.ToString());
    }

    [Fact]
    public void Unknown_section_suggests_the_closest_section()
    {
        const string yaml = """
            name: quick
            modle:
              layers: 2
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"unknown key 'modle' at {Yaml.At(yaml, "modle")}; did you mean 'model'?", error.ToString());
    }

    [Fact]
    public void Wrong_type_names_the_expected_type_and_the_value_found()
    {
        const string yaml = """
            name: quick
            model:
              heads: four
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.heads' at {Yaml.At(yaml, "four")}: expected an integer, got 'four'", error.ToString());
        Assert.Equal("test.yaml:3:10", Yaml.At(yaml, "four"));
    }

    [Fact]
    public void A_quoted_number_is_text_not_a_number()
    {
        const string yaml = """
            name: quick
            train:
              steps: "100"
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'train.steps' at {Yaml.At(yaml, "\"100\"")}: expected an integer, got '100'", error.ToString());
    }

    [Fact]
    public void A_fraction_is_not_an_integer()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\ntrain:\n  steps: 1.5\n"));
        Assert.Equal("'train.steps' at test.yaml:3:10: expected an integer, got '1.5'", error.ToString());
    }

    [Fact]
    public void A_mapping_where_a_number_belongs_is_a_type_error()
    {
        const string yaml = """
            name: quick
            train:
              lr: {value: 3}
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'train.lr' at {Yaml.At(yaml, "{value")}: expected a number, got a mapping", error.ToString());
    }

    [Fact]
    public void A_section_given_a_scalar_lists_the_keys_it_holds()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\nprecision: float16\n"));
        Assert.Equal("precision", error.KeyPath);
        Assert.StartsWith("'precision' at test.yaml:2:12: expected a mapping with keys dtype, autocast, loss_scale", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_value_lists_the_valid_ones_and_the_closest()
    {
        const string yaml = """
            name: quick
            model:
              activation: gleu
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal(
            $"'model.activation' at {Yaml.At(yaml, "gleu")}: unknown value 'gleu'; expected one of gelu, relu, swiglu, geglu; did you mean 'gelu'?",
            error.ToString());
    }

    [Fact]
    public void Unknown_item_in_a_list_names_its_position_and_the_closest_value()
    {
        const string yaml = """
            name: quick
            model:
              positional: [rope, alibbi]
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("model.positional", error.KeyPath);
        Assert.Equal("hard-alibi", ConfigKeys.PositionalSchemes.NameOf(PositionalScheme.HardAlibi));
        Assert.StartsWith($"'model.positional' at {Yaml.At(yaml, "[rope")}: item 2: unknown value 'alibbi'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("alibi", error.Suggestion);
    }

    [Fact]
    public void A_scalar_where_a_list_belongs_shows_the_list_spelling()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\nmodel:\n  positional: rope\n"));
        Assert.Equal("'model.positional' at test.yaml:3:15: expected a list like [rope], got 'rope'", error.ToString());
    }

    [Fact]
    public void Integer_below_its_minimum_is_out_of_range()
    {
        const string yaml = """
            name: quick
            model:
              layers: 0
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.layers' at {Yaml.At(yaml, "0")}: must be at least 1, got 0", error.ToString());
    }

    [Fact]
    public void Number_outside_a_closed_range_is_out_of_range()
    {
        const string yaml = """
            name: quick
            model:
              dropout: 1.5
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal($"'model.dropout' at {Yaml.At(yaml, "1.5")}: must be a number in [0.0, 1.0), got 1.5", error.ToString());
    }

    [Fact]
    public void Test_fraction_of_one_is_out_of_range_because_both_ends_are_open()
    {
        var error = Assert.Single(Yaml.Errors("name: q\ndata:\n  test_fraction: 1\n"));
        Assert.Equal("'data.test_fraction' at test.yaml:3:18: must be a number in (0.0, 1.0), got 1.0", error.ToString());
        Assert.Equal(0.25, Yaml.Load("name: q\ndata:\n  test_fraction: 0.25\n").Data.TestFraction);
    }

    [Fact]
    public void Learning_rate_of_zero_is_out_of_range_because_the_range_is_open()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\ntrain:\n  lr: 0\n"));
        Assert.Equal("'train.lr' at test.yaml:3:7: must be a number > 0.0, got 0.0", error.ToString());
    }

    [Fact]
    public void Infinity_is_not_a_usable_number()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\ntrain:\n  grad_clip: .inf\n"));
        Assert.Equal("'train.grad_clip' at test.yaml:3:14: must be a finite number, got .inf", error.ToString());
    }

    [Fact]
    public void Empty_value_is_a_missing_value()
    {
        const string yaml = """
            name: quick
            train:
              lr:
            """;
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.Equal("train.lr", error.KeyPath);
        Assert.Equal("missing value; expected a number", error.Problem);
    }

    [Fact]
    public void Missing_required_name_is_an_error_at_the_top_of_the_file()
    {
        var error = Assert.Single(Yaml.Errors("train:\n  steps: 1000\n"));
        Assert.Equal("'name' at test.yaml:1:1: missing required key", error.ToString());
    }

    [Fact]
    public void Missing_name_is_reported_alongside_other_problems()
    {
        var errors = Yaml.Errors("train:\n  stepz: 10\n");
        Assert.Equal(
            ["unknown key 'train.stepz' at test.yaml:2:3; did you mean 'steps'?", "'name' at test.yaml:1:1: missing required key"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_override_can_supply_the_required_name()
    {
        Assert.Equal("from-cli", Yaml.Load("train:\n  steps: 1000\n", "name=from-cli").Name);
    }

    [Fact]
    public void Run_name_must_be_usable_as_a_folder_name()
    {
        var error = Assert.Single(Yaml.Errors("name: a/b\n"));
        Assert.Equal("name", error.KeyPath);
        Assert.Contains("it names a folder", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_must_be_auto_cpu_cuda_or_cuda_with_an_index()
    {
        Assert.Equal("cuda:1", Yaml.Load("name: q\nruntime:\n  device: cuda:1\n").Runtime.Device);
        var error = Assert.Single(Yaml.Errors("name: q\nruntime:\n  device: gpu\n"));
        Assert.Equal("'runtime.device' at test.yaml:3:11: expected auto, cpu, cuda or cuda:N, got 'gpu'; did you mean 'cpu'?", error.ToString());
    }

    [Fact]
    public void Low_precision_format_accepts_only_none_for_now()
    {
        Assert.Equal(LowPrecisionFormat.None, Yaml.Load("name: q\nprecision:\n  format: none\n").Precision.Format);
        var error = Assert.Single(Yaml.Errors("name: q\nprecision:\n  format: fp8\n"));
        Assert.Equal("'precision.format' at test.yaml:3:11: unknown value 'fp8'; expected one of none", error.ToString());
    }

    [Fact]
    public void Loss_scale_takes_dynamic_none_or_a_positive_number()
    {
        Assert.Equal(LossScale.Dynamic, Yaml.Load("name: q\nprecision:\n  dtype: float16\n  loss_scale: dynamic\n").Precision.LossScale);
        Assert.Equal(LossScale.Fixed(1024), Yaml.Load("name: q\nprecision:\n  dtype: float16\n  loss_scale: 1024\n").Precision.LossScale);
        var error = Assert.Single(Yaml.Errors("name: q\nprecision:\n  dtype: float16\n  loss_scale: dynamc\n"));
        Assert.Equal("expected dynamic, none or a number, got 'dynamc'", error.Problem);
        Assert.Equal("dynamic", error.Suggestion);
        Assert.Single(Yaml.Errors("name: q\nprecision:\n  dtype: float16\n  loss_scale: -2\n"));
    }

    [Fact]
    public void Invalid_yaml_reports_where_the_parser_stopped()
    {
        const string yaml = "name: quick\nmodel:\n  layers: [2\n";
        var error = Assert.Single(Yaml.Errors(yaml));
        Assert.StartsWith("invalid YAML", error.Problem, StringComparison.Ordinal);
        Assert.Equal("test.yaml", error.Source.File);
        // The parser notices the unclosed '[' at the end of the text, after line 3.
        Assert.Equal(4, error.Source.Line);
        Assert.StartsWith("test.yaml:4:1: invalid YAML", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_an_error()
    {
        var error = Assert.Single(Yaml.Errors("name: quick\ntrain:\n  lr: 0.1\n  lr: 0.2\n"));
        Assert.Contains("duplicate key", error.Problem, StringComparison.Ordinal);
        Assert.Equal("test.yaml:4:3: duplicate key: each key may appear once in a mapping", error.ToString());
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_together_in_file_order()
    {
        const string yaml = """
            name: quick
            task:
              name: additon
            model:
              d_modle: 64
              heads: four
              dropout: 2
            train:
              lr: abc
            """;
        var errors = Yaml.Errors(yaml);
        Assert.Equal(
            [
                $"'task.name' at {Yaml.At(yaml, "additon")}: unknown value 'additon'; expected one of addition, subtraction, signed-subtraction, multiplication, multi-addition, sorting, modular-addition; did you mean 'addition'?",
                $"unknown key 'model.d_modle' at {Yaml.At(yaml, "d_modle")}; did you mean 'd_model'?",
                $"'model.heads' at {Yaml.At(yaml, "four")}: expected an integer, got 'four'",
                $"'model.dropout' at {Yaml.At(yaml, "2")}: must be a number in [0.0, 1.0), got 2.0",
                $"'train.lr' at {Yaml.At(yaml, "abc")}: expected a number, got 'abc'",
            ],
            errors.Select(e => e.ToString()));
        var message = Assert.Throws<ConfigException>(() => Yaml.Load(yaml)).Message;
        Assert.StartsWith("5 problems in config:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_errors_name_the_path_as_given()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arithlab-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: quick\nmodel:\n  heads: x\n");
        try
        {
            var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigLoader.Load(path)).Errors);
            Assert.Equal($"'model.heads' at {path}:3:10: expected an integer, got 'x'", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
