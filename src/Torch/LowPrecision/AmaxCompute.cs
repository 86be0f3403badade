namespace ArithLab.Torch.LowPrecision;

/// <summary>Which amax of the history sets a delayed scale (Transformer Engine's <c>amax_compute_algo</c>).</summary>
public enum AmaxCompute
{
    /// <summary>The largest amax in the history window.</summary>
    Max = 0,

    /// <summary>The amax of the latest tensor.</summary>
    MostRecent = 1,
}
