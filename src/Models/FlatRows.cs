using ArithLab.Torch;

namespace ArithLab.Models;

/// <summary>
/// Positions of a batch named by their flat index b·T + t into its (B·T) grid, row-major, as the
/// training loss and exact match name the positions they score.
/// </summary>
public static class FlatRows
{
    /// <summary>x (B, T, C) → (N, C): the positions <paramref name="rows"/> (N, int64), in the order given.</summary>
    public static Tensor Select(Tensor x, Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        return x.Reshape(-1, x.Size(-1)).IndexSelect(0, rows);
    }
}
