using ArithLab.Torch;

namespace ArithLab.Models.Hooks;

/// <summary>
/// Observes or replaces an activation: return null to leave it as is, or a tensor of the
/// same shape to use instead (activation patching).
/// </summary>
public delegate Tensor? Hook(Tensor activation, HookPoint point);
