namespace ArithLab.Torch.Nn;

/// <summary>
/// A trainable tensor of a <see cref="Module"/>: a leaf that requires grad. A module finds
/// its parameters by reflection over its fields and auto-properties (see <see cref="Module"/>).
/// Converts implicitly to its <see cref="Torch.Tensor"/>, so it can be passed to any op.
/// </summary>
public sealed class Parameter : IDisposable
{
    /// <summary>
    /// Takes ownership of <paramref name="data"/>, which must be a leaf (a freshly made
    /// tensor, or <c>x.Detach()</c>): it leaves any open dispose scope and is disposed
    /// with the parameter (or its module).
    /// </summary>
    /// <param name="noWeightDecay">Puts the parameter in the optimizer's no-weight-decay group (norms, biases, embeddings).</param>
    public Parameter(Tensor data, bool requiresGrad = true, bool noWeightDecay = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsLeaf)
        {
            throw new ArgumentException("a parameter must be a leaf tensor; pass x.Detach()", nameof(data));
        }
        // A parameter lives as long as its module, not as long as the scope it was made in.
        data.Owner = null;
        Tensor = data;
        Tensor.RequiresGrad = requiresGrad;
        NoWeightDecay = noWeightDecay;
    }

    /// <summary>The tensor itself (the same object for the parameter's whole life, across <c>To(...)</c>).</summary>
    public Tensor Tensor { get; }

    /// <summary>Whether the optimizer should leave this parameter out of weight decay.</summary>
    public bool NoWeightDecay { get; set; }

    public bool RequiresGrad
    {
        get => Tensor.RequiresGrad;
        set => Tensor.RequiresGrad = value;
    }

    public long[] Shape => Tensor.Shape;

    public long NumEl => Tensor.NumEl;

    public ScalarType DType => Tensor.DType;

    public Device Device => Tensor.Device;

    /// <summary>The accumulated gradient as a new handle, or null.</summary>
    public Tensor? Grad => Tensor.Grad;

    public bool IsDisposed => Tensor.IsDisposed;

    public void Dispose() => Tensor.Dispose();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(parameter))]
    public static implicit operator Tensor?(Parameter? parameter) => parameter?.Tensor;

    public override string ToString() => $"Parameter({Tensor})";
}
