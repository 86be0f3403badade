using ArithLab.Torch.LowPrecision;

namespace ArithLab.Training.Config;

/// <summary>
/// The keys of low-precision recipes (`precision.format` and the keys beside it), listed in
/// <see cref="ConfigKeys.All"/> after the IEEE precision keys. docs/precision.md explains them.
/// </summary>
public static class PrecisionKeys
{
    public static readonly EnumKind<LowPrecisionFormat> Recipes = new(
        ("none", LowPrecisionFormat.None),
        ("fp8-current", LowPrecisionFormat.Fp8Current),
        ("fp8-delayed", LowPrecisionFormat.Fp8Delayed),
        ("mxfp8", LowPrecisionFormat.Mxfp8),
        ("mxfp6", LowPrecisionFormat.Mxfp6),
        ("mxfp4", LowPrecisionFormat.Mxfp4),
        ("nvfp4", LowPrecisionFormat.Nvfp4),
        ("lmul", LowPrecisionFormat.LMul),
        ("custom", LowPrecisionFormat.Custom));

    public static readonly EnumKind<Rounding> Roundings = new(
        ("nearest-even", Rounding.NearestEven),
        ("toward-zero", Rounding.TowardZero),
        ("stochastic", Rounding.Stochastic),
        ("nearest-away", Rounding.NearestAway));

    /// <summary>The role keys, each with the name the validator's messages use.</summary>
    public static readonly IReadOnlyList<(string Path, Func<LowPrecisionConfig, RoleFormat> Get)> Roles =
    [
        ("precision.weights", l => l.Weights),
        ("precision.activations", l => l.Activations),
        ("precision.gradients", l => l.Gradients),
        ("precision.attention", l => l.Attention),
        ("precision.optimizer_state", l => l.OptimizerState),
    ];

    /// <summary>precision.format and the keys beside it, as <see cref="ConfigKeys.All"/> lists them.</summary>
    public static IEnumerable<ConfigKey> RecipeKeys =>
        ConfigKeys.All.SkipWhile(k => k.Path != "precision.format").TakeWhile(k => k.Path.StartsWith("precision.", StringComparison.Ordinal));

    internal static IEnumerable<ConfigKey> For(ConfigLens<PrecisionConfig> precision)
    {
        var low = precision.Then(p => p.LowPrecision, (p, v) => p with { LowPrecision = v });
        var role = new RoleFormatKind();
        return
        [
            precision.Key("precision.format", Recipes,
                "emulated low-precision training recipe on float32 master weights (docs/precision.md): fp8-current/fp8-delayed = E4M3 forward, E5M2 gradients; " +
                "mxfp8/mxfp6/mxfp4 = OCP MX blocks of 32 along the reduction dimension; nvfp4; lmul = L-Mul products; custom = the role keys alone",
                p => p.Format, (p, v) => p with { Format = v }),
            low.Key("precision.weights", role, "format of linear layers' weights entering the matmul; auto = the recipe's", l => l.Weights, (l, v) => l with { Weights = v }),
            low.Key("precision.activations", role, "format of linear layers' inputs; auto = the recipe's", l => l.Activations, (l, v) => l with { Activations = v }),
            low.Key("precision.gradients", role, "format of the gradients with respect to linear layers' outputs, entering the backward matmuls; auto = the recipe's", l => l.Gradients, (l, v) => l with { Gradients = v }),
            low.Key("precision.attention", role, "attention's QKᵀ and attention·V: their operands' format, or lmul; auto = the recipe's (float32 but under lmul)", l => l.Attention, (l, v) => l with { Attention = v }),
            low.Key("precision.optimizer_state", role, "format the optimizer's moments are rounded to after each step; auto = none (float32)", l => l.OptimizerState, (l, v) => l with { OptimizerState = v }),
            low.Key("precision.rounding", Roundings, "rounding of weights, activations, attention operands and optimizer state", l => l.Rounding, (l, v) => l with { Rounding = v }),
            low.Key("precision.gradient_rounding", new GradientRoundingKind(), "rounding of the gradients; auto = stochastic under mxfp4 and nvfp4, else precision.rounding", l => l.GradientRounding, (l, v) => l with { GradientRounding = v }),
            low.Key("precision.scaling", new EnumKind<ScalingChoice>(("auto", ScalingChoice.Auto), ("current", ScalingChoice.Current), ("delayed", ScalingChoice.Delayed)),
                "per-tensor scale of element formats: current (this tensor's amax) or delayed (the amax history); auto = delayed under fp8-delayed, else current", l => l.Scaling, (l, v) => l with { Scaling = v }),
            low.Key("precision.amax_history", new IntKind(1, 1 << 20), "delayed scaling: steps of amax history whose max sets the scale (Transformer Engine's amax_history_len)", l => l.AmaxHistory, (l, v) => l with { AmaxHistory = v }),
            low.Key("precision.margin", new IntKind(0, 64), "per-tensor scaling: scale = (max / amax) / 2^margin", l => l.Margin, (l, v) => l with { Margin = v }),
            low.Key("precision.power_of_two_scale", new BoolKind(), "per-tensor scaling: round each scale down to a power of two", l => l.PowerOfTwoScale, (l, v) => l with { PowerOfTwoScale = v }),
            low.Key("precision.lmul_bits", new IntKind(1, 23), "L-Mul operand mantissa bits m (Luo & Sun 2024: 3 rivals E5M2, 4 rivals E4M3)", l => l.LMulBits, (l, v) => l with { LMulBits = v }),
            low.Key("precision.lmul_matmuls", new EnumKind<LMulScope>(("attention", LMulScope.Attention), ("all", LMulScope.All)), "matmuls the lmul recipe replaces: attention's two, or all (every linear layer too)", l => l.LMulMatMuls, (l, v) => l with { LMulMatMuls = v }),
        ];
    }
}
