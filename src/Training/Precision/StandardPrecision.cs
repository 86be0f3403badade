using ArithLab.Torch;

namespace ArithLab.Training.Precision;

/// <summary>
/// IEEE training in one of three ways: float32 throughout; autocast (float32 master weights,
/// float16/bfloat16 matmuls in the forward pass); or parameters stored in float16/bfloat16
/// outright. Float16 may add a <see cref="GradScaler"/>.
/// </summary>
public sealed class StandardPrecision : IPrecisionPolicy
{
    private readonly Device _device;
    private readonly ScalarType? _autocast;
    private readonly GradScaler? _scaler;

    /// <param name="parameterDType">float32, or a 16-bit type for pure low-precision training.</param>
    /// <param name="autocast">A 16-bit type to autocast the forward pass to, or null.</param>
    public StandardPrecision(Device device, ScalarType parameterDType, ScalarType? autocast, GradScaler? scaler)
    {
        if (autocast is { } a && !Autocast.IsSupported(device.Type, a))
        {
            throw new NotSupportedException(
                $"autocast to {a.TorchName()} on {device} is not supported by libtorch {LibTorch.Version}; use bfloat16 on the CPU");
        }
        _device = device;
        ParameterDType = parameterDType;
        _autocast = autocast;
        _scaler = scaler;
    }

    public string Description =>
        (_autocast is { } a ? $"autocast {a.TorchName()} (float32 weights)" : ParameterDType.TorchName()) +
        (_scaler is null ? "" : _scaler.Dynamic ? " + dynamic loss scale" : $" + loss scale {_scaler.Scale}");

    public ScalarType ParameterDType { get; }

    public double LossScale => _scaler?.Scale ?? 1.0;

    public IDisposable BeginForward() =>
        _autocast is { } a ? Autocast.Enable(_device.Type, a) : NoRegion.Instance;

    public Tensor ScaleLoss(Tensor loss) => _scaler is null ? loss : _scaler.ScaleLoss(loss);

    public bool UnscaleGradients(IReadOnlyList<Tensor> parameters) => _scaler is null || _scaler.Unscale(parameters);

    public void EndStep(bool gradientsFinite) => _scaler?.Update(gradientsFinite);

    public IReadOnlyDictionary<string, double> State() => _scaler is null
        ? new Dictionary<string, double>()
        : new Dictionary<string, double> { ["loss_scale"] = _scaler.Scale, ["growth_tracker"] = _scaler.GrowthTracker };

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_scaler is not null && state.TryGetValue("loss_scale", out var scale))
        {
            _scaler.Restore(scale, state.TryGetValue("growth_tracker", out var t) ? (int)t : 0);
        }
    }

    private sealed class NoRegion : IDisposable
    {
        public static readonly NoRegion Instance = new();

        public void Dispose()
        {
        }
    }
}
