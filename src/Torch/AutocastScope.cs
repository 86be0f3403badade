using ArithLab.Torch.Native;

namespace ArithLab.Torch;

/// <summary>An autocast region (<see cref="Autocast.Enable"/>); disposing it restores the previous state.</summary>
public sealed class AutocastScope : IDisposable
{
    private readonly DeviceType _device;
    private readonly int _previousEnabled;
    private readonly int _previousDtype;
    private bool _disposed;

    internal AutocastScope(DeviceType device, bool enabled, ScalarType dtype)
    {
        _device = device;
        Status.Check(NativeMethods.al_autocast_state((int)device, out _previousEnabled, out _previousDtype));
        // The dtype argument must be a 16-bit type even when switching off; keep the previous one then.
        var target = enabled ? dtype : (ScalarType)_previousDtype;
        if (target is not (ScalarType.Float16 or ScalarType.BFloat16))
        {
            target = ScalarType.BFloat16;
        }
        Status.Check(NativeMethods.al_autocast_enter((int)device, enabled ? 1 : 0, (int)target));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Status.Check(NativeMethods.al_autocast_exit((int)_device, _previousEnabled, _previousDtype));
    }
}
