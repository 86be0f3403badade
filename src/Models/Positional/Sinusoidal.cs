using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>
/// Fixed sinusoids added to the token embeddings (Vaswani et al. 2017, §3.5):
/// PE(p, 2i) = sin(p / 10000^(2i/C)), PE(p, 2i+1) = cos(p / 10000^(2i/C)). No weights.
/// </summary>
public sealed class Sinusoidal : IPositionEmbedding
{
    private readonly int _dModel;

    public Sinusoidal(int dModel)
    {
        if (dModel % 2 != 0) throw new ArgumentException($"sinusoidal positions need an even d_model, got {dModel}");
        _dModel = dModel;
    }

    /// <summary>The table for positions start..start+length−1 as managed values, row-major (T, C).</summary>
    public double[] Values(int start, int length)
    {
        var values = new double[length * _dModel];
        for (var t = 0; t < length; t++)
        {
            var p = (double)(start + t);
            for (var i = 0; i < _dModel / 2; i++)
            {
                var angle = p / Math.Pow(10000.0, 2.0 * i / _dModel);
                values[t * _dModel + 2 * i] = Math.Sin(angle);
                values[t * _dModel + 2 * i + 1] = Math.Cos(angle);
            }
        }
        return values;
    }

    public Tensor Forward(PositionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Forward(query.Start, query.Length, query.DType, query.Device);
    }

    /// <summary>(T, C) in the given dtype and device.</summary>
    public Tensor Forward(int start, int length, ScalarType dtype, Device device)
    {
        using var scope = DisposeScope.Begin();
        var table = Tensor.From(Values(start, length), length, _dModel);
        return scope.Keep(table.To(dtype, device));
    }
}
