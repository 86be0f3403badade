using ArithLab.Torch.LowPrecision;
using ArithLab.Training.Config;
using ArithLab.Training.Precision;
using ArithLab.Training.Tests.Config;

namespace ArithLab.Training.Tests.Precision;

/// <summary>The `precision.format` recipes and the keys beside them: defaults, and every nonsensical combination an error naming its key.</summary>
public sealed class PrecisionRecipeConfigTests
{
    private static ConfigError OneError(string precision, params string[] overrides) =>
        Assert.Single(Yaml.Errors("name: q\nprecision:\n" + precision, overrides));

    [Fact]
    public void Fp8_recipes_are_hybrid_e4m3_forward_and_e5m2_gradients_with_float32_elsewhere()
    {
        var recipe = PrecisionRecipe.Resolve(Yaml.Load("name: q\nprecision:\n  format: fp8-current\n").Precision);
        Assert.Equal(("e4m3", "e4m3", "e5m2"), (recipe.Weights!.Name, recipe.Activations!.Name, recipe.Gradients!.Name));
        Assert.Equal(448, recipe.Weights.Element!.MaxFinite);
        Assert.Equal(Overflow.Saturate, recipe.Gradients.Element!.Overflow);
        Assert.Null(recipe.Attention);
        Assert.Null(recipe.OptimizerState);
        Assert.False(recipe.DelayedScaling);
        Assert.True(PrecisionRecipe.Resolve(Yaml.Load("name: q\nprecision:\n  format: fp8-delayed\n").Precision).DelayedScaling);
    }

    [Theory]
    [InlineData("mxfp8", "mxfp8-e4m3", "mxfp8-e5m2", Rounding.NearestEven)]
    [InlineData("mxfp6", "mxfp6-e3m2", "mxfp6-e3m2", Rounding.NearestEven)]
    [InlineData("mxfp4", "mxfp4", "mxfp4", Rounding.Stochastic)]
    [InlineData("nvfp4", "nvfp4", "nvfp4", Rounding.Stochastic)]
    public void Block_recipes_quantize_along_blocks_of_their_format(string format, string forward, string gradients, Rounding gradientRounding)
    {
        var recipe = PrecisionRecipe.Resolve(Yaml.Load($"name: q\nprecision:\n  format: {format}\n").Precision);
        Assert.Equal((forward, forward, gradients), (recipe.Weights!.Name, recipe.Activations!.Name, recipe.Gradients!.Name));
        Assert.Equal(gradientRounding, recipe.GradientRounding);
        Assert.Equal(Rounding.NearestEven, recipe.Rounding);
        Assert.Equal(format == "nvfp4" ? 16 : 32, recipe.Weights.Spec(-1, QuantSpec.None).BlockSize);
    }

    [Fact]
    public void Lmul_replaces_attention_by_default_and_every_matmul_when_asked()
    {
        var attention = PrecisionRecipe.Resolve(Yaml.Load("name: q\nprecision:\n  format: lmul\n").Precision);
        Assert.True(attention.AttentionLMul);
        Assert.False(attention.LinearLMul);
        Assert.Equal(3, attention.LMulBits);
        var all = PrecisionRecipe.Resolve(Yaml.Load("name: q\nprecision:\n  format: lmul\n  lmul_matmuls: all\n  lmul_bits: 4\n").Precision);
        Assert.True(all.LinearLMul && all.AttentionLMul);
        Assert.Equal(4, all.LMulBits);
    }

    [Fact]
    public void Role_keys_override_the_recipe()
    {
        var recipe = PrecisionRecipe.Resolve(Yaml.Load("name: q\nprecision:\n  format: fp8-current\n  gradients: e4m3\n  weights: none\n  optimizer_state: bf16\n").Precision);
        Assert.Null(recipe.Weights);
        Assert.Equal("e4m3", recipe.Gradients!.Name);
        Assert.Equal("bf16", recipe.OptimizerState!.Name);
    }

