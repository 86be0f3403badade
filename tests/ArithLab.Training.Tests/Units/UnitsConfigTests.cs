using ArithLab.Training.Config;
using ArithLab.Training.Units;

namespace ArithLab.Training.Tests.Units;

/// <summary>The units YAML is as strict as an experiment YAML, and the shipped files load.</summary>
public sealed class UnitsConfigTests
{
    [Fact]
    public void Unknown_keys_and_bad_values_name_file_line_key_and_the_closest_key()
    {
        var yaml = "name: x\ntask:\n  operaton: mul\nmodel:\n  first: nmx\ntrain:\n  lr: fast\n";
        var e = Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse(yaml, "units.yaml"));
        Assert.Equal(3, e.Errors.Count);
        Assert.Contains("unknown key 'task.operaton' at units.yaml:3:3; did you mean 'task.operation'?", e.Message);
        Assert.Contains("'model.first' at units.yaml:5:10: expected one of nau|nmu|nac-add|nac-mul|nalu|linear, got 'nmx'", e.Message);
        Assert.Contains("'train.lr' at units.yaml:7:7: expected a number, got 'fast'", e.Message);
    }

    [Fact]
    public void Overrides_go_through_the_same_checks_and_a_name_is_required()
    {
        var e = Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("name: x\n", "u.yaml", ["train.iterations=-5", "train.itrations=5"]));
        Assert.Contains("--set train.iterations=-5", e.Message);
        Assert.Contains("did you mean 'train.iterations'?", e.Message);
        Assert.Contains("missing required key", Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("seed: 1\n", "u.yaml")).Message);
        Assert.Contains("a unit network has no attention",
            Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("name: x\n", "u.yaml", ["precision.attention=e4m3"])).Message);
    }

    [Fact]
    public void Precision_dtype_is_float64_unless_float32_is_asked_for_and_float32_changes_the_hash()
    {
        var plain = UnitsConfigLoader.Parse("name: x\n", "u.yaml");
        var single = UnitsConfigLoader.Parse("name: x\nprecision:\n  dtype: float32\n", "u.yaml");
        Assert.Equal(UnitPrecision.Float64, plain.Precision.DType);
        Assert.Equal(UnitPrecision.Float32, single.Precision.DType);
        Assert.Equal(UnitPrecision.Float32, UnitsConfigLoader.Parse("name: x\n", "u.yaml", ["precision.dtype=float32"]).Precision.DType);
        Assert.NotEqual(UnitsConfigLoader.ScienceHash(plain), UnitsConfigLoader.ScienceHash(single));
        Assert.Equal(UnitsConfigLoader.ScienceHash(plain), UnitsConfigLoader.ScienceHash(UnitsConfigLoader.Parse("name: x\nprecision: {dtype: float64}\n", "u.yaml")));
        Assert.Contains("'precision.dtype' at u.yaml:2:20: expected one of float64|float32, got 'float16'",
            Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("name: x\nprecision: {dtype: float16}\n", "u.yaml")).Message);
    }

    [Fact]
    public void A_linear_bias_needs_a_linear_layer()
    {
        Assert.True(UnitsConfigLoader.Parse("name: x\nmodel: {first: linear, second: linear, linear_bias: true}\n", "u.yaml").Model.LinearBias);
        Assert.False(UnitsConfigLoader.Parse("name: x\nmodel: {first: linear, second: linear}\n", "u.yaml").Model.LinearBias);
        Assert.Contains("neither model.first nor model.second is linear",
            Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("name: x\nmodel: {first: nau, second: nmu, linear_bias: true}\n", "u.yaml")).Message);
        Assert.Contains("expected true or false, got 'yes please'",
            Assert.Throws<ConfigException>(() => UnitsConfigLoader.Parse("name: x\nmodel: {first: linear, second: linear, linear_bias: yes please}\n", "u.yaml")).Message);
    }

    [Fact]
    public void Written_config_reads_back_to_the_same_config_and_hash()
    {
        var config = UnitsConfigLoader.Parse("name: x\ntask: {extrapolation: '-6..-2 | 2..6', subsets: '0..4 0..2', input_size: 4}\ntrain: {iterations: 5e6}\n", "u.yaml");
        var again = UnitsConfigLoader.Parse(UnitsConfigLoader.Write(config), "resolved.yaml");
        Assert.Equal(UnitsConfigLoader.Write(config), UnitsConfigLoader.Write(again));
        Assert.Equal(UnitsConfigLoader.ScienceHash(config), UnitsConfigLoader.ScienceHash(again));
        Assert.Equal(5_000_000, again.Train.Iterations);
        Assert.NotEqual(UnitsConfigLoader.ScienceHash(config), UnitsConfigLoader.ScienceHash(config with { Train = config.Train with { Lr = 0.01 } }));
        Assert.Equal(UnitsConfigLoader.ScienceHash(config), UnitsConfigLoader.ScienceHash(config with { Runtime = config.Runtime with { RunDir = "elsewhere" } }));
    }

    [Fact]
    public void Every_experiment_file_under_experiments_units_loads()
    {
        var folder = Path.Combine(RepositoryRoot(), "experiments", "units");
        var files = Directory.GetFiles(folder, "*.yaml");
        Assert.True(files.Length >= 12);
        foreach (var file in files)
        {
            var config = UnitsConfigLoader.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), config.Name);
        }
    }

    [Fact]
    public void Docs_hold_the_key_table_that_config_explain_units_prints()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "units.md"));
        Assert.Contains(UnitsExplanation.Text(markdown: true).Trim(), docs, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArithLab.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("no ArithLab.slnx above the test binaries");
    }
}
