using ArithLab.Torch;
using ArithLab.Torch.Nn;

namespace ArithLab.Models.Positional;

/// <summary>The lookup shared by the id-indexed position tables (Abacus, coupled).</summary>
internal static class IdTable
{
    public static Tensor Lookup(Tensor table, Tensor ids, int maxId, int offset, string what)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = DisposeScope.Begin();
        var shifted = ids.To(ScalarType.Int64, table.Device);
        if (offset > 0)
        {
            // Only real positions move: id 0 stays the "no position" row.
            shifted = shifted + Tensor.Gt(shifted, 0L).To(ScalarType.Int64) * offset;
        }
        var largest = shifted.NumEl == 0 ? 0 : (long)shifted.Max().Item();
        if (largest >= maxId)
        {
            throw new ArgumentException($"{what} id {largest} is outside the table of {maxId} ids (raise MaxPositionId)");
        }
        return scope.Keep(Functional.Embedding(table, shifted));
    }
}
