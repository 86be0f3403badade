namespace ArithLab.Torch.LowPrecision;

/// <summary>
/// How a low-precision training recipe computes the model's matmuls while it is in force
/// (<see cref="MatMulPrecision.Enable"/>): every <see cref="Nn.Linear"/> layer calls
/// <see cref="Linear"/>, and attention's two matmuls call <see cref="MatMul"/>. <c>site</c> names
/// the caller (the module, with an index when one module has several matmuls), so a recipe can keep
/// state per matmul, such as delayed scaling's amax history.
/// </summary>
public interface IMatMulPrecision
{
    /// <summary>input (…, in) · weightᵀ (out, in) + bias: a linear layer's output (…, out).</summary>
    Tensor Linear(Tensor input, Tensor weight, Tensor? bias, MatMulSite site);

    /// <summary>a (…, M, K) · b (…, K, N): attention's QKᵀ and attention·V.</summary>
    Tensor MatMul(Tensor a, Tensor b, MatMulSite site);
}
