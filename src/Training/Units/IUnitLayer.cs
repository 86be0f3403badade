namespace ArithLab.Training.Units;

/// <summary>
/// One layer of a unit network with its hand-derived backward pass, on plain arrays: the whole step
/// of a 100 → 2 → 1 network is a few microseconds of arithmetic, so it runs without a native call.
/// Each layer computes what the module of the same name in src/Models/Arithmetic computes (tested
/// against it and against finite differences).
/// </summary>
public interface IUnitLayer
{
    UnitKind Kind { get; }

    int Inputs { get; }

    int Outputs { get; }

    /// <summary>Raw parameters under the module's state-dict names, each (Outputs, Inputs), row-major.</summary>
    IReadOnlyList<(string Name, double[] Values)> Parameters { get; }

    /// <summary>Gradients of <see cref="Parameters"/>, same order and shapes.</summary>
    IReadOnlyList<double[]> Gradients { get; }

    /// <summary>The weight the layer applies (clamped, or tanh(Ŵ)σ(M̂)), (Outputs, Inputs): what sparsity error and heatmaps read.</summary>
    double[] EffectiveWeight();

    /// <summary>
    /// How the layer multiplies by <see cref="EffectiveWeight"/>: exact float64 (<see cref="ExactUnitMatMul"/>, the default),
    /// or a low-precision recipe's quantized weight and L-Mul products (<see cref="RecipeUnitMatMul"/>).
    /// </summary>
    IUnitMatMul MatMul { get; set; }

    /// <summary>y (B, Outputs) from x (B, Inputs); keeps what <see cref="Backward"/> needs.</summary>
    void Forward(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>Adds dL/dparameters to <see cref="Gradients"/> and, unless <paramref name="dx"/> is empty, writes dL/dx, for the x of the last Forward.</summary>
    void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx);

    /// <summary>The sparsity regulariser R (Madsen &amp; Johansen 2020, eqs. 2 and 4); 0 for units the paper gives none.</summary>
    double Regularizer();

    /// <summary>Adds scale · dR/dparameters to <see cref="Gradients"/>.</summary>
    void AddRegularizerGradient(double scale);

    /// <summary>Clamps parameters after an optimiser step, where the unit says so (NAU to [−1, 1], NMU to [0, 1]).</summary>
    void ClampParameters();
}
