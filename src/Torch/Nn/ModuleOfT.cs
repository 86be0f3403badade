namespace ArithLab.Torch.Nn;

/// <summary>
/// A module with a forward function. The convention: a module with one tensor input is a
/// <c>Module&lt;Tensor, Tensor&gt;</c> and implements <c>Tensor Forward(Tensor x)</c>, so it can
/// go into a <see cref="Sequential"/>; several inputs are a tuple (<c>Module&lt;(Tensor, Tensor), Tensor&gt;</c>).
/// Forward returns new tensors the caller owns, as every op does.
/// </summary>
public abstract class Module<TInput, TOutput> : Module
{
    public abstract TOutput Forward(TInput input);
}
