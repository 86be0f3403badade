namespace ArithLab.Plots;

/// <summary>How data values map to distance along an axis.</summary>
public enum AxisScale
{
    Linear,

    /// <summary>Base-10 logarithm. Values ≤ 0 cannot be placed: charts skip them and say so in a note.</summary>
    Log10,
}
