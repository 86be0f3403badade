using ArithLab.Torch;

namespace ArithLab.Models.Positional;

/// <summary>A scheme that rotates queries and keys by position (role RotatesQueryKey).</summary>
public interface IQueryKeyRotation
{
    /// <summary>Rotates x (B, nh, T, hs) whose rows sit at positions start..start+T−1.</summary>
    Tensor Apply(Tensor x, int start);
}
