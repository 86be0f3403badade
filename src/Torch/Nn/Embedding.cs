namespace ArithLab.Torch.Nn;

/// <summary>A lookup table of <c>numEmbeddings</c> vectors of size <c>embeddingDim</c>, initialised N(0, 1) as PyTorch's <c>nn.Embedding</c>.</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    public Embedding(long numEmbeddings, long embeddingDim, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDim);
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        // Embeddings are looked up, not multiplied: decaying rows that a batch never touches
        // only shrinks them, so they sit in the no-weight-decay group.
        Weight = new Parameter(Init.Normal_(Tensor.Zeros([numEmbeddings, embeddingDim], dtype, device)), noWeightDecay: true);
    }

    public long NumEmbeddings { get; }

    public long EmbeddingDim { get; }

    /// <summary>(numEmbeddings, embeddingDim).</summary>
    public Parameter Weight { get; }

    /// <summary>ids (int64, any shape) → (*ids, embeddingDim).</summary>
    public override Tensor Forward(Tensor input) => Functional.Embedding(Weight, input);

    protected override string ExtraRepr() => $"{NumEmbeddings}, {EmbeddingDim}";
}
