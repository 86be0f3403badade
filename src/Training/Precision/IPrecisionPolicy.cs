using ArithLab.Torch;
using ArithLab.Torch.Nn;
using ArithLab.Torch.Optim;

namespace ArithLab.Training.Precision;

/// <summary>
/// How numbers are represented in one training step: the parameters' dtype, the region around the
/// forward pass (autocast), and loss scaling around backward and the optimizer step. The trainer
/// talks to precision only through this interface, so a simulated low-precision format (fp8, MX
/// blocks, fp4, logarithmic multiplication: `precision.format`) is one more implementation, chosen in
/// <see cref="PrecisionPolicies.Create"/>.
/// </summary>
public interface IPrecisionPolicy
{
    /// <summary>One line for logs: "float32", "autocast bfloat16", "float16 + dynamic loss scale", ...</summary>
    string Description { get; }

    /// <summary>The dtype parameters are stored and updated in (float32 under autocast: master weights).</summary>
    ScalarType ParameterDType { get; }

    /// <summary>Opens the region the forward pass runs in; the loss is computed after it closes, in float32.</summary>
    IDisposable BeginForward();

    /// <summary>The tensor to call Backward on: the loss, or the loss times the current scale.</summary>
    Tensor ScaleLoss(Tensor loss);

    /// <summary>
    /// After backward, before clipping: undoes the loss scale on the gradients and says whether they
    /// are all finite. False means skip this optimizer step.
    /// </summary>
    bool UnscaleGradients(IReadOnlyList<Tensor> parameters);

    /// <summary>After the step (taken or skipped): adjusts the loss scale.</summary>
    void EndStep(bool gradientsFinite);

    /// <summary>The current loss scale (1 without scaling), for the metrics.</summary>
    double LossScale { get; }

    /// <summary>State a resumed run needs (loss scale and its growth counter), as numbers.</summary>
    IReadOnlyDictionary<string, double> State();

    void LoadState(IReadOnlyDictionary<string, double> state);

    /// <summary>Called once the model and optimizer exist (a recipe that rounds optimizer state keeps the optimizer).</summary>
    void Attach(Module model, Optimizer optimizer)
    {
    }
}
