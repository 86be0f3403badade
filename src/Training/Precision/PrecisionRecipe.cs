using ArithLab.Torch.LowPrecision;
using ArithLab.Training.Config;

namespace ArithLab.Training.Precision;

/// <summary>
/// A low-precision recipe with every `auto` resolved: the format of each tensor role (null = float32),
/// rounding and per-tensor scaling. The recipes' defaults (docs/precision.md):
/// <list type="bullet">
/// <item>fp8-current, fp8-delayed: E4M3 weights and activations, E5M2 gradients, per-tensor scaling
/// (Micikevicius et al. 2022, "FP8 Formats for Deep Learning"; Transformer Engine's hybrid format);</item>
/// <item>mxfp8: MXFP8 E4M3 forward, MXFP8 E5M2 gradients; mxfp6: MXFP6 E3M2 throughout; mxfp4: MXFP4
/// throughout (Rouhani et al. 2023, "Microscaling Data Formats for Deep Learning");</item>
/// <item>nvfp4: NVFP4 throughout (NVIDIA 2025, "Pretraining LLMs with NVFP4"); fp4 gradients are rounded
/// stochastically, as that report and Tseng et al. 2025 do;</item>
/// <item>lmul: L-Mul on attention's two matmuls, or on every matmul (Luo &amp; Sun 2024);</item>
/// <item>custom: only what the role keys say.</item>
/// </list>
/// Element formats saturate on overflow in training, as Transformer Engine's casts do. Master
/// weights, optimizer math and accumulation stay float32 throughout.
/// </summary>
public sealed record PrecisionRecipe
{
    public LowPrecisionFormat Format { get; init; }

    public QuantFormat? Weights { get; init; }

    public QuantFormat? Activations { get; init; }

    public QuantFormat? Gradients { get; init; }

    /// <summary>The format of attention's matmul operands, when not <see cref="AttentionLMul"/>.</summary>
    public QuantFormat? Attention { get; init; }

    /// <summary>Whether attention's two matmuls use L-Mul products.</summary>
    public bool AttentionLMul { get; init; }

    /// <summary>Whether every linear layer is an L-Mul matmul too.</summary>
    public bool LinearLMul { get; init; }

    public QuantFormat? OptimizerState { get; init; }

    public Rounding Rounding { get; init; }

    public Rounding GradientRounding { get; init; }

    public bool DelayedScaling { get; init; }

    public int AmaxHistory { get; init; }

    public int Margin { get; init; }

    public bool PowerOfTwoScale { get; init; }

    public int LMulBits { get; init; }

    /// <summary>Whether any role uses a per-tensor (element) format, which scaling applies to.</summary>
    public bool HasPerTensorRole =>
        new[] { Weights, Activations, Gradients, Attention, OptimizerState }.Any(f => f is { IsPerTensor: true });

    public static PrecisionRecipe Resolve(PrecisionConfig precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        var low = precision.LowPrecision;
        var format = precision.Format;
        var (w, a, g) = Defaults(format);
        var lmulAll = format == LowPrecisionFormat.LMul && low.LMulMatMuls == LMulScope.All;
        var fp4 = format is LowPrecisionFormat.Mxfp4 or LowPrecisionFormat.Nvfp4;
        return new PrecisionRecipe
        {
            Format = format,
            Weights = Pick(low.Weights, w),
            Activations = Pick(low.Activations, a),
            Gradients = Pick(low.Gradients, g),
            Attention = Pick(low.Attention, null),
            AttentionLMul = low.Attention.Choice == RoleFormatChoice.LMul || (low.Attention.Choice == RoleFormatChoice.Auto && format == LowPrecisionFormat.LMul),
            LinearLMul = lmulAll,
            OptimizerState = Pick(low.OptimizerState, null),
            Rounding = low.Rounding,
            GradientRounding = low.GradientRounding.Mode ?? (fp4 ? Rounding.Stochastic : low.Rounding),
            DelayedScaling = low.Scaling == ScalingChoice.Delayed || (low.Scaling == ScalingChoice.Auto && format == LowPrecisionFormat.Fp8Delayed),
            AmaxHistory = low.AmaxHistory,
            Margin = low.Margin,
            PowerOfTwoScale = low.PowerOfTwoScale,
            LMulBits = low.LMulBits,
        };
    }

    /// <summary>One line for logs: "fp8-current: weights e4m3, activations e4m3, gradients e5m2 (current scaling)".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            void Add(string role, QuantFormat? f)
            {
                if (f is not null)
                {
                    parts.Add($"{role} {f.Name}");
                }
            }
            Add("weights", Weights);
            Add("activations", Activations);
            Add("gradients", Gradients);
            Add("attention", Attention);
            if (LinearLMul)
            {
                parts.Add($"every matmul L-Mul m={LMulBits}");
            }
            else if (AttentionLMul)
            {
                parts.Add($"attention L-Mul m={LMulBits}");
            }
            Add("optimizer state", OptimizerState);
            var scaling = !HasPerTensorRole ? "" : DelayedScaling ? $" (delayed scaling, amax history {AmaxHistory})" : " (current scaling)";
            return $"{PrecisionKeys.Recipes.NameOf(Format)}: {string.Join(", ", parts)}{scaling}, float32 master weights";
        }
    }

    // E4M3 and E5M2 saturate in training, as Transformer Engine's FP8 casts do.
    private static readonly QuantFormat E4M3 = QuantFormat.Of(NumberFormat.E4M3.With(Overflow.Saturate));
    private static readonly QuantFormat E5M2 = QuantFormat.Of(NumberFormat.E5M2.With(Overflow.Saturate));

    private static (QuantFormat? Weights, QuantFormat? Activations, QuantFormat? Gradients) Defaults(LowPrecisionFormat format) => format switch
    {
        LowPrecisionFormat.Fp8Current or LowPrecisionFormat.Fp8Delayed => (E4M3, E4M3, E5M2),
        LowPrecisionFormat.Mxfp8 => (QuantFormat.Of(MxFormat.Mxfp8E4M3), QuantFormat.Of(MxFormat.Mxfp8E4M3), QuantFormat.Of(MxFormat.Mxfp8E5M2)),
        LowPrecisionFormat.Mxfp6 => (QuantFormat.Of(MxFormat.Mxfp6E3M2), QuantFormat.Of(MxFormat.Mxfp6E3M2), QuantFormat.Of(MxFormat.Mxfp6E3M2)),
        LowPrecisionFormat.Mxfp4 => (QuantFormat.Of(MxFormat.Mxfp4), QuantFormat.Of(MxFormat.Mxfp4), QuantFormat.Of(MxFormat.Mxfp4)),
        LowPrecisionFormat.Nvfp4 => (QuantFormat.Nvfp4, QuantFormat.Nvfp4, QuantFormat.Nvfp4),
        _ => (null, null, null),
    };

    // A per-tensor element format saturates in training; a block format's elements always do.
    private static QuantFormat? Pick(RoleFormat role, QuantFormat? recipeDefault) => role.Choice switch
    {
        RoleFormatChoice.Auto => recipeDefault,
        RoleFormatChoice.Format when role.Format!.Element is { } e => QuantFormat.Of(e.Kind is FormatKind.Finite or FormatKind.Integer ? e : e.With(Overflow.Saturate)),
        RoleFormatChoice.Format => role.Format,
        _ => null,
    };
}
