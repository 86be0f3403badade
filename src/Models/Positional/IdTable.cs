using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>
/// A table indexed by position ids that come from <c>src/Data</c> (0 marks tokens without a
/// position), added to the token embedding: what the Abacus and coupled schemes share. The table
/// is learned (the papers'), learned from a sinusoidal start, or fixed sinusoids of the id
/// (<see cref="IdTableKind"/>). While
/// training, every non-zero id is shifted by one random k ∈ [0, maxRandomOffset] per batch so that
/// positions beyond the training lengths are trained too.
/// State: <c>weight</c> (MaxId, C) when learned; nothing when fixed (the sinusoids are recomputed).
/// </summary>
public abstract class IdTable : Module, IPositionEmbedding
{
    private readonly Parameter? _weight;
    private readonly ModuleBuffer? _sinusoids;
    private readonly int _maxRandomOffset;
    private readonly Random _random;
    private readonly string _idName;
    private readonly IdTableKind _kind;
    private readonly int _dModel;

    /// <summary>
    /// The per-entry standard deviation of a sinusoidal start: that of every other embedding
    /// (<see cref="GptInit"/>). Unscaled sinusoids (entries ±1) would be about 35 times the token
    /// embedding and drown it after the first norm.
    /// </summary>
    private const double SinusoidalStartStd = 0.02;

    private protected IdTable(int maxId, int dModel, int maxRandomOffset, int seed, string idName, IdTableKind kind)
    {
        if (kind == IdTableKind.Sinusoidal)
        {
            var values = new Sinusoidal(dModel).Values(0, maxId);
            Array.Clear(values, 0, dModel);                    // id 0 is "no position": nothing added
            using var scope = DisposeScope.Begin();
            _sinusoids = new ModuleBuffer(Tensor.From(values, maxId, dModel).To(ScalarType.Float32), persistent: false);
        }
        else
        {
            _weight = new Parameter(Init.Normal_(Tensor.Zeros(maxId, dModel)), noWeightDecay: true);
        }
        MaxId = maxId;
        _maxRandomOffset = maxRandomOffset;
        _random = new Random(seed);
        _idName = idName;
        _kind = kind;
        _dModel = dModel;
        InitializeRows();
    }

    /// <summary>
    /// Sets a learned table's rows to their starting values: left to the model's initialisation
    /// for <see cref="IdTableKind.Learned"/>, the scaled sinusoids for
    /// <see cref="IdTableKind.LearnedSinusoidal"/>. The models call it again after their
    /// initialisation pass, which draws every weight afresh.
    /// </summary>
    internal void InitializeRows()
    {
        if (_kind != IdTableKind.LearnedSinusoidal) return;
        var values = new Sinusoidal(_dModel).Values(0, MaxId);
        Array.Clear(values, 0, _dModel);                        // id 0 is "no position": starts at zero
        // Sinusoid entries have standard deviation 1/√2 over a row.
        var scale = SinusoidalStartStd * Math.Sqrt(2.0);
        for (var i = 0; i < values.Length; i++) values[i] *= scale;
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        _weight!.Tensor.CopyFrom_(Tensor.From(values, MaxId, _dModel).To(ScalarType.Float32, _weight.Tensor.Device));
    }

    public int MaxId { get; }

    /// <summary>The table (MaxId, C): the learned parameter, or the fixed sinusoids.</summary>
    public Tensor Weight => _weight?.Tensor ?? _sinusoids!.Tensor;

    /// <summary>Embeds the query's ids (B, T) into (B, T, C).</summary>
    public Tensor Forward(PositionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Forward(query.Ids ?? throw new ArgumentException($"the {_idName} table needs position ids (B, T) from the data format"));
    }

    /// <summary>Embeds ids (B, T) into (B, T, C).</summary>
    public Tensor Forward(Tensor ids)
    {
        var offset = Training ? _random.Next(0, _maxRandomOffset + 1) : 0;
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = DisposeScope.Begin();
        var shifted = ids.To(ScalarType.Int64, Weight.Device);
        if (offset > 0)
        {
            // Only real positions move: id 0 stays the "no position" row.
            shifted = shifted + Tensor.Gt(shifted, 0L).To(ScalarType.Int64) * offset;
        }
        var largest = shifted.NumEl == 0 ? 0 : (long)shifted.Max().Item();
        if (largest >= MaxId)
        {
            throw new ArgumentException($"{_idName} id {largest} is outside the table of {MaxId} ids (raise MaxPositionId)");
        }
        return scope.Keep(Functional.Embedding(Weight, shifted));
    }
}
