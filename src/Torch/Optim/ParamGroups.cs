using ArithLab.Torch.Nn;

namespace ArithLab.Torch.Optim;

/// <summary>Parameter groups built from a module tree.</summary>
public static class ParamGroups
{
    /// <summary>
    /// Two groups, as in nanoGPT's <c>configure_optimizers</c>: the parameters that decay
    /// (matrices of linear layers and the like) with <paramref name="weightDecay"/>, and the
    /// ones marked <see cref="Parameter.NoWeightDecay"/> (biases, norm weights, embeddings) with
    /// none. Both groups take the optimizer's learning rate. An empty group is left out.
    /// </summary>
    public static IReadOnlyList<ParamGroup> ForModule(Module module, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (double.IsNaN(weightDecay) || weightDecay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must be a non-negative number");
        }
        var parameters = module.NamedParameters().ToList();
        var decay = parameters.Where(p => !p.NoWeightDecay).Select(p => p.Tensor).ToList();
        var noDecay = parameters.Where(p => p.NoWeightDecay).Select(p => p.Tensor).ToList();
        var groups = new List<ParamGroup>(2);
        if (decay.Count > 0)
        {
            groups.Add(new ParamGroup(decay, weightDecay: weightDecay));
        }
        if (noDecay.Count > 0)
        {
            groups.Add(new ParamGroup(noDecay, weightDecay: 0));
        }
        return groups;
    }
}
