using ArithLab.Training.Config;

namespace ArithLab.Training.Precision;

/// <summary>One validation rule: when <c>ok</c> is false, an error with <c>message</c> blames the first of <c>keys</c> the user set.</summary>
internal delegate void ConfigRule(bool ok, string message, params string[] keys);

/// <summary>The combinations of low-precision keys that make no sense, as config errors naming the key.</summary>
internal static class PrecisionRecipeRules
{
    public static void Check(ExperimentConfig c, ConfigRule rule)
    {
        var p = c.Precision;
        var low = p.LowPrecision;
        var recipeName = PrecisionKeys.Recipes.NameOf(p.Format);
        bool IsSet(string path) => !ConfigKeys.Get(path).KeepsEarlierBehaviour(c);
        var lowKeys = PrecisionKeys.RecipeKeys.Skip(1).Select(k => k.Path).ToList();   // the keys beside precision.format

        if (p.Format == LowPrecisionFormat.None)
        {
            foreach (var key in lowKeys)
            {
                rule(!IsSet(key), $"{key} belongs to a low-precision recipe, but precision.format is none; set precision.format (custom: the role keys alone)", key, "precision.format");
            }
            return;
        }

        rule(p.DType == DType.Float32 && !p.Autocast,
            $"precision.format {recipeName} emulates its formats on float32 master weights and float32 accumulation; set precision.dtype: float32 without autocast",
            "precision.dtype", "precision.autocast", "precision.format");

        foreach (var (path, get) in PrecisionKeys.Roles.Where(r => r.Path != "precision.attention"))
        {
            rule(get(low).Choice != RoleFormatChoice.LMul,
                $"lmul is a multiplication, not a number format: only precision.attention takes it (or precision.format: lmul with precision.lmul_matmuls: all)", path);
        }

        if (p.Format == LowPrecisionFormat.Custom)
        {
            rule(PrecisionKeys.Roles.Any(r => r.Get(low).Choice is RoleFormatChoice.Format or RoleFormatChoice.LMul),
                "precision.format custom quantizes only the roles given, and none is: set one of " + string.Join(", ", PrecisionKeys.Roles.Select(r => r.Path)),
                "precision.format");
        }
        if (p.Format == LowPrecisionFormat.LMul)
        {
            rule(low.Attention.Choice is RoleFormatChoice.Auto or RoleFormatChoice.LMul,
                $"the lmul recipe computes attention with L-Mul, so precision.attention: {low.Attention.Name} contradicts it; use precision.format: custom", "precision.attention");
            rule(low.LMulMatMuls != LMulScope.All || (low.Weights.Choice is RoleFormatChoice.Auto or RoleFormatChoice.None && low.Activations.Choice is RoleFormatChoice.Auto or RoleFormatChoice.None),
                "with precision.lmul_matmuls: all every linear layer is an L-Mul matmul, which rounds its operands to precision.lmul_bits itself; precision.weights and precision.activations have nothing to do",
                "precision.weights", "precision.activations");
        }

        var recipe = PrecisionRecipe.Resolve(p);
        rule(recipe.AttentionLMul || !IsSet("precision.lmul_bits"), "precision.lmul_bits applies when attention uses L-Mul (precision.format: lmul, or precision.attention: lmul)", "precision.lmul_bits");
        rule(p.Format == LowPrecisionFormat.LMul || !IsSet("precision.lmul_matmuls"), "precision.lmul_matmuls chooses the matmuls of precision.format: lmul", "precision.lmul_matmuls", "precision.format");

        // Scaling applies to per-tensor (element) formats; block formats carry their own scales.
        const string perTensorOnly = "applies to per-tensor formats (e4m3, e5m2, …), and no role of this recipe has one (block formats carry their own scales)";
        foreach (var key in new[] { "precision.scaling", "precision.margin", "precision.power_of_two_scale" })
        {
            rule(recipe.HasPerTensorRole || !IsSet(key), $"{key} {perTensorOnly}", key);
        }
        rule(recipe.DelayedScaling || !IsSet("precision.amax_history"),
            "precision.amax_history is delayed scaling's; set precision.format: fp8-delayed or precision.scaling: delayed", "precision.amax_history");
        rule(!(p.Format == LowPrecisionFormat.Fp8Current && low.Scaling == ScalingChoice.Delayed),
            "precision.format fp8-current scales each tensor by its own amax; for delayed scaling use precision.format: fp8-delayed", "precision.scaling");
        rule(!(p.Format == LowPrecisionFormat.Fp8Delayed && low.Scaling == ScalingChoice.Current),
            "precision.format fp8-delayed scales from the amax history; for current scaling use precision.format: fp8-current", "precision.scaling");
        rule(recipe.Gradients is not null || !IsSet("precision.gradient_rounding"),
            "precision.gradient_rounding has no gradients to round: precision.gradients is none in this recipe", "precision.gradient_rounding");
        rule(recipe.Weights is not null || recipe.Activations is not null || recipe.Attention is not null || recipe.OptimizerState is not null || !IsSet("precision.rounding"),
            "precision.rounding has nothing to round: no weights, activations, attention operands or optimizer state are quantized in this recipe", "precision.rounding");
    }
}