    [Fact]
    public void The_default_none_keeps_the_science_hash_of_configs_written_before_the_recipes()
    {
        const string yaml = "name: q\nmodel:\n  layers: 2\n";
        var plain = Yaml.Load(yaml);
        var spelled = Yaml.Load(yaml + "precision:\n  format: none\n");
        Assert.Equal(ConfigHash.Of(plain), ConfigHash.Of(spelled));
        Assert.DoesNotContain("precision", ConfigWriter.WriteScience(plain), StringComparison.Ordinal);
        Assert.NotEqual(ConfigHash.Of(plain), ConfigHash.Of(Yaml.Load(yaml + "precision:\n  format: fp8-current\n")));
    }

    [Fact]
    public void Every_recipe_key_round_trips_through_the_canonical_yaml()
    {
        // Two valid recipes that between them move every key off its default.
        string[] yamls =
        [
            "name: q\nprecision:\n  format: fp8-delayed\n  weights: e5m2\n  activations: mxfp6-e2m3\n  gradients: nvfp4\n  attention: mxint8\n" +
            "  optimizer_state: bf16\n  rounding: nearest-away\n  gradient_rounding: toward-zero\n  scaling: delayed\n  amax_history: 16\n  margin: 2\n  power_of_two_scale: true\n",
            "name: q\nprecision:\n  format: lmul\n  lmul_matmuls: all\n  lmul_bits: 5\n  gradients: e4m3\n",
        ];
        var changed = new HashSet<string>();
        foreach (var yaml in yamls)
        {
            var config = Yaml.Load(yaml);
            Assert.Equal(config, ConfigLoader.Parse(ConfigWriter.Write(config), "resolved.yaml", []));
            changed.UnionWith(ConfigKeys.All.Where(k => !k.IsShorthand && k.ValueText(config) != k.DefaultText).Select(k => k.Path));
        }
        Assert.All(PrecisionKeys.RecipeKeys, k => Assert.Contains(k.Path, changed));
    }

    [Fact]
    public void A_role_key_without_a_recipe_is_an_error_naming_it()
    {
        var error = OneError("  weights: e4m3\n");
        Assert.Equal("precision.weights", error.KeyPath);
        Assert.Contains("precision.format is none", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_format_suggests_the_closest()
    {
        var error = OneError("  format: fp8-current\n  weights: nvfp5\n");
        Assert.Equal("precision.weights", error.KeyPath);
        Assert.Equal("nvfp4", error.Suggestion);
    }

    [Theory]
    [InlineData("  format: fp8-current\n  dtype: bfloat16\n", "precision.dtype")]
    [InlineData("  format: custom\n", "precision.format")]
    [InlineData("  format: fp8-current\n  gradients: lmul\n", "precision.gradients")]
    [InlineData("  format: lmul\n  attention: e4m3\n", "precision.attention")]
    [InlineData("  format: lmul\n  lmul_matmuls: all\n  weights: e4m3\n", "precision.weights")]
    [InlineData("  format: fp8-current\n  lmul_bits: 4\n", "precision.lmul_bits")]
    [InlineData("  format: custom\n  attention: lmul\n  lmul_matmuls: all\n", "precision.lmul_matmuls")]
    [InlineData("  format: mxfp4\n  margin: 1\n", "precision.margin")]
    [InlineData("  format: nvfp4\n  scaling: delayed\n", "precision.scaling")]
    [InlineData("  format: fp8-current\n  amax_history: 16\n", "precision.amax_history")]
    [InlineData("  format: fp8-current\n  scaling: delayed\n", "precision.scaling")]
    [InlineData("  format: fp8-delayed\n  scaling: current\n", "precision.scaling")]
    [InlineData("  format: fp8-current\n  gradients: none\n  gradient_rounding: stochastic\n", "precision.gradient_rounding")]
    [InlineData("  format: lmul\n  rounding: stochastic\n", "precision.rounding")]
    public void A_combination_that_makes_no_sense_is_an_error_naming_the_key(string precision, string key)
    {
        Assert.Equal(key, OneError(precision).KeyPath);
    }
}
