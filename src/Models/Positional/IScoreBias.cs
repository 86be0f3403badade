using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>A scheme's bias on the attention scores (role BiasesScores), shared by all layers or one per layer.</summary>
public interface IScoreBias
{
    /// <summary>
    /// The bias (nh, Tq, Tk) for queries at qStart..qStart+Tq−1 and keys at 0..Tk−1, in the scores'
    /// dtype and device; a scheme with weights may answer in its weights' dtype instead.
    /// </summary>
    Tensor Bias(int qStart, int queryLength, int keyLength, ScalarType dtype, Device device);
}
