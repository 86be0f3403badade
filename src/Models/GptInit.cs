using ArithLab.Torch.Nn;

namespace ArithLab.Models;

/// <summary>
/// GPT-2's initialisation (Radford et al. 2019, §2.3; as in nanoGPT): weights of linear maps
/// and embedding tables N(0, 0.02²), the residual projections (<c>attn.proj</c>, <c>mlp.fc_out</c>)
/// N(0, (0.02/√(2L))²) so the residual stream's variance does not grow with depth, linear
/// biases 0. Norms keep weight 1, bias 0; FIRE and Parcae weights keep their own initialisation,
/// and an id table with a sinusoidal start gets its rows back after the pass.
/// </summary>
internal static class GptInit
{
    private const double Std = 0.02;

    public static void Apply(Module model, int residualLayers)
    {
        foreach (var p in model.NamedParameters())
        {
            var name = p.Name;
            if (name.Contains("fire.", StringComparison.Ordinal) || name.StartsWith("injection.", StringComparison.Ordinal) || IsNorm(name))
            {
                continue;
            }
            if (name.EndsWith("attn.proj.weight", StringComparison.Ordinal) || name.EndsWith("mlp.fc_out.weight", StringComparison.Ordinal))
            {
                Init.Normal_(p.Tensor, 0, Std / Math.Sqrt(2.0 * residualLayers));
            }
            else if (name.EndsWith(".weight", StringComparison.Ordinal))
            {
                Init.Normal_(p.Tensor, 0, Std);
            }
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                Init.Zeros_(p.Tensor);
            }
        }
        foreach (var (_, module) in model.NamedModules())
        {
            if (module is Positional.IdTable table) table.InitializeRows();
        }
    }

    private static bool IsNorm(string name) =>
        name.StartsWith("ln_f.", StringComparison.Ordinal) || name.Contains(".ln_1.", StringComparison.Ordinal) || name.Contains(".ln_2.", StringComparison.Ordinal)
        || name.Contains(".ln_1_post.", StringComparison.Ordinal) || name.Contains(".ln_2_post.", StringComparison.Ordinal);
}
