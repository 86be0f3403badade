using ArithLab.Torch.LowPrecision;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Units;

/// <summary>
/// A low-precision recipe (<see cref="PrecisionRecipe"/>, the experiments' own) applied to a unit network, as
/// <see cref="LowPrecisionTraining"/> applies it to a transformer: in forward each layer's input and effective weight
/// are quantized (<see cref="RecipeUnitMatMul"/>), in backward the gradient with respect to each layer's output is
/// quantized and the forward quantizers pass the gradient straight through (zero where a delayed scale clipped),
/// and after each Adam step the moments are rounded when the recipe says so. Master weights, Adam's math and every
/// sum stay in the run's float64 (or float32) storage. Stochastic draws come from (run seed, step, layer, role), so a
/// resumed run repeats them; delayed scaling's amax histories go into the checkpoint (<see cref="AmaxHistories"/>).
/// </summary>
public sealed class UnitLowPrecision
{
    private const int OptimizerSites = 100;
    private readonly int _seed;
    private readonly Dictionary<(int Site, UnitTensorRole Role), UnitRoleQuantizer?> _quantizers = [];
    private long _step;

    public UnitLowPrecision(PrecisionRecipe recipe, int seed)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        Recipe = recipe;
        _seed = seed;
        SeedOfStep = Setup.Seeds.Step(seed, 0);
    }

    public PrecisionRecipe Recipe { get; }

    /// <summary>The training step being run (stochastic rounding's draws depend on it).</summary>
    public long Step
    {
        get => _step;
        set
        {
            _step = value;
            SeedOfStep = Setup.Seeds.Step(_seed, value);
        }
    }

    /// <summary>Whether the quantizations belong to a training step (delayed scaling records their amax) or to an evaluation (it only reads the scale).</summary>
    public bool Training { get; set; }

    internal long SeedOfStep { get; private set; }

    /// <summary>The arithmetic of layer <paramref name="layer"/> (0: the first) under this recipe.</summary>
    public IUnitMatMul MatMulFor(int layer, IUnitLayer unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new RecipeUnitMatMul(this, layer, unit.Inputs, unit.Outputs);
    }

    /// <summary>Layer <paramref name="layer"/>'s input x (B, <paramref name="columns"/>) as the layer sees it: quantized, or x itself.</summary>
    public ReadOnlySpan<double> Input(int layer, ReadOnlySpan<double> x, int columns) =>
        Quantizer(layer, UnitTensorRole.Activations) is { } q ? q.Quantize(x, columns, SeedOfStep, Training) : x;

    /// <summary>The straight-through estimator of layer <paramref name="layer"/>'s input quantizer, in place on dL/dx.</summary>
    public void InputGradient(int layer, Span<double> dx) => Quantizer(layer, UnitTensorRole.Activations)?.PassGradient(dx);

    /// <summary>Quantizes dL/dy of layer <paramref name="layer"/> (B, <paramref name="columns"/>) in place, as it enters the layer's backward.</summary>
    public void OutputGradient(int layer, Span<double> dy, int columns)
    {
        if (Quantizer(layer, UnitTensorRole.Gradients) is { } q)
        {
            q.Quantize(dy, columns, SeedOfStep, Training).CopyTo(dy);
        }
    }

    /// <summary>Rounds Adam's moments onto the optimizer state's format (current scaling, blocks along each parameter's rows of <paramref name="columns"/>).</summary>
    public void QuantizeOptimizerState(UnitAdam adam, IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(adam);
        ArgumentNullException.ThrowIfNull(columns);
        if (Recipe.OptimizerState is null)
        {
            return;
        }
        for (var k = 0; k < columns.Count; k++)
        {
            Moment(OptimizerSites + 2 * k, adam.ExpAvg[k], columns[k]);
            Moment(OptimizerSites + 2 * k + 1, adam.ExpAvgSq[k], columns[k]);
        }

        void Moment(int site, double[] values, int width) =>
            Quantizer(site, UnitTensorRole.OptimizerState)!.Quantize(values, width, SeedOfStep, record: false).CopyTo(values, 0);
    }

    /// <summary>Ends a training step: each delayed-scaling history takes the step's amax.</summary>
    public void EndStep()
    {
        foreach (var q in _quantizers.Values)
        {
            q?.EndStep();
        }
    }

    /// <summary>Delayed scaling's amax histories (oldest first) under checkpoint names such as <c>lowp.amax.layer1.weights</c>.</summary>
    public IReadOnlyDictionary<string, float[]> AmaxHistories() => _quantizers
        .Where(kv => kv.Value?.Delayed is { AmaxHistory.Count: > 0 })
        .ToDictionary(kv => HistoryName(kv.Key.Site, kv.Key.Role), kv => kv.Value!.Delayed!.AmaxHistory.ToArray());

    /// <summary>Replays saved histories into the layers' delayed scaling, so the next scale is the one the run had.</summary>
    public void LoadAmaxHistories(IReadOnlyDictionary<string, float[]> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        foreach (var site in new[] { 0, 1 })
        {
            foreach (var role in new[] { UnitTensorRole.Activations, UnitTensorRole.Weights, UnitTensorRole.Gradients })
            {
                if (histories.TryGetValue(HistoryName(site, role), out var history) && Quantizer(site, role)?.Delayed is { } delayed)
                {
                    foreach (var amax in history)
                    {
                        delayed.Record(amax);
                    }
                }
            }
        }
    }

    /// <summary>The names <see cref="AmaxHistories"/> can hold.</summary>
    public static IEnumerable<string> HistoryNames =>
        from site in new[] { 0, 1 }
        from role in new[] { UnitTensorRole.Activations, UnitTensorRole.Weights, UnitTensorRole.Gradients }
        select HistoryName(site, role);

    internal UnitRoleQuantizer? Quantizer(int site, UnitTensorRole role)
    {
        if (!_quantizers.TryGetValue((site, role), out var quantizer))
        {
            var format = role switch
            {
                UnitTensorRole.Activations => Recipe.Activations,
                UnitTensorRole.Weights => Recipe.Weights,
                UnitTensorRole.Gradients => Recipe.Gradients,
                _ => Recipe.OptimizerState,
            };
            var rounding = role == UnitTensorRole.Gradients ? Recipe.GradientRounding : Recipe.Rounding;
            // The optimizer state is scaled by its own amax under every recipe, as LowPrecisionTraining does.
            var delayed = Recipe.DelayedScaling && role != UnitTensorRole.OptimizerState;
            quantizer = format is null ? null : new UnitRoleQuantizer(format, rounding, delayed, Recipe, (((long)site << 8) + (long)role) * 0x9E3779B97F4A7C1);
            _quantizers[(site, role)] = quantizer;
        }
        return quantizer;
    }

    private static string HistoryName(int site, UnitTensorRole role) => $"lowp.amax.layer{site + 1}.{role.ToString().ToLowerInvariant()}";
}
