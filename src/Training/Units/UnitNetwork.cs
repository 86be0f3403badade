using ArithLab.Data.Sampling;

namespace ArithLab.Training.Units;

/// <summary>
/// The network of the arithmetic-unit benchmark (Madsen &amp; Johansen 2020, section 4.1): inputs → hidden →
/// 1, no biases, a first and a second unit (NAU → NMU, NAC₊ → NAC•, NALU → NALU, …). One training step is
/// forward, MSE, backward and the scaled sparsity regulariser, on preallocated arrays.
/// </summary>
public sealed class UnitNetwork
{
    private readonly double[] _hidden;
    private readonly double[] _dHidden;
    private readonly double[] _y;
    private readonly double[] _dy;

    public UnitNetwork(IUnitLayer first, IUnitLayer second, int batchSize, UnitPrecision precision = UnitPrecision.Float64)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Outputs != second.Inputs || second.Outputs != 1)
        {
            throw new ArgumentException($"layers do not chain: {first.Inputs} → {first.Outputs}, {second.Inputs} → {second.Outputs} (want … → h, h → 1)");
        }
        First = first;
        Second = second;
        BatchSize = batchSize;
        Precision = precision;
        _hidden = new double[batchSize * first.Outputs];
        _dHidden = new double[batchSize * first.Outputs];
        _y = new double[batchSize];
        _dy = new double[batchSize];
        Parameters = first.Parameters.Select(p => ("layer1." + p.Name, p.Values))
            .Concat(second.Parameters.Select(p => ("layer2." + p.Name, p.Values))).ToList();
        Gradients = first.Gradients.Concat(second.Gradients).ToList();
    }

    public IUnitLayer First { get; }

    public IUnitLayer Second { get; }

    public int BatchSize { get; }

    /// <summary>float32 rounds the layers' outputs and the gradients where they are stored (<see cref="UnitPrecision.Float32"/>).</summary>
    public UnitPrecision Precision { get; }

    public int Inputs => First.Inputs;

    /// <summary>Raw parameters under state-dict names (<c>layer1.w</c>, <c>layer2.nac.w_hat</c>, …).</summary>
    public IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    public IReadOnlyList<double[]> Gradients { get; }

    /// <summary>The low-precision recipe the network trains under (<see cref="UseRecipe"/>), or null: float64 (or float32) arithmetic.</summary>
    public UnitLowPrecision? LowPrecision { get; private set; }

    /// <summary>Each parameter's row width, the dimension blocks of the optimizer state's format run along.</summary>
    public IReadOnlyList<int> ParameterColumns =>
        First.Parameters.Select(p => Columns(First, p.Values)).Concat(Second.Parameters.Select(p => Columns(Second, p.Values))).ToList();

    /// <summary>Trains and evaluates under <paramref name="recipe"/> from now on: each layer's arithmetic becomes the recipe's.</summary>
    public void UseRecipe(UnitLowPrecision recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        LowPrecision = recipe;
        First.MatMul = recipe.MatMulFor(0, First);
        Second.MatMul = recipe.MatMulFor(1, Second);
    }

    public static UnitNetwork Create(UnitKind first, UnitKind second, int inputs, int hidden, int batchSize, SeededRandom random,
        UnitPrecision precision = UnitPrecision.Float64, bool linearBias = false) =>
        new(CreateLayer(first, inputs, hidden, random, linearBias), CreateLayer(second, hidden, 1, random, linearBias), batchSize, precision);

    /// <summary>One layer; <paramref name="linearBias"/> gives linear layers a bias (the arithmetic units have none).</summary>
    public static IUnitLayer CreateLayer(UnitKind kind, int inputs, int outputs, SeededRandom random, bool linearBias = false) => kind switch
    {
        UnitKind.Nau => new NauLayer(inputs, outputs, random),
        UnitKind.Nmu => new NmuLayer(inputs, outputs, random),
        UnitKind.NacAdd => new NacLayer(inputs, outputs, random),
        UnitKind.NacMul => new NacMulLayer(inputs, outputs, random),
        UnitKind.Nalu => new NaluLayer(inputs, outputs, random),
        UnitKind.Linear => new LinearLayer(inputs, outputs, random, linearBias),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Zeroes the gradients, then fills them with d/dθ of MSE(y, t) + λ·(R₁ + R₂) on one batch
    /// (stable-nalu sums the layers' regularisers); returns the MSE.
    /// </summary>
    public double LossAndGradients(ReadOnlySpan<double> x, ReadOnlySpan<double> t, double lambda)
    {
        foreach (var g in Gradients)
        {
            Array.Clear(g);
        }
        var lowp = LowPrecision;
        if (lowp is not null)
        {
            lowp.Training = true;
        }
        // Under a recipe each layer sees its input quantized (x̂, ĥ), and its backward reads the same.
        var x1 = lowp is null ? x : lowp.Input(0, x, First.Inputs);
        First.Forward(x1, _hidden);
        SingleRounding.Apply(Precision, _hidden);
        ReadOnlySpan<double> h = lowp is null ? _hidden : lowp.Input(1, _hidden, Second.Inputs);
        Second.Forward(h, _y);
        SingleRounding.Apply(Precision, _y);
        double sum = 0;
        for (var b = 0; b < _y.Length; b++)
        {
            var e = _y[b] - t[b];
            sum += e * e;
            _dy[b] = 2 * e / _y.Length;
        }
        SingleRounding.Apply(Precision, _dy);
        lowp?.OutputGradient(1, _dy, Second.Outputs);
        Second.Backward(h, _dy, _dHidden);
        lowp?.InputGradient(1, _dHidden);
        SingleRounding.Apply(Precision, _dHidden);
        lowp?.OutputGradient(0, _dHidden, First.Outputs);
        First.Backward(x1, _dHidden, []);
        if (lowp is not null)
        {
            lowp.Training = false;
        }
        if (lambda != 0)
        {
            First.AddRegularizerGradient(lambda);
            Second.AddRegularizerGradient(lambda);
        }
        foreach (var g in Gradients)
        {
            SingleRounding.Apply(Precision, g);
        }
        return sum / _y.Length;
    }

    /// <summary>R₁ + R₂, unscaled.</summary>
    public double Regularizer() => First.Regularizer() + Second.Regularizer();

    /// <summary>
    /// Mean squared error over a whole set, a batch at a time (no gradients), of the weights the network holds in
    /// float64 (or float32): a recipe's quantizers and L-Mul stay out, so the success criterion judges what was learned.
    /// </summary>
    public double MeanSquaredError(ReadOnlySpan<double> x, ReadOnlySpan<double> t)
    {
        var (first, second) = (First.MatMul, Second.MatMul);
        First.MatMul = Second.MatMul = ExactUnitMatMul.Instance;
        try
        {
            return Evaluate(x, t, recipe: null);
        }
        finally
        {
            (First.MatMul, Second.MatMul) = (first, second);
        }
    }

    /// <summary>The mean squared error as the network computes under its recipe (quantized inputs and weights, L-Mul); delayed scaling only reads its scales.</summary>
    public double RecipeMeanSquaredError(ReadOnlySpan<double> x, ReadOnlySpan<double> t) => Evaluate(x, t, LowPrecision);

    private double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> t, UnitLowPrecision? recipe)
    {
        double sum = 0;
        for (var start = 0; start < t.Length; start += BatchSize)
        {
            var rows = Math.Min(BatchSize, t.Length - start);
            var hidden = _hidden.AsSpan(0, rows * First.Outputs);
            var y = _y.AsSpan(0, rows);
            var rowsX = x.Slice(start * Inputs, rows * Inputs);
            First.Forward(recipe is null ? rowsX : recipe.Input(0, rowsX, First.Inputs), hidden);
            SingleRounding.Apply(Precision, hidden);
            Second.Forward(recipe is null ? hidden : recipe.Input(1, hidden, Second.Inputs), y);
            SingleRounding.Apply(Precision, y);
            for (var b = 0; b < rows; b++)
            {
                var e = y[b] - t[start + b];
                sum += e * e;
            }
        }
        return sum / t.Length;
    }

    /// <summary>Applies each layer's clamp, after an optimiser step.</summary>
    public void ClampParameters()
    {
        First.ClampParameters();
        Second.ClampParameters();
    }

    /// <summary>max over every applied weight of min(|W|, |1 − |W||) (Madsen &amp; Johansen 2020, section 4.1's sparsity error).</summary>
    public double SparsityError() => Math.Max(SparsityErrors.Of(First.EffectiveWeight()), SparsityErrors.Of(Second.EffectiveWeight()));

    private static int Columns(IUnitLayer layer, double[] values) => values.Length == layer.Inputs * layer.Outputs ? layer.Inputs : values.Length;
}
