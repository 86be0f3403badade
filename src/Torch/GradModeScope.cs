namespace ArithLab.Torch;

/// <summary>Sets the thread's grad mode and restores the previous one when disposed.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal GradModeScope(bool enabled)
    {
        _previous = LibTorch.GradEnabled;
        LibTorch.GradEnabled = enabled;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        LibTorch.GradEnabled = _previous;
    }
}
